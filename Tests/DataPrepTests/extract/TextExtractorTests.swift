import Foundation
import Testing

@testable import DataPrep

@Suite struct TextExtractorTests {
  private func plain(_ bytes: [UInt8]) throws -> Document {
    try TextExtractor().document(from: bytes, markdown: false, source: "notes.txt")
  }

  @Test func utf8TextTitleIsFirstLine() throws {
    let document = try plain(Array("Spring survey\n\nReed warblers arrived early.\n".utf8))
    #expect(document.title == "Spring survey")
    #expect(document.text == "Spring survey\n\nReed warblers arrived early.")
    #expect(document.format == "text")
    #expect(document.sections == [Document.Section(heading: "", level: 0, text: document.text)])
    #expect(document.metadata["encoding"] == .string("utf-8"))
  }

  @Test func longFirstLineIsNoTitle() throws {
    let line = String(repeating: "word ", count: 60)
    #expect(try plain(Array((line + "\nmore").utf8)).title == "")
  }

  @Test func utf8ByteOrderMarkIsRemoved() throws {
    let document = try plain([0xEF, 0xBB, 0xBF] + Array("Café".utf8))
    #expect(document.text == "Café")
    #expect(document.metadata["encoding"] == .string("utf-8"))
  }

  @Test func utf16LittleEndianWithBOM() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "Grüße\r\nwelt".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let document = try plain(bytes)
    #expect(document.text == "Grüße\nwelt")
    #expect(document.metadata["encoding"] == .string("utf-16le"))
  }

  @Test func utf16BigEndianWithBOM() throws {
    var bytes: [UInt8] = [0xFE, 0xFF]
    for unit in "Ωmega 😀".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    let document = try plain(bytes)
    #expect(document.text == "Ωmega 😀")
    #expect(document.metadata["encoding"] == .string("utf-16be"))
  }

  @Test func invalidUTF8FallsBackToWindows1252() throws {
    // "café – “ok”" in windows-1252: é = E9, en dash = 96, quotes = 93/94.
    let bytes: [UInt8] = Array("caf".utf8) + [0xE9, 0x20, 0x96, 0x20, 0x93] + Array("ok".utf8) + [0x94]
    let document = try plain(bytes)
    #expect(document.text == "café – “ok”")
    #expect(document.metadata["encoding"] == .string("windows-1252"))
  }

  @Test func lineEndingsAreNormalised() throws {
    #expect(try plain(Array("a\r\nb\rc\n".utf8)).text == "a\nb\nc")
  }

  @Test func nulBytesAreBinary() {
    #expect(throws: ExtractError.binary(path: "notes.txt", offset: 3)) {
      try plain([0x61, 0x62, 0x63, 0x00, 0x64])
    }
  }

  @Test func whitespaceOnlyIsEmpty() {
    #expect(throws: ExtractError.empty(path: "notes.txt")) { try plain(Array(" \n\t\n".utf8)) }
  }

  @Test func markdownHeadingsBecomeSections() throws {
    let markdown = """
      Intro line.

      # Guide

      Start here.

      ## Install ##

      Run it.

      Usage
      -----

      Call it.

      ```
      # a comment, not a heading
      ```
      """
    let document = try TextExtractor().document(from: Array(markdown.utf8), markdown: true, source: "guide.md")
    #expect(document.format == "markdown")
    #expect(document.title == "Guide")
    #expect(
      document.sections.map(\.heading) == ["", "Guide", "Install", "Usage"])
    #expect(document.sections.map(\.level) == [0, 1, 2, 2])
    #expect(document.sections[2].text == "Run it.")
    #expect(document.sections[3].text == "Call it.\n\n```\n# a comment, not a heading\n```")
    #expect(document.text.contains("## Usage\n"))
    #expect(!document.text.contains("-----"))
  }

  @Test func markdownWithoutH1TakesFirstLineAsTitle() throws {
    let document = try TextExtractor().document(from: Array("Notes\n\n## Part\ntext".utf8), markdown: true, source: "n.md")
    #expect(document.title == "Notes")
  }

  @Test func frontMatterGivesTitleAndMetadata() throws {
    let markdown = "---\ntitle: Release plan\nauthor: Mara\ntags: [a, b]\ndate: 2026-01-02\n---\n# Heading\n\nBody."
    let document = try TextExtractor().document(from: Array(markdown.utf8), markdown: true, source: "p.md")
    #expect(document.title == "Release plan")
    #expect(document.metadata["author"] == .string("Mara"))
    #expect(document.metadata["date"] == .string("2026-01-02"))
    #expect(document.metadata["tags"] == .array([.string("a"), .string("b")]))
    #expect(document.text == "# Heading\n\nBody.")
  }

  @Test func idIsStableAndDependsOnSource() throws {
    let a = try plain(Array("x".utf8))
    let b = try TextExtractor().document(from: Array("y".utf8), markdown: false, source: "notes.txt")
    let c = try TextExtractor().document(from: Array("x".utf8), markdown: false, source: "other.txt")
    #expect(a.id == b.id)
    #expect(a.id != c.id)
    #expect(a.id == DocumentID.make(source: "notes.txt"))
    #expect(a.id.count == 16 && a.id.allSatisfy(\.isHexDigit))
  }
}
