import Foundation
import Testing

@testable import DataPrep

/// Issue 15 in the libxml2 layer: stray Latin-1 bytes, libxml2's limit messages, XPath checks,
/// the attribute cap that keeps HTML parsing linear.
@Suite struct Issue15LibXMLTests {
  // MARK: Stray Latin-1 bytes in UTF-8 (point 19)

  @Test func strayLatin1BytesInUTF8HTMLChangeOnlyThemselves() throws {
    // More stray bytes (3) than valid sequences (2): before, the whole page was read as
    // windows-1252 and "été" became "Ã©tÃ©".
    let bytes = Array("<p>été ".utf8) + [0xE0, 0x20, 0xE7, 0x61, 0x20, 0xE9] + Array("</p>".utf8)
    let result = try HTMLParser().parse(bytes)
    let body = result.tree.firstElement(named: "body") ?? MarkupTree.root
    #expect(result.tree.textContent(of: body) == "été à ça é")
    #expect(result.encoding == "windows-1252")
  }

  @Test func aWindows1252DeclarationOverMostlyUTF8MapsOnlyTheStrayBytes() throws {
    let bytes = Array(#"<meta charset="iso-8859-1"><p>Grüße über Straße "#.utf8) + [0x93, 0x61, 0x94] + Array("</p>".utf8)
    let result = try HTMLParser().parse(bytes)
    let body = result.tree.firstElement(named: "body") ?? MarkupTree.root
    #expect(result.tree.textContent(of: body) == "Grüße über Straße \u{201C}a\u{201D}")
    #expect(result.encoding == "utf-8")
  }

  @Test func strayBytesAreMappedOneByOneAndValidSequencesKept() {
    let bytes: [UInt8] = Array("é".utf8) + [0xE9, 0x80, 0x00, 0x41] + Array("€".utf8)
    let out = bytes.withUnsafeBufferPointer { UTF8Transcoder.utf8MappingStrayBytes($0) }
    #expect(String(decoding: out, as: UTF8.self) == "éé€\u{FFFD}A€")
  }

  // MARK: libxml2 limits in plain words (point 20)

  @Test func aDepthLimitHitIsExplainedWithoutLibxml2Jargon() {
    let deep = "<!DOCTYPE r [<!ENTITY e \"x\">]><r>" + String(repeating: "<a>", count: 300) + "&e;"
      + String(repeating: "</a>", count: 300) + "</r>"
    do {
      _ = try XMLDocumentParser().parse(Array(deep.utf8))
      Issue.record("a 300-level document that declares entities parsed")
    } catch {
      let message = error.localizedDescription
      #expect(message.contains("nested deeper than 256 levels"))
      #expect(message.contains("declares no entities"))
      #expect(message.hasPrefix("line 1: libxml2 limit hit"))
    }
  }

  @Test func aLongAttributeWithoutEntitiesParsesThanksToTheRetry() throws {
    // "internal error: Huge input lookup" was not recognised as a limit, so no retry was made.
    let xml = "<r a=\"" + String(repeating: "x", count: 10_500_000) + "\">t</r>"
    let tree = try XMLDocumentParser().parse(Array(xml.utf8))
    let root = try #require(tree.rootElement)
    #expect(tree.attribute("a", of: root)?.utf8.count == 10_500_000)
  }

  @Test func limitMessagesAreRecognised() {
    #expect(LibXMLLimit(message: "Excessive depth in document: 256 use XML_PARSE_HUGE option") == .depth)
    #expect(LibXMLLimit(message: "internal error: Huge input lookup") == .lookup)
    #expect(LibXMLLimit(message: "xmlSAX2Characters: huge text node") == .textNode)
    #expect(LibXMLLimit(message: "AttValue length too long") == .attributeValue)
    #expect(LibXMLLimit(message: "Opening and ending tag mismatch: a and b") == nil)
    let text = LibXMLLimit.depth.explanation(huge: false, original: "Excessive depth in document: 256")
    #expect(!text.hasPrefix("use XML_PARSE_HUGE"))
    #expect(text.contains("256 levels"))
  }

  @Test func recordModeReadsDeepInputWithoutEntityDeclarations() throws {
    let folder = try ScratchFolder()
    let xml = "<r><row>" + String(repeating: "<a>", count: 400) + "deep" + String(repeating: "</a>", count: 400) + "</row></r>"
    let path = try folder.write("deep.xml", xml)
    let options = ExtractOptions(recordXPath: "//row", fields: [("text", ".")])
    let (documents, failures, _) = try collect(ExtractionRun(paths: [path], options: options))
    #expect(failures.isEmpty)
    #expect(documents.map(\.text) == ["deep"])
  }

  @Test func headsThatMayDeclareEntitiesKeepTheLimits() {
    #expect(XMLRecordReader.declaresNoEntities(Array("<r><row/></r>".utf8), wholeInput: true))
    #expect(!XMLRecordReader.declaresNoEntities(Array("<!DOCTYPE r [<!ENTITY e 'x'>]><r/>".utf8), wholeInput: true))
    #expect(XMLRecordReader.declaresNoEntities(Array("<!DOCTYPE r [<!ELEMENT r ANY>]><r>".utf8), wholeInput: false))
    // An internal subset not closed within the first bytes may declare entities further on.
    #expect(!XMLRecordReader.declaresNoEntities(Array("<!DOCTYPE r [<!ELEMENT r ANY>".utf8), wholeInput: false))
    #expect(!XMLRecordReader.declaresNoEntities([], wholeInput: false))
  }

  // MARK: XPath checked before any work (point 7)

  @Test func xpathThatCompilesButCannotBeEvaluatedIsRefused() {
    #expect(XMLRecordReader.xpathProblem("@Body") == nil)
    #expect(XMLRecordReader.xpathProblem("string(title)") == nil)
    #expect(XMLRecordReader.xpathProblem("dc:title") == nil)  // prefixes come from the input
    #expect(XMLRecordReader.xpathProblem("count(") == "Invalid number of arguments")
    #expect(XMLRecordReader.xpathProblem("nosuchfunction(@a)") == "Unregistered function")
    #expect(XMLRecordReader.xpathProblem("$undefined") == "Undefined variable")
    #expect(XMLRecordReader.xpathProblem("@@") == "Invalid expression")
  }

  // MARK: Linear HTML parsing (point 15)

  @Test func attributesPastTheCapAreDroppedAndTheRestKept() throws {
    let attributes = (0..<100_000).map { "a\($0)=\"v\"" }.joined(separator: " ")
    let page = "<html><body><div id=x " + attributes + ">hello</div><p class=\"k\">after</p></body></html>"
    let capped = try #require(Array(page.utf8).withUnsafeBufferPointer { HTMLAttributeCap.capped($0) })
    let tree = try HTMLParser().parse(capped).tree
    let div = try #require(tree.firstElement(named: "div"))
    #expect(tree.attributes(of: div).count == HTMLAttributeCap.maximumAttributes)
    #expect(tree.attribute("id", of: div) == "x")
    #expect(tree.textContent(of: div) == "hello")
    let p = try #require(tree.firstElement(named: "p"))
    #expect(tree.attribute("class", of: p) == "k")
  }

  @Test func ordinaryPagesAreNotCopied() {
    let page = #"<p class="a>b" id='c' hidden data-x=1>text</p><!-- <b x y z> -->"#
    #expect(Array(page.utf8).withUnsafeBufferPointer { HTMLAttributeCap.capped($0, limit: 4) } == nil)
    // A quoted `>` does not end the tag: five attributes, one too many for a limit of four.
    let five = #"<p a=">" b c d e>t</p>"#
    let capped = Array(five.utf8).withUnsafeBufferPointer { HTMLAttributeCap.capped($0, limit: 4) }
    #expect(capped.map { String(decoding: $0, as: UTF8.self) } == #"<p a=">" b c d >t</p>"#)
  }

  @Test func aHundredThousandAttributesParseQuickly() throws {
    let attributes = (0..<100_000).map { "a\($0)=\"v\"" }.joined(separator: " ")
    let page = Array(("<html><body><div " + attributes + ">hello</div></body></html>").utf8)
    let start = Date()
    let tree = try HTMLParser().parse(page).tree
    // Before the cap, libxml2 took 24.5 s (release); linear now, a generous bound for debug builds.
    #expect(Date().timeIntervalSince(start) < 10)
    #expect(tree.textContent(of: MarkupTree.root).contains("hello"))
  }
}
