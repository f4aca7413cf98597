import Foundation
import Testing

@testable import DataPrep

@Suite struct XMLDocumentParserTests {
  private func parse(_ text: String) throws -> MarkupTree {
    try XMLDocumentParser().parse(Array(text.utf8))
  }

  /// A temporary file holding `contents`, removed by the caller.
  private func temporaryFile(_ contents: String, suffix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dataprep-\(UUID().uuidString)\(suffix)")
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test func reportsMalformedXMLWithItsLine() {
    #expect(throws: MarkupParseError.self) { try parse("<a>\n<b>\n</a>") }
    do {
      _ = try parse("<a>\n<b>\n</a>")
    } catch let error as MarkupParseError {
      guard case .malformed(let message, let line) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(line == 3)
      #expect(message.contains("mismatch"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func rejectsEmptyInput() {
    #expect(throws: MarkupParseError.empty) { try XMLDocumentParser().parse([UInt8]()) }
  }

  @Test func recoverModeKeepsWhatItCan() throws {
    let tree = try XMLDocumentParser(recover: true).parse(Array("<a><b>text</a>".utf8))
    #expect(tree.textContent(of: MarkupTree.root) == "text")
  }

  @Test func expandsInternalEntitiesAndCharacterReferences() throws {
    let tree = try parse(#"<!DOCTYPE a [<!ENTITY who "world">]><a title="hi &who;">hello &who; &#233;&amp;</a>"#)
    let root = try #require(tree.rootElement)
    #expect(tree.textContent(of: root) == "hello world é&")
    #expect(tree.attribute("title", of: root) == "hi world")
  }

  @Test func billionLaughsIsRefused() {
    var doc = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      doc += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
    }
    doc += "]><lolz>&lol9;</lolz>"
    #expect(throws: MarkupParseError.self) { try parse(doc) }
  }

  @Test func billionLaughsInAttributeIsRefused() {
    var doc = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      doc += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
    }
    doc += "]><lolz a=\"&lol9;\"/>"
    #expect(throws: MarkupParseError.self) { try parse(doc) }
  }

  @Test func quadraticBlowupIsBounded() throws {
    let big = String(repeating: "x", count: 50_000)
    let doc = "<!DOCTYPE a [<!ENTITY big \"\(big)\">]><a>" + String(repeating: "&big;", count: 50_000) + "</a>"
    // 2.5 GB if expanded: either libxml2 refuses, or the tree builder stops at its limit.
    do {
      let tree = try parse(doc)
      #expect(tree.textBytes.count <= MarkupTree.defaultEntityTextLimit)
    } catch let error as MarkupParseError {
      #expect(error != .empty)
    }
  }

  @Test func externalEntityIsNeverRead() throws {
    let secret = try temporaryFile("TOP-SECRET", suffix: ".txt")
    defer { try? FileManager.default.removeItem(at: secret) }
    for system in [secret.absoluteString, secret.path, "file:///etc/passwd"] {
      let doc = "<!DOCTYPE a [<!ENTITY x SYSTEM \"\(system)\">]><a>before &x; after</a>"
      let tree = try XMLDocumentParser(recover: true).parse(Array(doc.utf8))
      let text = tree.textContent(of: MarkupTree.root)
      #expect(!text.contains("TOP-SECRET"))
      #expect(!text.contains("root:"))
      #expect(text.contains("before"))
    }
  }

  @Test func externalDTDIsNeverLoaded() throws {
    let dtd = try temporaryFile("<!ENTITY x \"FROM-DTD\"><!ATTLIST a d CDATA \"DEFAULTED\">", suffix: ".dtd")
    defer { try? FileManager.default.removeItem(at: dtd) }
    let doc = "<!DOCTYPE a SYSTEM \"\(dtd.absoluteString)\"><a>before &x; after</a>"
    let tree = try XMLDocumentParser(recover: true).parse(Array(doc.utf8))
    let root = try #require(tree.rootElement)
    #expect(!tree.textContent(of: root).contains("FROM-DTD"))
    #expect(tree.attribute("d", of: root) == nil)
  }

  @Test func networkDTDIsNeverFetched() throws {
    // Port 9 (discard) on a TEST-NET address: a fetch attempt would hang or fail, not return.
    let doc = #"<!DOCTYPE a PUBLIC "-//X//DTD X//EN" "http://192.0.2.1:9/x.dtd"><a>text</a>"#
    let tree = try parse(doc)
    #expect(tree.textContent(of: MarkupTree.root) == "text")
  }

  @Test func deepXMLIsParsedWhenItDeclaresNoEntities() throws {
    let depth = 5_000
    let doc = String(repeating: "<e>", count: depth) + "deep" + String(repeating: "</e>", count: depth)
    let tree = try parse(doc)
    #expect(tree.textContent(of: MarkupTree.root) == "deep")
  }

  @Test func deepXMLWithEntitiesIsRefused() {
    let depth = 1_000
    let doc = "<!DOCTYPE e [<!ENTITY x \"y\">]>" + String(repeating: "<e>", count: depth) + "&x;"
      + String(repeating: "</e>", count: depth)
    #expect(throws: MarkupParseError.self) { try parse(doc) }
  }
}
