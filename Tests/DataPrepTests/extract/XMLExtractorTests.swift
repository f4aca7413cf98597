import Foundation
import Testing

@testable import DataPrep

@Suite struct XMLExtractorTests {
  @Test func docBookSectionsAndAbstract() throws {
    let xml = """
      <?xml version="1.0"?>
      <article xmlns="http://docbook.org/ns/docbook" version="5.0">
        <info><title>Guide</title><abstract><para>Short summary.</para></abstract></info>
        <section><title>First</title><para>One <literal>x</literal>.</para>
          <orderedlist><listitem><para>a</para></listitem><listitem><para>b</para></listitem></orderedlist>
          <section><title>Inner</title><para>Two.</para></section>
        </section>
      </article>
      """
    let document = try #require(try xmlDocuments(xml).first)
    #expect(document.format == "docbook")
    #expect(document.title == "Guide")
    #expect(document.metadata["abstract"] == .string("Short summary."))
    #expect(document.text == "# Guide\n\n## First\n\nOne `x`.\n\n1. a\n2. b\n\n### Inner\n\nTwo.")
    #expect(document.sections.map(\.heading) == ["Guide", "First", "Inner"])
    #expect(document.sections[1].text == "One `x`.\n\n1. a\n2. b")
  }

  @Test func teiDivHeadP() throws {
    let xml = """
      <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Letters</title>
      <author>Ann Lee</author></titleStmt><publicationStmt><date when="1850"/></publicationStmt></fileDesc></teiHeader>
      <text><body><div><head>First letter</head><p>Dear <hi>friend</hi>,</p><lg><l>line one</l><l>line two</l></lg></div></body></text></TEI>
      """
    let document = try #require(try xmlDocuments(xml).first)
    #expect(document.format == "tei")
    #expect(document.title == "Letters")
    #expect(document.metadata["author"] == .string("Ann Lee"))
    #expect(document.metadata["date"] == .string("1850"))
    #expect(document.text == "# Letters\n\n## First letter\n\nDear friend,\n\nline one\nline two")
  }

  @Test func jatsTitleAbstractAndSections() throws {
    let xml = """
      <article article-type="research-article"><front><article-meta><title-group><article-title>Soil</article-title></title-group>
      <abstract><p>We measured.</p></abstract></article-meta></front>
      <body><sec><title>Methods</title><p>Cores.</p><table-wrap><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table></table-wrap></sec></body>
      <back><ref-list><ref>Reference text</ref></ref-list></back></article>
      """
    let document = try #require(try xmlDocuments(xml).first)
    #expect(document.format == "jats")
    #expect(document.title == "Soil")
    #expect(document.metadata["abstract"] == .string("We measured."))
    #expect(document.text == "# Soil\n\n## Methods\n\nCores.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |")
    #expect(!document.text.contains("Reference"))
  }

  @Test func mallardPage() throws {
    let xml = """
      <page xmlns="http://projectmallard.org/1.0/" id="print"><info><desc>Printing help</desc></info>
      <title>Print a page</title><p>Open the menu.</p>
      <section><title>Options</title><steps><item><p>Choose a printer.</p></item><item><p>Press <gui>Print</gui>.</p></item></steps></section></page>
      """
    let document = try #require(try xmlDocuments(xml).first)
    #expect(document.format == "mallard")
    #expect(document.title == "Print a page")
    #expect(document.metadata["description"] == .string("Printing help"))
    #expect(document.text == "# Print a page\n\nOpen the menu.\n\n## Options\n\n1. Choose a printer.\n2. Press Print.")
  }

  @Test func genericXMLKeepsBlockStructure() throws {
    let xml = "<catalog><title>Books</title><book><name>Dune</name><note>A <b>classic</b> novel.</note></book></catalog>"
    let document = try #require(try xmlDocuments(xml).first)
    #expect(document.format == "xml")
    #expect(document.title == "Books")
    #expect(document.text == "# Books\n\nDune\n\nA classic novel.")
  }

  @Test func attributeOnlyXMLListsAttributes() throws {
    let document = try #require(try xmlDocuments("<rows><row Id=\"1\" Name=\"x\"/></rows>").first)
    #expect(document.text == "Id: 1\nName: x")
  }

  @Test func rssItemsAreDocuments() throws {
    let xml = """
      <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Feed</title>
      <item><title>One</title><link>https://e.example/1</link><pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate>
      <dc:creator>Ann</dc:creator><category>x</category><description>First item.</description></item>
      <item><title>Two</title><description>Second.</description></item></channel></rss>
      """
    let documents = try xmlDocuments(xml, name: "feed.xml")
    #expect(documents.map(\.title) == ["One", "Two"])
    #expect(documents.map(\.source) == ["feed.xml#0", "feed.xml#1"])
    #expect(documents[0].format == "rss")
    #expect(documents[0].text == "First item.")
    #expect(documents[0].metadata["url"] == .string("https://e.example/1"))
    #expect(documents[0].metadata["author"] == .string("Ann"))
    #expect(documents[0].metadata["date"] == .string("Tue, 10 Mar 2026 09:00:00 GMT"))
    #expect(documents[0].metadata["tags"] == .array([.string("x")]))
  }

