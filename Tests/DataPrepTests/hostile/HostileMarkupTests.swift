import Foundation
import Testing

@testable import DataPrep

/// Hostile HTML and XML through extraction (`ExtractionRun`, as `dataprep extract` runs it):
/// nothing outside the input is ever read, expansion is bounded, deep nesting never overflows
/// the stack, and every refusal names the file.
@Suite struct HostileMarkupTests {
  private static let recordOptions = ExtractOptions(recordXPath: "//r", fields: [("text", ".")])

  /// Extracts `name` holding `bytes`, in tree mode and in record mode when `records` is set.
  private func extract(
    _ name: String, _ bytes: [UInt8], options: ExtractOptions = ExtractOptions()
  ) throws -> (documents: [Document], failures: [String], path: String, folder: ScratchFolder) {
    let folder = try ScratchFolder()
    let path = try folder.write(name, bytes)
    let (documents, failures, _) = try collect(ExtractionRun(paths: [path], options: options))
    return (documents, failures, path, folder)
  }

  private func allText(_ documents: [Document]) -> String {
    documents.map { $0.title + "\n" + $0.text + "\n" + JSONWriter().string(of: $0.jsonValue) }.joined()
  }

  @Test(arguments: [false, true])
  func xmlExternalEntityIsNeverRead(recordMode: Bool) throws {
    let folder = try ScratchFolder()
    let (secretPath, secret) = try HostileBytes.secretFile(in: folder)
    let result = try extract(
      "x.xml", Array(HostileBytes.externalEntity(secretPath).utf8),
      options: recordMode ? Self.recordOptions : ExtractOptions())
    #expect(!allText(result.documents).contains(secret))
    #expect(result.failures.allSatisfy { $0.hasPrefix(result.path) && !$0.contains(secret) })
  }

  @Test(arguments: [false, true])
  func xmlExternalDTDIsNeverLoaded(recordMode: Bool) throws {
    let folder = try ScratchFolder()
    let secret = "DTD-SECRET-\(UUID().uuidString)"
    let dtd = try folder.write("evil.dtd", "<!ENTITY defined \"\(secret)\">")
    let result = try extract(
      "x.xml", Array(HostileBytes.externalDTD(dtd).utf8), options: recordMode ? Self.recordOptions : ExtractOptions())
    #expect(!allText(result.documents).contains(secret))
    #expect(result.failures.allSatisfy { $0.hasPrefix(result.path) && !$0.contains(secret) })
  }

  @Test(arguments: [false, true])
  func billionLaughsIsRefusedOrBoundedAndNamesTheFile(recordMode: Bool) throws {
    let xml = HostileBytes.billionLaughs.replacingOccurrences(of: "<lolz>&lol9;</lolz>", with: "<lolz><r>&lol9;</r></lolz>")
    let result = try extract("lol.xml", Array(xml.utf8), options: recordMode ? Self.recordOptions : ExtractOptions())
    #expect(result.documents.allSatisfy { $0.text.utf8.count < 1 << 20 })
    if result.documents.isEmpty {
      #expect(result.failures.count == 1)
      #expect(result.failures.first?.hasPrefix(result.path) == true)
    }
  }

  @Test(arguments: [false, true])
  func quadraticBlowupIsRefusedOrBounded(recordMode: Bool) throws {
    let xml = HostileBytes.quadraticBlowup.replacingOccurrences(of: "<q>", with: "<q><r>")
      .replacingOccurrences(of: "</q>", with: "</r></q>")
    let result = try extract("quad.xml", Array(xml.utf8), options: recordMode ? Self.recordOptions : ExtractOptions())
    // 200 kB that would expand to 2.5 GB: refused in both modes (record mode once produced
    // 7.5 GB of output and 12 GB of memory here before its expansion budget).
    #expect(result.documents.isEmpty)
    #expect(result.failures.count == 1)
    #expect(result.failures.first?.hasPrefix(result.path) == true, "\(result.failures)")
    #expect(result.failures.first?.contains("entity") == true, "\(result.failures)")
  }

  @Test(arguments: [false, true])
  func xmlNestedAHundredThousandLevelsDoesNotCrash(recordMode: Bool) throws {
    let xml = Array("<?xml version=\"1.0\"?><doc><r>".utf8) + HostileBytes.nested("<a>", "</a>", depth: 100_000, inner: "deep")
      + Array("</r></doc>".utf8)
    let result = try extract("deep.xml", xml, options: recordMode ? Self.recordOptions : ExtractOptions())
    // libxml2 refuses nesting past its limit (256 levels without XML_PARSE_HUGE): a clear
    // failure naming the file, or the text if a future limit allows it.
    if result.documents.isEmpty {
      #expect(result.failures.count == 1)
      #expect(result.failures.first?.hasPrefix(result.path) == true, "\(result.failures)")
    } else {
      #expect(allText(result.documents).contains("deep"))
    }
  }

