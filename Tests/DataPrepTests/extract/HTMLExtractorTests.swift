import Testing

@testable import DataPrep

@Suite struct HTMLExtractorTests {
  private func extract(_ html: String, scope: HTMLExtractor.ContentScope = .wholePage) throws -> Document {
    try HTMLExtractor(contentScope: scope).document(from: Array(html.utf8), source: "page.html")
  }

  private func text(_ body: String) throws -> String {
    try extract("<html><body>\(body)</body></html>").text
  }

  @Test func headingsAndParagraphs() throws {
    let out = try text("<h1>Title</h1><p>One   two\nthree.</p><p>Four.</p><h3>Sub <em>part</em></h3><div>Five</div>")
    #expect(out == "# Title\n\nOne two three.\n\nFour.\n\n### Sub part\n\nFive")
  }

  @Test func nestedLists() throws {
    let out = try text("<p>Intro</p><ul><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b</li></ul><ol start=3><li>x</li><li>y</li></ol>")
    #expect(out == "Intro\n\n- a\n  - a1\n  - a2\n- b\n\n3. x\n4. y")
  }

  @Test func dataTableAsPipes() throws {
    let out = try text("<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>3|4</td></tr><tr><td>Bo</td></tr></table>")
    #expect(out == "| Name | Age |\n| --- | --- |\n| Ann | 3\\|4 |\n| Bo |  |")
  }

  @Test func layoutTableAsBlocks() throws {
    let out = try text("<table><tr><td><p>One</p><p>Two</p></td><td>Side</td></tr></table>")
    #expect(out == "One\n\nTwo\n\nSide")
  }

  @Test func codeBlockKeepsIndentation() throws {
    let out = try text("<p>See:</p><pre><code class=\"language-swift\">func f() {\n    return 1\n}\n</code></pre><p>Use <code>f()</code> now.</p>")
    #expect(out == "See:\n\n```swift\nfunc f() {\n    return 1\n}\n```\n\nUse `f()` now.")
  }

  @Test func blockquoteAndLineBreaks() throws {
    let out = try text("<blockquote><p>Quoted<br>line two</p><p>Second</p></blockquote><p>After</p><hr><p>End</p>")
    #expect(out == "> Quoted\n> line two\n>\n> Second\n\nAfter\n\n---\n\nEnd")
  }

  @Test func linksAreTheirText() throws {
    #expect(try text("<p>Go <a href=\"http://x.example/\">there</a>.</p>") == "Go there.")
  }

  @Test func rubyAnnotationsAreLeftOut() throws {
    #expect(try text("<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字<rt>ji</rt></ruby>です</p>") == "漢字です")
  }

  @Test func dropsScriptsStylesFormsAndMedia() throws {
    let out = try text("""
      <script>var x = 1;</script><style>p {}</style><template><p>T</p></template><noscript>Enable JS</noscript>
      <form><input value="q"><button>Search</button></form><svg><text>S</text></svg><iframe>I</iframe>
      <object>O</object><form><p><label>Name *</label><input name=n></p><p><textarea>c</textarea></p></form><p>Kept</p>
      """)
    #expect(out == "Kept")
  }

  @Test func keepsFormsThatWrapContent() throws {
    #expect(try text("<form id=aspnet><h2>Title</h2><p>Body</p><input></form>") == "## Title\n\nBody")
  }

  @Test func dropsHiddenElements() throws {
    let out = try text("""
      <p hidden>A</p><p aria-hidden="true">B</p><div style="color: red; display : none">C</div>
      <span style="visibility:hidden">D</span><p aria-hidden="false">Shown</p>
      """)
    #expect(out == "Shown")
  }

