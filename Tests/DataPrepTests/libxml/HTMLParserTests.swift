import Testing

@testable import DataPrep

@Suite struct HTMLParserTests {
  private func parse(_ bytes: [UInt8]) throws -> (text: String, encoding: String) {
    let result = try HTMLParser().parse(bytes)
    let body = result.tree.firstElement(named: "body") ?? MarkupTree.root
    return (result.tree.textContent(of: body), result.encoding)
  }

  @Test func rejectsEmptyInput() {
    #expect(throws: MarkupParseError.empty) { try HTMLParser().parse([UInt8]()) }
  }

  @Test func utf8WithBOM() throws {
    let result = try parse([0xEF, 0xBB, 0xBF] + Array("<p>Grüße</p>".utf8))
    #expect(result.text == "Grüße")
    #expect(result.encoding == "utf-8")
  }

  @Test func utf16WithBOM() throws {
    var little: [UInt8] = [0xFF, 0xFE]
    var big: [UInt8] = [0xFE, 0xFF]
    for unit in "<p>Grüße €</p>".utf16 {
      little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    #expect(try parse(little) == ("Grüße €", "utf-16le"))
    #expect(try parse(big) == ("Grüße €", "utf-16be"))
  }

  @Test func metaCharsetWindows1252() throws {
    let bytes = Array(#"<html><head><meta charset="windows-1252"></head><body><p>caf"#.utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94]
      + Array("</p></body></html>".utf8)
    #expect(try parse(bytes) == ("café \u{201C}q\u{201D}", "windows-1252"))
  }

  @Test func iso88591LabelMeansWindows1252() throws {
    let bytes = Array(#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>"#.utf8) + [0x93, 0x41, 0x94]
    #expect(try parse(bytes) == ("\u{201C}A\u{201D}", "windows-1252"))
  }

  @Test func shiftJISFromMeta() throws {
    // 日本 in Shift_JIS is 93 FA 96 7B.
    let bytes = Array(#"<meta charset="Shift_JIS"><p>"#.utf8) + [0x93, 0xFA, 0x96, 0x7B] + Array("</p>".utf8)
    #expect(try parse(bytes) == ("日本", "shift_jis"))
  }

  @Test func invalidUTF8DoesNotGarbleTheRest() throws {
    // The stray bytes alone are read as windows-1252 (ÿ, þ, €); the valid UTF-8 stays.
    let bytes = Array("<p>Grüße ".utf8) + [0xFF, 0xFE, 0x80] + Array(" über Straße</p>".utf8)
    let result = try parse(bytes)
    #expect(result.text == "Grüße ÿþ€ über Straße")
    #expect(result.encoding == "utf-8")
  }

  @Test func noDeclarationAndInvalidUTF8MeansWindows1252() throws {
    let bytes = Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8)
    #expect(try parse(bytes) == ("café", "windows-1252"))
  }

  @Test func validUTF8WinsOverAWrongLegacyDeclaration() throws {
    let bytes = Array(#"<meta charset="iso-8859-1"><p>Grüße</p>"#.utf8)
    #expect(try parse(bytes) == ("Grüße", "utf-8"))
  }

  @Test func binaryGarbageDoesNotCrash() throws {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var bytes: [UInt8] = []
    for _ in 0..<100_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      bytes.append(UInt8(truncatingIfNeeded: state >> 56))
    }
    _ = try HTMLParser().parse(bytes)
    _ = try HTMLParser().parse([0, 0, 0, 0])
  }

  @Test func nulBytesDoNotStopTheParse() throws {
    let bytes = Array("<p>a".utf8) + [0] + Array("b</p><p>after</p>".utf8)
    #expect(try parse(bytes).text.hasSuffix("after"))
  }

  @Test func parsesStringFragments() throws {
    let tree = try HTMLParser().parse(text: "<p>Use <code>x &lt; y</code></p>")
    #expect(tree.textContent(of: MarkupTree.root) == "Use x < y")
  }

  @Test func sameBytesGiveTheSameTree() throws {
    let bytes = Array("<html><body><h1>T</h1><p>a<br>b</p></body></html>".utf8)
    #expect(try HTMLParser().parse(bytes).tree == HTMLParser().parse(bytes).tree)
  }

  @Test func concurrentParsesGiveTheSerialResult() async throws {
    let page = Array(("<html><body>" + String(repeating: "<p>Grüße <b>x</b></p><div hidden>y</div>", count: 200) + "</body></html>").utf8)
    let expected = try HTMLParser().parse(page).tree
    try await withThrowingTaskGroup(of: MarkupTree.self) { group in
      for _ in 0..<16 { group.addTask { try HTMLParser().parse(page).tree } }
      for try await tree in group { #expect(tree == expected) }
    }
  }
}
