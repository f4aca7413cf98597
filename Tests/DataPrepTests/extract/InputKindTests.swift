import Testing

@testable import DataPrep

@Suite struct InputKindTests {
  private func kind(_ path: String, _ text: String) -> ExtractOptions.InputFormat {
    InputKind.detect(path: path, head: Array(text.utf8))
  }

  @Test func extensionsDecide() {
    #expect(kind("a.html", "plain words") == .html)
    #expect(kind("a.htm.gz", "") == .html)
    #expect(kind("feed.rss", "") == .xml)
    #expect(kind("README.md", "<html>") == .markdown)
    #expect(kind("notes.txt", "<?xml version='1.0'?><a/>") == .text)
  }

  @Test func contentDecidesWithoutExtension() {
    #expect(kind("page", "  <!DOCTYPE html><html></html>") == .html)
    #expect(kind("page", "<html lang=en>") == .html)
    #expect(kind("data", "<?xml version=\"1.0\"?>\n<catalog><item/></catalog>") == .xml)
    #expect(kind("data", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>") == .html)
    #expect(kind("data", "<catalog><item/></catalog>") == .xml)
    #expect(kind("frag", "<p>Hello</p>") == .html)
    #expect(kind("notes", "Just text < not a tag") == .text)
    #expect(kind("notes", "") == .text)
  }

  @Test func utf16XMLIsSniffed() {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><doc/>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    #expect(InputKind.detect(path: "x", head: bytes) == .xml)
  }

  @Test func rootElementAndDialect() throws {
    let head = Array("<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><!-- c --><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns='http://purl.org/rss/1.0/'>".utf8)
    let root = try #require(XMLRoot(head: head))
    #expect(root.localName == "RDF")
    #expect(root.namespace == "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    #expect(XMLDialect.detect(root: root, head: head) == .rss)
  }

  @Test func folderWalkIgnoresAssets() {
    #expect(InputKind.isIgnoredInFolder("site/logo.png"))
    #expect(InputKind.isIgnoredInFolder("out/documents.jsonl"))
    #expect(!InputKind.isIgnoredInFolder("site/page.html"))
    #expect(!InputKind.isIgnoredInFolder("site/LICENSE"))
  }
}