  @Test func sectionsSplitAtHeadings() throws {
    let document = try extract("<body><p>Lead</p><h1>A</h1><p>a text</p><h2>B</h2><p>b1</p><p>b2</p></body>")
    #expect(
      document.sections == [
        .init(heading: "", level: 0, text: "Lead"), .init(heading: "A", level: 1, text: "a text"),
        .init(heading: "B", level: 2, text: "b1\n\nb2"),
      ])
    let noLead = try extract("<h1>A</h1><p>x</p>")
    #expect(noLead.sections == [.init(heading: "A", level: 1, text: "x")])
  }

  @Test func metadataFromHeadAndBody() throws {
    let document = try extract("""
      <html lang="de"><head><title> Page  title </title>
      <meta name="description" content=" About
        it "><meta name="author" content="Ann Author">
      <meta property="article:published_time" content="2024-05-01T10:00:00Z">
      <meta property="og:site_name" content="Site"><meta name="keywords" content="a, b,,c">
      <meta property="article:tag" content="b"><meta property="article:tag" content="d">
      <link rel="canonical" href="https://example.org/p"></head><body><p>x</p></body></html>
      """)
    #expect(document.title == "Page title")
    #expect(document.format == "html")
    let expected: JSONValue = [
      "lang": "de", "description": "About it", "url": "https://example.org/p", "author": "Ann Author",
      "date": "2024-05-01T10:00:00Z", "site_name": "Site", "tags": ["a", "b", "c", "d"], "encoding": "utf-8",
    ]
    #expect(JSONValue.object(document.metadata) == expected)
  }

  @Test func titleFallsBackToOpenGraphThenH1() throws {
    #expect(try extract("<meta property=og:title content=OG><h1>H</h1>").title == "OG")
    #expect(try extract("<body><h1>First <b>h1</b></h1><h1>Second</h1></body>").title == "First h1")
    #expect(try extract("<meta property=og:url content=https://e.org/x><time datetime=2020-01-02>Jan</time>").metadata["url"] == "https://e.org/x")
    #expect(try extract("<p><time datetime=2020-01-02>Jan</time></p>").metadata["date"] == "2020-01-02")
  }

  @Test func qaFromJSONLD() throws {
    let document = try extract("""
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[
      {"@type":"Question","name":"What is it?","acceptedAnswer":{"@type":"Answer","text":"<p>A <b>tool</b>.</p>"}},
      {"@type":"Question","name":"Why?","acceptedAnswer":{"@type":"Answer","text":"Because."}}]}</script><p>x</p>
      """)
    #expect(document.metadata["qa"] == [["question": "What is it?", "answer": "A tool."], ["question": "Why?", "answer": "Because."]])
  }

  @Test func qaFromMicrodata() throws {
    let document = try extract("""
      <div itemscope itemtype="https://schema.org/FAQPage"><div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
      <h3 itemprop="name">How much?</h3><div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer">
      <div itemprop="text"><p>Free.</p></div></div></div></div>
      """)
    #expect(document.metadata["qa"] == [["question": "How much?", "answer": "Free."]])
  }

  @Test func qaFromDefinitionListsAndDetails() throws {
    let document = try extract("""
      <dl><dt>Term one</dt><dd>First.</dd><div><dt>Term two</dt><dd>Second.</dd></div></dl>
      <details><summary>Shipping?</summary><p>Two days.</p></details><details hidden><summary>No</summary>x</details>
      """)
    #expect(
      document.metadata["qa"] == [
        ["question": "Term one", "answer": "First."], ["question": "Term two", "answer": "Second."],
        ["question": "Shipping?", "answer": "Two days."],
      ])
    #expect(document.text == "Term one\n: First.\nTerm two\n: Second.\n\nShipping?\n\nTwo days.")
  }

  @Test func deepNestingKeepsText() throws {
    for depth in [10_000, 100_000] {
      let page = String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
      #expect(try text(page) == "deep")
    }
    let lists = String(repeating: "<ul><li>x", count: 1_000) + String(repeating: "</li></ul>", count: 1_000)
    let out = try text(lists)
    #expect(out.split(separator: "\n").count == 1_000)
    #expect(out.split(separator: "\n").allSatisfy { $0.count <= 2 * MarkdownOutput.maximumNesting + 1 })
  }

  @Test func deeplyNestedDefinitionListsAndDetailsStayLinear() throws {
    let depth = 5_000
    let lists = String(repeating: "<dl><dt>q</dt><dd>", count: depth) + "a" + String(repeating: "</dd></dl>", count: depth)
    let details = String(repeating: "<details><summary>s</summary>", count: depth) + "x"
      + String(repeating: "</details>", count: depth)
    for page in [lists, details] {
      let document = try text(page)
      #expect(document.contains("a") || document.contains("x"))
    }
  }

  @Test func emptyInputIsAnError() {
    #expect(throws: MarkupParseError.empty) { try HTMLExtractor().document(from: [], source: "x.html") }
  }

  @Test func binaryGarbageDoesNotCrash() throws {
    var state: UInt32 = 12345
    let bytes = (0..<50_000).map { _ -> UInt8 in
      state = state &* 1_103_515_245 &+ 12345
      return UInt8(truncatingIfNeeded: state >> 16)
    }
    _ = try HTMLExtractor().document(from: bytes, source: "garbage.bin")
  }

  @Test func sameBytesGiveTheSameDocumentAndStableId() throws {
    let html = "<html lang=en><title>T</title><h1>A</h1><p>x</p><table><tr><td>1</td><td>2</td></tr></table>"
    let a = try extract(html)
    let b = try extract(html)
    #expect(a == b)
    #expect(a.id == DocumentID.make(source: "page.html"))
    #expect(a.id.count == 16)
  }

  @Test func mainContentModeDropsBoilerplate() throws {
    let body = String(repeating: "Body text. ", count: 30).trimmingASCIIWhitespace()
    let html = """
      <body><header><nav><a>Home</a></nav></header><aside>Ads</aside>
      <main><article><header><h1>Story</h1></header><p>\(body)</p></article></main><footer>Copyright</footer></body>
      """
    #expect(try extract(html, scope: .mainContent).text == "# Story\n\n" + body)
    #expect(try extract(html).text.contains("Copyright"))
  }

  @Test func reportsTheEncodingDecided() throws {
    let latin = Array("<html><head><meta charset=latin1><title>Caf".utf8) + [0xE9] + Array("</title></head><body><p>".utf8)
      + [0x93, 0x78, 0x94] + Array("</p></body></html>".utf8)
    let document = try HTMLExtractor().document(from: latin, source: "l.html")
    #expect(document.title == "Café")
    #expect(document.text == "\u{201C}x\u{201D}")
    #expect(document.metadata["encoding"] == "windows-1252")

    let japanese = Array("<meta http-equiv=Content-Type content='text/html; charset=shift_jis'><h1>".utf8)
      + [0x93, 0xFA, 0x96, 0x7B] + Array("</h1>".utf8)
    let jp = try HTMLExtractor().document(from: japanese, source: "j.html")
    #expect(jp.text == "# 日本")
    #expect(jp.metadata["encoding"] == "shift_jis")
  }

  @Test func mainContentModeDropsMenusSidebarsAndLinkLists() throws {
    let prose = String(repeating: "This is the article text that matters. ", count: 20)
    let html = """
      <body><div class="page has-sidebar"><div class="site-menu"><a>One</a> <a>Two</a></div>
      <div class="content"><h1>Title</h1><p>\(prose)</p><p>Second paragraph of prose.</p>
      <ul><li><a>Tag a</a></li><li><a>Tag b</a></li><li><a>Tag c</a></li></ul></div>
      <div id="sidebar"><p>Sidebar words</p></div></div></body>
      """
    let main = try extract(html, scope: .mainContent).text
    #expect(main.hasPrefix("# Title"))
    #expect(main.contains("Second paragraph of prose."))
    #expect(!main.contains("One"))
    #expect(!main.contains("Tag a"))
    #expect(!main.contains("Sidebar words"))
    let whole = try extract(html).text
    #expect(whole.contains("Tag a") && whole.contains("Sidebar words") && whole.contains("One"))
  }

  @Test func mainContentModeFallsBackWhenTheChosenPartIsEmpty() throws {
    let prose = String(repeating: "Words of the real text. ", count: 20)
    let html = "<body><main></main><div><p>\(prose)</p></div><nav><a>Menu</a></nav></body>"
    let text = try extract(html, scope: .mainContent).text
    #expect(text.hasPrefix("Words of the real text."))
    #expect(!text.contains("Menu"))
  }
}
