import Testing

@testable import DataPrep

/// Main-content mode on small pages written for the purpose: boilerplate out, content in.
@Suite struct MainContentTests {
  private let prose = String(repeating: "The river rose all night and the town watched it from the bridge. ", count: 6)

  private func extract(_ html: String, _ content: HTMLContentOptions = HTMLContentOptions()) throws -> Document {
    try HTMLExtractor(contentScope: .mainContent, content: content).document(from: Array(html.utf8), source: "p.html")
  }

  /// A news-like page: every kind of furniture around one article.
  private var newsPage: String {
    """
    <html lang="en"><head><title>Flood | Town News</title></head><body>
    <div id="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p></div>
    <header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
    <div class="wrapper"><div class="content">
    <h1>The river rose</h1>
    <p class="byline">By Ann Reporter</p>
    <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
    <p>\(prose)</p>
    <h2>What comes next</h2>
    <p>Engineers will inspect the bridge on Monday and report to the council.</p>
    <ul><li>Sandbags at the school</li><li>Shelter in the hall</li></ul>
    <table><tr><th>Day</th><th>Level</th></tr><tr><td>Monday</td><td>3.2 m</td></tr></table>
    <pre><code>level = read_gauge()</code></pre>
    <blockquote><p>We have never seen it this high.</p></blockquote>
    <div class="related-posts"><h3>Related articles</h3><ul>
    <li><a href="/a">Storm closes the harbour</a></li><li><a href="/b">Council meets on budget</a></li>
    <li><a href="/c">New bridge opens</a></li></ul></div>
    <div id="comments"><h3>3 comments</h3><div class="comment"><p>Great reporting, thanks for keeping us informed!</p></div></div>
    </div><aside><h3>Most read</h3><p>Other story teaser text</p></aside></div>
    <footer><p>© 2024 Town News. All rights reserved.</p><a href="/imprint">Imprint</a></footer>
    </body></html>
    """
  }

  @Test func dropsNavigationFooterCookieBannerCommentsShareWidgetsAndRelatedLinks() throws {
    let text = try extract(newsPage).text
    for boilerplate in [
      "Home", "cookies", "Share on Facebook", "Tweet this", "Storm closes the harbour", "Related articles",
      "Great reporting", "3 comments", "Most read", "All rights reserved", "Imprint", "By Ann Reporter",
    ] {
      #expect(!text.contains(boilerplate), "kept \(boilerplate)")
    }
  }

  @Test func keepsHeadingsListsTablesCodeAndQuotes() throws {
    let text = try extract(newsPage).text
    #expect(text.hasPrefix("# The river rose"))
    #expect(text.contains("## What comes next"))
    #expect(text.contains("- Sandbags at the school\n- Shelter in the hall"))
    #expect(text.contains("| Day | Level |\n| --- | --- |\n| Monday | 3.2 m |"))
    #expect(text.contains("```\nlevel = read_gauge()\n```"))
    #expect(text.contains("> We have never seen it this high."))
    #expect(text.contains("Engineers will inspect the bridge"))
  }

  @Test func pageWithoutAnyContainerStillGivesItsText() throws {
    let html = "<html><body><p>\(prose)</p><p>A second paragraph of plain text.</p></body></html>"
    let text = try extract(html).text
    #expect(text.contains("The river rose all night"))
    #expect(text.contains("A second paragraph of plain text."))
  }

  @Test func shortPageWithoutProseFallsBackToItsText() throws {
    let text = try extract("<html><body><div>Just a line of text.</div></body></html>").text
    #expect(text == "Just a line of text.")
  }

  @Test func articleBodyMarkupIsPreferredOverALargerBlock() throws {
    let html = """
      <body><div><p>\(prose)</p></div>
      <div itemprop="articleBody"><p>\(prose)</p><p>Marked body ends here.</p></div></body>
      """
    let text = try extract(html).text
    #expect(text.hasSuffix("Marked body ends here."))
    #expect(text.components(separatedBy: "The river rose all night").count == 7)
  }

  @Test func includeCommentsKeepsThem() throws {
    let text = try extract(newsPage, HTMLContentOptions(include: [.tables, .comments])).text
    #expect(text.contains("Great reporting"))
  }