  @Test func atomEntriesAreDocuments() throws {
    let xml = """
      <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
      <entry><title>Post</title><link rel="alternate" href="https://e.example/p"/><updated>2026-01-01T00:00:00Z</updated>
      <author><name>Bo</name></author><summary>Sum.</summary></entry></feed>
      """
    let documents = try xmlDocuments(xml)
    #expect(documents.count == 1)
    #expect(documents[0].format == "atom")
    #expect(documents[0].title == "Post")
    #expect(documents[0].text == "Sum.")
    #expect(documents[0].metadata["url"] == .string("https://e.example/p"))
    #expect(documents[0].metadata["author"] == .string("Bo"))
    #expect(documents[0].metadata["date"] == .string("2026-01-01T00:00:00Z"))
  }

  @Test func mediaWikiPagesWithHeadingSections() throws {
    let xml = """
      <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">
      <page><title>Otter</title><ns>0</ns><id>7</id><revision><timestamp>2026-01-01T00:00:00Z</timestamp>
      <contributor><username>Kim</username></contributor><text>Otters swim.\n== Diet ==\nFish and '''crabs'''.\n# first\n## nested\n* bullet</text></revision></page>
      <page><title>Otters</title><redirect title="Otter"/><revision><text>#REDIRECT [[Otter]]</text></revision></page>
      </mediawiki>
      """
    let documents = try xmlDocuments(xml)
    #expect(documents.count == 1)
    #expect(documents[0].format == "mediawiki")
    #expect(documents[0].title == "Otter")
    #expect(documents[0].text == "Otters swim.\n## Diet\nFish and '''crabs'''.\n1. first\n  1. nested\n- bullet")
    #expect(documents[0].sections.map(\.heading) == ["", "Diet"])
    #expect(documents[0].metadata["author"] == .string("Kim"))
  }

  @Test func malformedXMLNamesTheLine() {
    #expect(throws: ExtractError.self) { try xmlDocuments("<a>\n<b>\n</a>") }
    do {
      _ = try xmlDocuments("<a>\n<b>\n</a>")
    } catch ExtractError.malformedXML(let path, let line, _) {
      #expect(path == "doc.xml")
      #expect(line == 3)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func malformedFeedFailsAfterGoodItems() throws {
    var documents: [Document] = []
    let folder = try ScratchFolder()
    // libxml2 parses ahead in chunks, so the good items must span more than one chunk.
    let good = (0..<50).map { "<item><title>ok \($0)</title><description>\(String(repeating: "x", count: 100))</description></item>" }
    let path = try folder.write("f.rss", "<rss><channel>" + good.joined() + "<item><title>bad</item></channel></rss>")
    #expect(throws: ExtractError.self) {
      try XMLExtractor().forEachDocument(path: path, source: "f.rss") { documents.append($0) }
    }
    #expect(documents.count > 10)
    #expect(documents.allSatisfy { $0.title.hasPrefix("ok") })
  }

  @Test func externalEntitiesAreNeverRead() throws {
    let folder = try ScratchFolder()
    let secret = try folder.write("secret.txt", "TOP-SECRET")
    let xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file://\(secret)\">]><d><p>a &x; b</p></d>"
    let documents = try xmlDocuments(xml)
    #expect(!(documents.first?.text.contains("TOP-SECRET") ?? false))
    let records = try xmlDocuments(xml, options: ExtractOptions(recordXPath: "//p", fields: [("text", ".")]))
    #expect(!(records.first?.text.contains("TOP-SECRET") ?? false))
  }

  @Test func entityExpansionIsBounded() throws {
    var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lollollollollollollollollollol\">"
    var previous = "lol"
    for level in 1...9 {
      let name = "lol\(level)"
      xml += "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
      previous = name
    }
    xml += "]><lolz><row>&\(previous);</row></lolz>"
    // Either refused or bounded: never billions of characters.
    if let documents = try? xmlDocuments(xml) {
      #expect(documents.allSatisfy { $0.text.utf8.count < 64 << 20 })
    }
    let options = ExtractOptions(recordXPath: "//row", fields: [("text", ".")])
    if let records = try? xmlDocuments(xml, options: options) {
      #expect(records.allSatisfy { $0.text.utf8.count < 64 << 20 })
    }
  }
}
