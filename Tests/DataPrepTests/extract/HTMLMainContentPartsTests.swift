import Testing

@testable import DataPrep

/// The two halves of main-content selection on their own: locating the content, pruning inside
/// it, and the shares their thresholds are written in.
@Suite struct HTMLMainContentPartsTests {
  private let prose = String(repeating: "The river rose all night and the town watched it from the bridge. ", count: 6)

  private func page(_ html: String, _ content: HTMLContentOptions = HTMLContentOptions()) throws -> HTMLPage {
    HTMLPage(tree: try HTMLParser().parse(Array(html.utf8)).tree, dropBoilerplate: true, content: content)
  }

  private func detector(_ page: HTMLPage) throws -> HTMLBoilerplateDetector {
    try #require(page.boilerplate)
  }

  @Test func textSharesCompareExactlyAtTheBoundary() {
    let quarter = HTMLTextShare(1, 4)
    #expect(quarter.isReached(by: 25, of: 100))
    #expect(!quarter.isReached(by: 24, of: 100))
    #expect(quarter.isMissed(by: 24, of: 100))
    #expect(!quarter.isMissed(by: 25, of: 100))
    let threeTenths = HTMLTextShare(3, 10)
    #expect(threeTenths.isNotExceeded(by: 30, of: 100))
    #expect(!threeTenths.isNotExceeded(by: 31, of: 100))
    #expect(threeTenths.isNotExceeded(by: 0, of: 0))
  }

  @Test func locatorStartsAtTheArticleWithTheMostProse() throws {
    var page = try page(
      """
      <body><article id=short><p>A short teaser.</p></article>
      <article id=long><h1>Title</h1><p>\(prose)</p><p>\(prose)</p></article></body>
      """)
    let located = HTMLMainContentLocator(favor: .recall, detector: try detector(page)).locate(&page)
    #expect(page.tree.attribute("id", of: located) == "long")
  }

  @Test func locatorDistrustsAMainHoldingUnderAQuarterOfTheProse() throws {
    var page = try page(
      """
      <body><main><p>Only a line here.</p></main>
      <div><p>\(prose)</p><p>\(prose)</p></div></body>
      """)
    let located = HTMLMainContentLocator(favor: .recall, detector: try detector(page)).locate(&page)
    #expect(located == MarkupTree.root)
  }

  @Test func locatorNarrowsToTheBlockHoldingNineTenthsOfTheProse() throws {
    var page = try page(
      """
      <body><article><div id=wrap><div id=text><p>\(prose)</p><p>\(prose)</p></div></div>
      <p>Tiny.</p></article></body>
      """)
    let located = HTMLMainContentLocator(favor: .precision, detector: try detector(page)).locate(&page)
    #expect(page.tree.attribute("id", of: located) == "text")
  }

  @Test func prunerDropsLinkHeavyBlocksAndKeepsTheProse() throws {
    let html = """
      <body><article id=a><p>\(prose)</p><p>\(prose)</p>
      <div id=links><a href=/1>One more story</a> <a href=/2>Another story</a></div>
      </article></body>
      """
    var page = try page(html)
    let article = try #require(page.tree.firstElement(named: "article"))
    let links = try #require(page.tree.descendants(of: article).first { page.tree.attribute("id", of: $0) == "links" })
    // Two links are no link list for the boilerplate detector: the pruner decides.
    #expect(!page.excluded[links])
    HTMLMainContentPruner(options: HTMLContentOptions(), detector: try detector(page)).prune(&page, inside: article)
    #expect(page.excluded[links])
    let paragraph = try #require(page.tree.firstElement(named: "p", in: article))
    #expect(!page.excluded[paragraph])
  }

  @Test func prunerInRecallFavorKeepsLinkHeavyBlocks() throws {
    var page = try page(
      """
      <body><article><p>\(prose)</p>
      <div id=links><a href=/1>One more story</a> <a href=/2>Another story</a></div>
      </article></body>
      """)
    let article = try #require(page.tree.firstElement(named: "article"))
    let links = try #require(page.tree.descendants(of: article).first { page.tree.attribute("id", of: $0) == "links" })
    #expect(!page.excluded[links])
    let options = HTMLContentOptions(favor: .recall)
    HTMLMainContentPruner(options: options, detector: try detector(page)).prune(&page, inside: article)
    #expect(!page.excluded[links])
  }

  @Test func keptTextCountsOnlyVisibleBytesNotExcluded() throws {
    var page = try page("<body><article><p>ab cd</p><p id=x>efg</p></article></body>")
    let article = try #require(page.tree.firstElement(named: "article"))
    let pruner = HTMLMainContentPruner(options: HTMLContentOptions(), detector: try detector(page))
    #expect(pruner.keptText(of: article, page: page) == 7)
    let second = try #require(page.tree.descendants(of: article).first { page.tree.attribute("id", of: $0) == "x" })
    page.exclude(second)
    #expect(pruner.keptText(of: article, page: page) == 4)
  }
}