  @Test func tablesCanBeLeftOut() throws {
    let text = try extract(newsPage, HTMLContentOptions(include: [])).text
    #expect(!text.contains("3.2 m"))
    #expect(text.contains("Sandbags at the school"))
  }

  @Test func includeLinksWritesTargetsAndImagesWritesSources() throws {
    let html = """
      <body><article><p>\(prose) See <a href="https://e.org/report">the report</a> and
      <a href="javascript:void(0)">nothing</a>.</p><p><img src="/gauge.png" alt="The gauge"> caption text</p></article></body>
      """
    let linked = try extract(html, HTMLContentOptions(include: [.links, .images])).text
    #expect(linked.contains("See [the report](https://e.org/report) and nothing."))
    #expect(linked.contains("![The gauge](/gauge.png) caption text"))
    let plain = try extract(html).text
    #expect(plain.contains("See the report and nothing."))
    #expect(!plain.contains("gauge.png"))
    let plainImages = try extract(html, HTMLContentOptions(include: [.images], textFormat: .plain)).text
    #expect(plainImages.contains("The gauge caption text"))
  }

  @Test func plainTextFormatHasNoMarkdownMarks() throws {
    let text = try extract(newsPage, HTMLContentOptions(textFormat: .plain)).text
    #expect(text.hasPrefix("The river rose\n"))
    #expect(text.contains("\nWhat comes next\n"))
    #expect(text.contains("\nlevel = read_gauge()\n"))
    #expect(!text.contains("```"))
    #expect(text.contains("\nWe have never seen it this high."))
    #expect(text.contains("Day | Level\nMonday | 3.2 m"))
  }

  @Test func favorTradesPrecisionForRecall() throws {
    let html = """
      <body><main><div class="story"><p>\(prose)</p></div>
      <div class="more"><p>Read also: <a href="/x">An older story about the river and its floods</a></p></div>
      <figure><figcaption>Photo: Ann Reporter</figcaption></figure></main></body>
      """
    let recall = try extract(html, HTMLContentOptions(favor: .recall)).text
    #expect(recall.contains("An older story") && recall.contains("Photo: Ann Reporter"))
    let balanced = try extract(html).text
    #expect(!balanced.contains("An older story") && !balanced.contains("Photo: Ann Reporter"))
    let precision = try extract(html, HTMLContentOptions(favor: .precision)).text
    #expect(precision.contains("The river rose all night") && !precision.contains("An older story"))
  }

  @Test func metadataFieldsFromMetaTagsJSONLDAndTime() throws {
    let html = """
      <html lang="de"><head><title>Hochwasser</title>
      <meta name="description" content="Der Fluss steigt.">
      <meta property="og:site_name" content="Stadtanzeiger">
      <link rel="canonical" href="https://example.org/hochwasser">
      <meta name="keywords" content="Fluss, Wetter">
      <meta property="article:section" content="Lokales">
      <script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Anna Muster"},
      "articleSection": ["Lokales", "Umwelt"]}</script>
      </head><body><article><p><time datetime="2020-01-01">1. Januar</time></p>
      <p>Aktualisiert <time itemprop="datePublished" datetime="2024-03-05T08:00:00Z">5. März</time></p>
      <p>\(prose)</p></article></body></html>
      """
    let document = try extract(html)
    #expect(document.title == "Hochwasser")
    #expect(document.metadata["lang"] == "de")
    #expect(document.metadata["description"] == "Der Fluss steigt.")
    #expect(document.metadata["site_name"] == "Stadtanzeiger")
    #expect(document.metadata["url"] == "https://example.org/hochwasser")
    #expect(document.metadata["author"] == "Anna Muster")
    #expect(document.metadata["date"] == "2024-03-05T08:00:00Z")
    #expect(document.metadata["tags"] == ["Fluss", "Wetter"])
    #expect(document.metadata["categories"] == ["Lokales", "Umwelt"])
  }

  @Test func metaTagDateWinsOverTimeElements() throws {
    let html = """
      <head><meta property="article:published_time" content="2023-07-01"></head>
      <body><p><time datetime="2020-01-01">then</time></p><p>\(prose)</p></body>
      """
    #expect(try extract(html).metadata["date"] == "2023-07-01")
  }

