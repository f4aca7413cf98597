/// Finds the node that holds a page's main content, the first half of ``HTMLMainContentSelector``.
///
/// Generic signals only: the page's own markup (`itemprop=articleBody`, `<main>`, `role=main`,
/// `<article>`) and where the prose is (text in paragraphs outside links, see
/// ``HTMLBoilerplateDetector``). Steps: pick a start (the markup's word, when it holds a fair
/// share of the prose), narrow to the smallest block holding most of its prose, then (balanced
/// favor) widen back over the siblings that look like content too, excluding the others.
struct HTMLMainContentLocator {
  /// How hard to narrow: recall keeps the start, balanced narrows then widens, precision narrows.
  let favor: HTMLContentOptions.Favor
  /// The page's boilerplate measurements (prose, text and link lengths of every subtree).
  let detector: HTMLBoilerplateDetector

  /// A start (marked article body, `main`, `article`) holding less of the page's prose than this
  /// is not trusted, and the whole document is the start instead.
  static let trustedStartShare = HTMLTextShare(1, 4)
  /// Narrowing goes down to a child only while that child holds this much of its parent's prose.
  static let narrowingShare = HTMLTextShare(9, 10)
  /// Widening looks at the siblings of at most this many ancestors above the narrowed block.
  static let wideningLevels = 3
  /// A sibling "has few links" when link text is at most this share of its visible text.
  static let fewLinksShare = HTMLTextShare(3, 10)
  /// A sibling with few links and this much prose (visible bytes) or more joins the content.
  static let siblingProseLength = 100
  /// A sibling with few links, under this many visible bytes, holding an `h1` or `h2`, is the
  /// article's title block and joins the content.
  static let titleBlockTextLength = 500

  /// The node holding the main content of `page`; in balanced favor, siblings of the content left
  /// out on the way up are excluded from `page`.
  func locate(_ page: inout HTMLPage) -> MarkupTree.Node {
    let startNode = start(page)
    var current = startNode
    if favor != .recall {
      current = narrowed(page, from: startNode)
    }
    if favor == .balanced {
      current = widened(&page, from: current, upTo: startNode)
    }
    return current
  }

  /// Where to start: `itemprop=articleBody`, else `main` or `role=main`, else the `article` with
  /// the most prose, else the document; a start holding under ``trustedStartShare`` of the
  /// page's prose is not trusted.
  private func start(_ page: HTMLPage) -> MarkupTree.Node {
    let tree = page.tree
    let prose = detector.proseLength
    let pageProse = Int(prose[MarkupTree.root])
    var body: MarkupTree.Node?
    var main: MarkupTree.Node?
    var article: MarkupTree.Node?
    tree.walk(inside: MarkupTree.root, skipping: { page.excluded[$0] }) { node in
      guard tree.kinds[node] == .element else { return .descend }
      if body == nil, detector.isMarkedArticleBody(node), prose[node] > 0 {
        body = node
      }
      let name = tree.name(node)
      if main == nil, name == "main" || tree.attribute("role", of: node)?.lowercased() == "main" {
        main = node
      }
      if name == "article", article.map({ prose[node] > prose[$0] }) ?? true { article = node }
      return .descend
    }
    for candidate in [body, main, article] {
      if let candidate, Self.trustedStartShare.isReached(by: Int(prose[candidate]), of: pageProse) { return candidate }
    }
    return MarkupTree.root
  }

  /// From `node` down to the smallest block that still holds ``narrowingShare`` of its prose.
  private func narrowed(_ page: HTMLPage, from node: MarkupTree.Node) -> MarkupTree.Node {
    let tree = page.tree
    let prose = detector.proseLength
    var current = node
    while prose[current] > 0 {
      var best: MarkupTree.Node?
      for child in tree.children(of: current) where tree.isElement(child) && !page.excluded[child] {
        if best.map({ prose[child] > prose[$0] }) ?? true { best = child }
      }
      guard let child = best, Self.narrowingShare.isReached(by: Int(prose[child]), of: Int(prose[current])),
        tree.name(child) != "p", case .block = page.role(child)
      else { break }
      current = child
    }
    return current
  }

  /// Up to ``wideningLevels`` levels above `node` (never above `limit`), the siblings on the way
  /// that look like content too (headings, title blocks, prose with few links) join it; the
  /// others are excluded. Returns the widest ancestor reached.
  private func widened(
    _ page: inout HTMLPage, from node: MarkupTree.Node, upTo limit: MarkupTree.Node
  ) -> MarkupTree.Node {
    let tree = page.tree
    let prose = detector.proseLength
    var current = node
    var levels = 0
    while current != limit, levels < Self.wideningLevels, let parent = tree.parent(current) {
      var toExclude: [MarkupTree.Node] = []
      for sibling in tree.children(of: parent) where sibling != current && !page.excluded[sibling] {
        switch tree.kinds[sibling] {
        case .text:
          continue
        case .element:
          let text = detector.textLength(of: sibling)
          if text == 0 { continue }
          let fewLinks = Self.fewLinksShare.isNotExceeded(by: detector.linkTextLength(of: sibling), of: text)
          var keep = false
          if case .heading = page.role(sibling) {
            keep = fewLinks
          } else if fewLinks, Int(prose[sibling]) >= Self.siblingProseLength {
            keep = true
          } else if fewLinks, text < Self.titleBlockTextLength, containsTitle(sibling, page: page) {
            keep = true
          }
          if !keep { toExclude.append(sibling) }
        default:
          continue
        }
      }
      for sibling in toExclude { page.exclude(sibling) }
      current = parent
      levels += 1
    }
    return current
  }

  /// Whether `node` holds an `h1` or `h2` that is not excluded.
  private func containsTitle(_ node: MarkupTree.Node, page: HTMLPage) -> Bool {
    let tree = page.tree
    return tree.walk(inside: node, skipping: { page.excluded[$0] }) { index in
      guard tree.kinds[index] == .element, case .heading(let level) = page.role(index), level <= 2 else {
        return .descend
      }
      return .stop
    }
  }
}
