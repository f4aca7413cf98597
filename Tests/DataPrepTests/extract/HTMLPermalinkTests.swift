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
