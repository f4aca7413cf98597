import Foundation
import Testing

@testable import DataPrep

/// The streaming record reader speaks its own types (input, path, error), so libxml2's wrapper
/// depends on no stage; `extract` maps them to its own with the same messages.
@Suite struct XMLRecordReaderTypesTests {
  /// An in-memory input, optionally failing after its bytes, as any caller could supply.
  final class MemoryInput: XMLRecordInput {
    struct Broken: Error, Equatable {}
    let path = "memory.xml"
    let bytes: [UInt8]
    let failAtEnd: Bool
    var bytesRead = 0
    var peekedHead: [UInt8] { [] }
    var endSeen: Bool { false }

    init(_ text: String, failAtEnd: Bool = false) {
      bytes = Array(text.utf8)
      self.failAtEnd = failAtEnd
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
      let n = min(buffer.count, bytes.count - bytesRead)
      if n == 0 && failAtEnd { throw Broken() }
      for i in 0..<n { buffer[i] = bytes[bytesRead + i] }
      bytesRead += n
      return n
    }
  }

  static func path(_ steps: [String], anchored: Bool = false, predicate: String? = nil) -> XMLRecordPath {
    XMLRecordPath(steps: steps, anchored: anchored, predicate: predicate, text: "//" + steps.joined(separator: "/"))
  }

  @Test func readsRecordsFromAnyInput() throws {
    let input = MemoryInput("<r><row A='1'>x</row><other/><row A='2'>y</row></r>")
    let reader = try XMLRecordReader(
      input: input, recordPath: Self.path(["row"]), fields: [.init(name: "a", xpath: "@A"), .init(name: "t", xpath: "string(.)")])
    var rows: [[String?]] = []
    while let values = try reader.next() { rows.append(values) }
    #expect(rows == [["1", "x"], ["2", "y"]])
  }

  @Test func anAnchoredPathMatchesOnlyFromTheRoot() {
    let path = Self.path(["r", "row"], anchored: true)
    #expect(path.matches([("r", "r"), ("row", "row")]))
    #expect(!path.matches([("x", "x"), ("r", "r"), ("row", "row")]))
    #expect(Self.path(["row"]).matches([("x", "x"), ("a:row", "row")]))
    #expect(!Self.path(["b:row"]).matches([("a:row", "row")]))
  }

  @Test func anInputErrorIsRethrownUnchanged() throws {
    let reader = try XMLRecordReader(input: MemoryInput("<r><row/>", failAtEnd: true), recordPath: Self.path(["row"]), fields: [])
    #expect(throws: MemoryInput.Broken()) {
      while try reader.next() != nil {}
    }
  }

  @Test func badXPathsAreTheReadersOwnErrors() {
    #expect(throws: XMLRecordError.badFieldXPath(name: "x", xpath: "@@")) {
      _ = try XMLRecordReader(input: MemoryInput("<r/>"), recordPath: Self.path(["row"]), fields: [.init(name: "x", xpath: "@@")])
    }
    #expect(throws: XMLRecordError.badPredicate(xpath: "//row")) {
      _ = try XMLRecordReader(input: MemoryInput("<r/>"), recordPath: Self.path(["row"], predicate: "@@"), fields: [])
    }
  }

  @Test func malformedXMLIsTheReadersOwnErrorNamingPathAndLine() throws {
    let reader = try XMLRecordReader(input: MemoryInput("<r>\n<row>x</row>\n<row"), recordPath: Self.path(["row"]), fields: [])
    #expect(try reader.next() != nil)
    do {
      while try reader.next() != nil {}
      Issue.record("no error")
    } catch let XMLRecordError.malformed(path, line, message) {
      #expect(path == "memory.xml")
      #expect(line == 3)
      #expect(!message.isEmpty)
    }
  }

  @Test func extractWordsTheReadersErrorsAsBefore() {
    #expect(ExtractError(XMLRecordError.badFieldXPath(name: "x", xpath: "@@")) == .badFieldXPath(name: "x", xpath: "@@"))
    #expect(
      ExtractError(XMLRecordError.badPredicate(xpath: "//row[@@]"))
        == .unsupportedRecordPath(xpath: "//row[@@]", reason: "the predicate is not valid XPath"))
    #expect(
      ExtractError(XMLRecordError.malformed(path: "a.xml", line: 3, message: "boom"))
        == .malformedXML(path: "a.xml", line: 3, message: "boom"))
    #expect(
      ExtractError(XMLRecordError.malformed(path: "a.xml", line: 3, message: "boom")).localizedDescription
        == "a.xml:3: malformed XML: boom")
  }
}
