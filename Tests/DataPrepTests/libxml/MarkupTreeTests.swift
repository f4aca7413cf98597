import Testing

@testable import DataPrep

@Suite struct MarkupTreeTests {
  private func html(_ text: String) throws -> MarkupTree {
    try HTMLParser().parse(Array(text.utf8)).tree
  }

  @Test func numbersNodesInDocumentOrderWithContiguousSubtrees() throws {
    let tree = try html("<html><body><div id=a><p>one <b>two</b></p><p>three</p></div></body></html>")
    let div = try #require(tree.firstElement(named: "div"))
    #expect(tree.attribute("id", of: div) == "a")
    let paragraphs = tree.elements(named: "p")
    #expect(paragraphs.count == 2)
    #expect(tree.children(of: div).map { tree.name($0) } == ["p", "p"])
    #expect(tree.textContent(of: div) == "one twothree")
    #expect(tree.descendants(of: div).contains(paragraphs[1]))
    #expect(tree.parent(paragraphs[0]) == div)
    #expect(tree.nextSibling(paragraphs[0]) == paragraphs[1])
    #expect(tree.subtreeEnd(div) == tree.subtreeEnd(paragraphs[1]))
    #expect(tree.kind(MarkupTree.root) == .document)
    #expect(tree.rootElement.map { tree.name($0) } == "html")
  }

  @Test func lowercasesHTMLNamesAndKeepsComments() throws {
    let tree = try html("<DIV CLASS='x'><!-- note -->Text</DIV>")
    let div = try #require(tree.firstElement(named: "div"))
    #expect(tree.attribute("class", of: div) == "x")
    let comment = try #require(tree.descendants(of: div).first { tree.kind($0) == .comment })
    #expect(tree.text(of: comment) == " note ")
    #expect(tree.textContent(of: div) == "Text")
  }

  @Test func xmlNamesAreLocalWithNamespaceURI() throws {
    let xml = #"<?xml version="1.0"?><d:book xmlns:d="http://docbook.org/ns/docbook" xml:lang="en"><d:title>T</d:title></d:book>"#
    let tree = try XMLDocumentParser().parse(Array(xml.utf8))
    let root = try #require(tree.rootElement)
    #expect(tree.name(root) == "book")
    #expect(tree.namespaceURI(root) == "http://docbook.org/ns/docbook")
    #expect(tree.isElement(root, named: "book", namespaceURI: "http://docbook.org/ns/docbook"))
    let lang = try #require(tree.attributes(of: root).first)
    #expect(lang.name == "lang")
    #expect(lang.namespaceURI == "http://www.w3.org/XML/1998/namespace")
    #expect(lang.value == "en")
    #expect(tree.line(root) == 1)
  }

  @Test func handlesVeryDeepNestingWithoutRecursion() throws {
    for depth in [10_000, 100_000] {
      let page = String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
      let tree = try html(page)
      #expect(tree.textContent(of: MarkupTree.root) == "deep text")
      #expect(tree.elements(named: "div").count == depth)
    }
  }
}