  @Test func aNoscriptLeftOpenByTheParserDoesNotHideThePage() throws {
    // libxml2 cannot close `<noscript>` over an open `<div>`, so the noscript spans the page.
    let html = "<html><body><noscript><div id=\"nojs\"></noscript><div class=\"article\"><h1>River</h1><p>\(prose)</p></div></body></html>"
    let text = try extract(html).text
    #expect(text.contains("The river rose all night"))
    let whole = try HTMLExtractor().document(from: Array(html.utf8), source: "p.html").text
    #expect(whole.contains("The river rose all night"))
  }

  @Test func aSmallNoscriptStaysOut() throws {
    let html = "<html><body><noscript><p>Please enable JavaScript to view this site.</p></noscript><p>\(prose)</p></body></html>"
    let text = try extract(html).text
    #expect(!text.contains("enable JavaScript"))
    #expect(text.contains("The river rose"))
  }

  @Test func softHyphensAndZeroWidthSpacesAreLeftOut() throws {
    let html = "<html><body><p>Schon im Mit&shy;tel&shy;al&shy;ter war der Wein&#8203;berg bekannt. \(prose)</p></body></html>"
    let text = try extract(html).text
    #expect(text.contains("Schon im Mittelalter war der Weinberg bekannt."))
  }

  @Test func pageBuilderWidgetsHoldingProseAreContent() throws {
    // Page builders name every block `widget`; a sidebar widget of links is still furniture.
    let html = """
      <html><body><div class="page">
      <div class="builder-widget builder-widget-text"><h1>Ear candy</h1><p>\(prose)</p></div>
      <div class="builder-widget builder-widget-text"><p>\(prose) Second block of the post.</p></div>
      <div class="widget widget_links"><h3>Blogroll</h3><ul><li><a href="/a">Friends of the river</a></li>
      <li><a href="/b">Bridge club</a></li><li><a href="/c">Town archive</a></li></ul></div>
      </div></body></html>
      """
    let text = try extract(html).text
    #expect(text.contains("Second block of the post."))
    #expect(text.contains("# Ear candy"))
    #expect(!text.contains("Friends of the river"))
  }

  @Test func headingsAfterTheLastParagraphAreDropped() throws {
    let html = """
      <html><body><article><h1>River</h1><p>\(prose)</p>
      <h2>The bridge</h2><p>\(prose) It held.</p>
      <h3>You might also like</h3><p><a href="/x">Storm</a></p><p>Rain</p>
      </article></body></html>
      """
    let text = try extract(html).text
    #expect(text.contains("## The bridge"))
    #expect(text.contains("It held."))
    #expect(!text.contains("You might also like"))
    #expect(!text.contains("Storm"))
  }

  @Test func aStatedArticleBodyReplacesATeaser() throws {
    let body = String(repeating: "The whole article as the publisher states it for search engines. ", count: 20)
    let html = """
      <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"River","articleBody":"First paragraph. \(body)\\nLast paragraph of the article."}</script></head>
      <body><article><h1>River</h1><p>A short teaser for subscribers only, nothing else.</p></article></body></html>
      """
    let text = try extract(html).text
    #expect(text.contains("The whole article as the publisher states it"))
    #expect(text.hasSuffix("Last paragraph of the article."))
    #expect(text.contains("\n\nLast paragraph"))
  }

  @Test func aStatedArticleBodyDoesNotReplaceAFullArticle() throws {
    let html = """
      <html><head><script type="application/ld+json">{"@type":"Article","articleBody":"Short summary."}</script></head>
      <body><article><h1>River</h1><p>\(prose)</p></article></body></html>
      """
    let text = try extract(html).text
    #expect(text.contains("The river rose all night"))
    #expect(!text.contains("Short summary."))
  }