  @Test func htmlNeverLoadsADTDOrExternalEntity() throws {
    let folder = try ScratchFolder()
    let (secretPath, secret) = try HostileBytes.secretFile(in: folder)
    let html = """
      <!DOCTYPE html SYSTEM "file://\(secretPath)" [<!ENTITY xxe SYSTEM "file://\(secretPath)">]>
      <html><body><p>a &xxe; b</p><iframe src="file://\(secretPath)"></iframe>
      <object data="file://\(secretPath)"></object><img src="file://\(secretPath)"></body></html>
      """
    let result = try extract("page.html", Array(html.utf8))
    #expect(result.failures.isEmpty)
    #expect(!allText(result.documents).contains(secret))
  }

  @Test func htmlWithEntityBombDeclarationsStaysSmall() throws {
    let html = HostileBytes.billionLaughs.replacingOccurrences(of: "<lolz>&lol9;</lolz>", with: "<html><body><p>&lol9;</p></body></html>")
    let result = try extract("lol.html", Array(html.utf8))
    #expect(result.documents.allSatisfy { $0.text.utf8.count < 1 << 20 })
  }

  @Test(arguments: HostileBytes.invalidUTF8.map(\.name))
  func invalidUTF8InHTMLNeverCrashesAndKeepsTheRest(name: String) throws {
    let sequence = try #require(HostileBytes.invalidUTF8.first { $0.name == name }).bytes
    let html = Array("<html><head><meta charset=utf-8></head><body><p>before ".utf8) + sequence
      + Array(" after</p></body></html>".utf8)
    let result = try extract("bad.html", html)
    #expect(result.failures.isEmpty)
    let text = try #require(result.documents.first?.text)
    #expect(text.contains("before") && text.contains("after"), "\(name): \(text)")
  }

  @Test func utf16HTMLWithoutByteOrderMarkGivesTextOrAClearFailure() throws {
    let result = try extract("utf16.html", HostileBytes.utf16LEWithoutBOM("<html><body><p>hello world</p></body></html>"))
    if let document = result.documents.first {
      #expect(!document.text.contains("\u{0}"))
    } else {
      #expect(result.failures.first?.hasPrefix(result.path) == true)
    }
  }

  @Test func nulBytesInXMLAreAFailureNamingTheFile() throws {
    let result = try extract("nul.xml", Array("<?xml version=\"1.0\"?><d>a".utf8) + [0] + Array("b</d>".utf8))
    #expect(result.documents.isEmpty || !(result.documents.first?.text.contains("\u{0}") ?? false))
    #expect(result.failures.allSatisfy { $0.hasPrefix(result.path) })
  }

  @Test func aSixteenMegabyteSingleLineOfHTMLIsExtracted() throws {
    var html = Array("<html><body><p>".utf8)
    let words = Array("lorem ipsum dolor sit amet ".utf8)
    while html.count < 16 << 20 { html += words }
    html += Array("</p></body></html>".utf8)
    let result = try extract("long.html", html)
    #expect(result.failures.isEmpty)
    #expect((result.documents.first?.text.utf8.count ?? 0) > 15 << 20)
  }
}

/// The cases of ``HostileMarkupTests`` that take over about 5 seconds: tagged `.long`, and named so that
/// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
extension HostileMarkupTests {
  @Suite(.tags(.long)) struct LongTests {
    @Test func htmlNestedAHundredThousandLevelsKeepsItsText() throws {
      for (open, close) in [("<div>", "</div>"), ("<ul><li>", "</li></ul>"), ("<table><tr><td>", "</td></tr></table>"), ("<b>", "</b>")] {
        let result = try HostileMarkupTests().extract("deep.html", HostileBytes.nested(open, close, depth: 100_000, inner: "deep"))
        #expect(result.failures.isEmpty, "\(open): \(result.failures)")
        #expect(result.documents.first?.text.contains("deep") == true, "\(open)")
      }
    }

    @Test func aSixtyFourMegabyteSingleLineOfTextIsExtracted() throws {
      var text = [UInt8]()
      text.reserveCapacity(64 << 20)
      let words = Array("lorem ipsum dolor sit amet ".utf8)
      while text.count < 64 << 20 { text += words }
      let result = try HostileMarkupTests().extract("long.txt", text)
      #expect(result.failures.isEmpty)
      #expect((result.documents.first?.text.utf8.count ?? 0) > 63 << 20)
    }
  }
}
