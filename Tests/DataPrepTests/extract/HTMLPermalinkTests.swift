import Testing

@testable import DataPrep

/// Permalink anchors and glyphs never reach the text; links and headings made of words stay.
@Suite struct HTMLPermalinkTests {
  private func extract(_ body: String, scope: HTMLExtractor.ContentScope = .wholePage) throws -> Document {
    let html = "<html><head><title>Doc</title></head><body>\(body)</body></html>"
    return try HTMLExtractor(contentScope: scope).document(from: Array(html.utf8), source: "p.html")
  }

  @Test func sphinxHeaderLinksLeaveHeadingsAndTerms() throws {
    let document = try extract(
      """
      <h1>Getting Started<a class="headerlink" href="#getting-started" title="Permalink to this heading">¶</a></h1>
      <p>Install it first.</p>
      <dl><dt id="PY_MAJOR_VERSION">PY_MAJOR_VERSION<a class="headerlink" href="#PY_MAJOR_VERSION">¶</a></dt>
      <dd>The major version.</dd></dl>
      """)
    #expect(!document.text.contains("¶"))
    #expect(document.text.contains("# Getting Started\n"))
    #expect(document.text.contains("PY_MAJOR_VERSION\n"))
    #expect(document.sections.map(\.heading) == ["Getting Started"])
  }

  @Test func doxygenMembersReadAsAHeadingAndOneLineOfCode() throws {
    // Doxygen: `◆` anchors before member headings, the signature laid out as a table.
    let document = try extract(
      """
      <h2 class="memtitle"><span class="permalink"><a href="#a1b2">&#9670;&nbsp;</a></span>setComment() <span class="overload">[1/2]</span></h2>
      <div class="memitem"><div class="memproto"><table class="memname">
      <tr><td class="memname">void Json::Value::setComment</td><td>(</td><td class="paramtype">const char *&#160;</td><td class="paramname"><em>comment</em>, </td></tr>
      <tr><td class="paramkey"></td><td></td><td class="paramtype">size_t&#160;</td><td class="paramname"><em>len</em>&#160;</td></tr>
      <tr><td></td><td>)</td><td></td><td></td></tr></table></div>
      <div class="memdoc"><p>Comments must be <code>//...</code> or <code>/* ... */</code>.</p></div></div>
      <table class="memname"><tr><td class="memname">bool Json::Value::empty</td><td>(</td><td class="paramname"></td><td>)</td><td> const</td></tr></table>
      """)
    #expect(!document.text.contains("◆"), "\(document.text)")
    #expect(document.text.contains("## setComment() [1/2]\n"), "\(document.text)")
    #expect(document.text.contains("```\nvoid Json::Value::setComment(const char * comment, size_t len)\n```"), "\(document.text)")
    #expect(document.text.contains("```\nbool Json::Value::empty() const\n```"), "\(document.text)")
    // A data table with parentheses in a cell among words is still a table.
    let data = try extract("<table><tr><th>Sign</th><th>Meaning</th></tr><tr><td>(</td><td>opens a group</td></tr><tr><td>)</td><td>closes it</td></tr></table>")
    #expect(data.text.contains("| ( | opens a group |"), "\(data.text)")
  }

  @Test func glyphAnchorsOfEveryKindAreDropped() throws {
    let document = try extract(
      """
      <h2 id="a">Usage <a href="#a">§</a></h2><p>Run it.</p>
      <h2 id="b">Options<a class="anchor" href="page.html#b">#</a></h2><p>Pass them.</p>
      <h2 id="c">Links <a class="permalink" href="/c">🔗</a></h2><p>Follow them.</p>
      <h2 id="d">Anchors <a href="#d"> ⚓ </a></h2><p>Drop them.</p>
      """, scope: .mainContent)
    #expect(document.sections.map(\.heading) == ["Usage", "Options", "Links", "Anchors"])
    for glyph in ["§", "#a", "🔗", "⚓"] { #expect(!document.text.contains(glyph)) }
  }

  @Test func wordLinksAndGlyphsInWordsStay() throws {
    let document = try extract(
      """
      <h2><a class="anchor" href="#intro">Introduction</a></h2><p>See <a href="#x">section 2</a>.</p>
      <h2>Learning C#</h2><p>A language.</p>
      <p>Issue <a href="/tags/x">#</a> stays when it links elsewhere.</p>
      """)
    #expect(document.sections.map(\.heading) == ["Introduction", "Learning C#"])
    #expect(document.text.contains("See section 2."))
    #expect(document.text.contains("Issue # stays"))
  }

  @Test func trailingGlyphsOnHeadingsAreStripped() {
    func trimmed(_ text: String) -> String {
      String(decoding: HTMLPermalink.trimmingTrailingGlyphs(Array(text.utf8)), as: UTF8.self)
    }
    #expect(trimmed("Usage ¶") == "Usage")
    #expect(trimmed("Options§") == "Options")
    #expect(trimmed("Learning C#") == "Learning C#")
    #expect(trimmed("¶") == "¶")
    #expect(trimmed("Plain heading") == "Plain heading")
  }
}