  @Test func textSetWithLineBreaksCountsAsProse() throws {
    // No <p> in the article: its sentences are long runs of text between <br>s.
    let line = "The river rose all night and the town watched it from the bridge until dawn came over the hills and the water finally began to fall."
    let html = """
      <html><body><div class="layout">
      <div class="box"><p>Subscribe to our letter.</p><p>Follow us on the usual networks.</p></div>
      <div id="story"><h1>River</h1>\(String(repeating: "\(line)<br>", count: 9))<br>\(line) The end of the story.<br></div>
      <div class="box"><p>Visit the shop.</p><p>Opening hours every day.</p></div>
      </div></body></html>
      """
    let text = try extract(html).text
    #expect(text.contains("The end of the story."))
    #expect(!text.contains("Visit the shop"))
    #expect(!text.contains("Subscribe to our letter"))
  }

  @Test func teaserCardsAreDroppedButAGalleryStays() throws {
    let card = { (n: Int) in
      "<div class=\"card\"><img src=\"t\(n).jpg\"><h3><a href=\"/s\(n)\">Other story number \(n)</a></h3><span>Two minutes</span></div>"
    }
    let figure = { (n: Int) in "<figure><a href=\"/f\(n).png\"><img src=\"f\(n).png\"></a><figcaption>Chart \(n)</figcaption></figure>" }
    let html = """
      <html><body><article><h1>River</h1><p>\(prose)</p>
      <div class="gallery">\((1...3).map(figure).joined())</div>
      <p>\(prose) The last word.</p>
      <div class="more">\((1...4).map(card).joined())<p>Sent from the river desk.</p></div>
      </article></body></html>
      """
    let text = try extract(html, HTMLContentOptions(include: [.images, .tables])).text
    #expect(!text.contains("Other story number"))
    #expect(text.contains("The last word."))
    #expect(text.contains("f2.png"))
  }

  @Test func callToActionAndEntryUtilityLinesAreDropped() throws {
    let html = """
      <html><body><article><h1>River</h1><p>\(prose)</p>
      <div class="entry-utility">This entry was posted in News.</div>
      <p>\(prose) The last word.</p>
      <div class="cta"><p>Missed the event? Watch it again.</p></div>
      </article></body></html>
      """
    let text = try extract(html).text
    #expect(!text.contains("This entry was posted"))
    #expect(!text.contains("Missed the event"))
    #expect(text.contains("The last word."))
  }

  @Test func aBlockBesideTheTitledPostNeedsHalfTheProseToStay() throws {
    // No article or main element: the scope is the page. The related block holds over a third
    // of the prose but not the title, so its name decides.
    let html = """
      <html><body><div class="post"><h1>River</h1><p>\(prose)</p><p>\(prose)</p></div>
      <div class="related-posts"><p>\(prose) Read this one too.</p></div>
      </body></html>
      """
    let text = try extract(html).text
    #expect(text.contains("# River"))
    #expect(!text.contains("Read this one too."))
  }

  @Test func authorBoxesAndLeadTeasersAreToldApart() throws {
    let html = """
      <html><body><article><h1>River</h1>
      <div class="teaser"><p>The lead: the river rose all night and the town watched it from the bridge, afraid of what the morning would bring to the houses by the water and to the old mill. Nobody slept, and by dawn the water stood at the doors.</p></div>
      <p>\(prose)</p><p>\(prose) The last word.</p>
      <footer class="entry-meta"><div class="author-info"><p>Ann Reporter writes about rivers, bridges and the towns between them since 2001, and about \(prose)</p></div></footer>
      </article></body></html>
      """
    let text = try extract(html).text
    #expect(text.contains("The lead: the river rose"))
    #expect(text.contains("The last word."))
    #expect(!text.contains("Ann Reporter writes"))
  }

  @Test func disclaimersAndImageCaptionsAreDropped() throws {
    let html = """
      <html><body><article><h1>River</h1>
      <div class="editorial-disclaimer"><p>This post contains affiliate links.</p></div>
      <p>\(prose)</p><div class="image-subtitle">The bridge at dawn (Photo: Ann)</div>
      <p>\(prose) The last word.</p>
      </article></body></html>
      """
    let text = try extract(html).text
    #expect(!text.contains("affiliate links"))
    #expect(!text.contains("The bridge at dawn"))
    #expect(text.contains("The last word."))
  }

  @Test func nameSignalsMatchWordsPartsAndImageCaptions() {
    #expect(HTMLNameSignals.of(classOrID: "site-Sidebar", keepComments: false).contains(.boilerplate))
    #expect(HTMLNameSignals.of(classOrID: "comment-list", keepComments: false) == [.boilerplate, .comments])
    #expect(HTMLNameSignals.of(classOrID: "comment-list", keepComments: true) == [.comments])
    #expect(HTMLNameSignals.of(classOrID: "article commentary", keepComments: false) == [])
    #expect(HTMLNameSignals.of(classOrID: "elementor-widget-text", keepComments: false) == [.weakBoilerplate])
    #expect(HTMLNameSignals.of(classOrID: "img-metadata", keepComments: false) == [.metadata])
    #expect(HTMLNameSignals.of(classOrID: "image-gallery", keepComments: false) == [])
    #expect(HTMLNameSignals.of(classOrID: "navigation", keepComments: false).contains(.boilerplate))
    #expect(HTMLNameSignals.of(classOrID: "canvas", keepComments: false) == [])
    #expect(HTMLNameSignals.of(itemprop: "datePublished") == [])
    #expect(HTMLNameSignals.of(itemprop: "author") == [.metadata])
    #expect(HTMLNameSignals.of(classOrID: "note sr-only", keepComments: false) == [.boilerplate])
    #expect(HTMLNameSignals.of(classOrID: "col hidden-xs", keepComments: false) == [])
  }

  @Test func aNavigationElementLeftOpenOverThePageIsNotFurniture() throws {
    // The menu's <nav> is never closed: libxml2 nests the whole page inside it.
    let html = """
      <html><body><header><nav class="navbar"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
      <li><a href="/about">About</a></li></ul>
      <main><article><h1>River</h1><p>\(prose)</p><p>\(prose) The last word.</p></article></main>
      <aside><p>Other story teaser text</p></aside>
      </body></html>
      """
    let text = try extract(html).text
    #expect(text.contains("# River"))
    #expect(text.contains("The last word."))
    #expect(!text.contains("About"))
    #expect(!text.contains("Other story teaser"))
  }

  @Test func anAsideStaysFurnitureEvenBesideAShortArticle() throws {
    let html = """
      <html><body><div><h1>River</h1><p>The river rose all night. The town watched from the bridge. Nobody slept,
      and by dawn the water stood at the doors of the houses by the mill. The council met at noon and
      sent sandbags to the school, and the firemen pumped the cellars dry before the evening. The last word.</p></div>
      <aside><h3>About the author</h3><p>\(prose)</p><p>\(prose)</p></aside></body></html>
      """
    let text = try extract(html).text
    #expect(!text.contains("About the author"))
    #expect(text.contains("The last word."))
  }

  @Test func aBannerRoleWrappingThePageIsNotFurniture() throws {
    let html = """
      <html><body><div role="banner"><div class="logo"><a href="/">Town News</a></div>
      <div><h1>River</h1><p>\(prose)</p><p>\(prose) The last word.</p></div>
      <div role="complementary"><p>Other story teaser text</p></div></div>
      </body></html>
      """
    let text = try extract(html).text
    #expect(text.contains("The last word."))
    #expect(!text.contains("Other story teaser"))
  }

  @Test func whenEveryPartLooksLikeFurnitureOnlyLinkListsAreLeftOut() throws {
    // Both posts sit in blocks named like sidebars, each with half the prose, beside the page
    // title: the names drop them all, so the fallback keeps the page minus its link lists.
    let post = { (word: String) in
      """
      <div class="sidebar-block"><h2>\(word)</h2><p>The first swallows came back to the bridge today, two weeks
      early, and the whole town came out to see them from the river bank. The \(word) word.</p></div>
      """
    }
    let html = """
      <html><body><header><h1>Town blog</h1></header>
      <ul class="links"><li><a href="/">Home</a></li><li><a href="/a">Archive</a></li><li><a href="/c">Contact</a></li></ul>
      \(post("first"))\(post("other"))
      </body></html>
      """
    let text = try extract(html).text
    #expect(text.contains("The first word."))
    #expect(text.contains("The other word."))
    #expect(!text.contains("Archive"))
  }
}
