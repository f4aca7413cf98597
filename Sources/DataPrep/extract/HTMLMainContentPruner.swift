/// Leaves out what is still furniture inside the main content, the second half of
/// ``HTMLMainContentSelector``.
///
/// Inside the node ``HTMLMainContentLocator`` found, it excludes reader comments, link-heavy
/// blocks (related links, tag lists; not ``HTMLDataTableMarks``' data tables),
/// cards of other articles, short metadata lines (bylines, dates, credits, copyright lines), then the headings left with nothing under them and the
/// short blocks and headings that trail the text (see `HTMLMainContentPruner+Trailing.swift`).
/// ``HTMLContentOptions/Favor`` sets how hard: recall drops only comments and (unless included)
/// tables, precision drops more than balanced.
struct HTMLMainContentPruner {
  /// What to keep (tables, images) and how hard to prune.
  let options: HTMLContentOptions
  /// The page's boilerplate measurements (prose, text and link lengths of every subtree).
  let detector: HTMLBoilerplateDetector

  /// A comment section is dropped unless it holds this much of the content's prose (then the
  /// comments are the content, as on a forum thread).
  static let commentSectionShare = HTMLTextShare(2, 3)
  /// A block is link-heavy when link text is this share of its visible text or more (balanced).
  static let linkHeavyShare = HTMLTextShare(7, 10)
  /// The same, in precision favor.
  static let precisionLinkHeavyShare = HTMLTextShare(5, 10)
  /// Link-heavy blocks and card grids are dropped only when they hold less than this share of
  /// the page's prose.
  static let minorBlockShare = HTMLTextShare(1, 4)
  /// A block named as metadata (`byline`, `date`, `meta`…) under this many visible bytes is
  /// dropped (balanced).
  static let metadataLineLength = 200
  /// The same, in precision favor.
  static let precisionMetadataLineLength = 300
  /// A block under this many visible bytes that starts with a copyright sign is dropped.
  static let copyrightLineLength = 400
  /// A block under this many visible bytes holding a `<time>` (a dateline or byline) is dropped.
  static let datelineLength = 80
  /// Teaser cards: at least this many children of the same shape.
  static let minimumCards = 3
  /// Teaser cards: the shape covers at least this share of the element children.
  static let cardShare = HTMLTextShare(2, 3)
  /// Teaser cards: each holds fewer visible bytes than this.
  static let cardTextLength = 400
  /// Teaser cards: each holds less prose (visible bytes) than this.
  static let cardProseLength: Int32 = 200
  /// Teaser cards: links carry at least this share of each card's visible text.
  static let cardLinkShare = HTMLTextShare(1, 4)

  /// Excludes the furniture inside `scope` from `page`.
  func prune(_ page: inout HTMLPage, inside scope: MarkupTree.Node) {
    let tree = page.tree
    let lookahead = HTMLSubtreeLookahead(tree)
    let scopeProse = Int(detector.proseLength[scope])
    tree.walk(inside: scope, skipping: { page.excluded[$0] }) { node in
      guard tree.kinds[node] == .element else { return .descend }
      guard isFurniture(node, page: &page, scopeProse: scopeProse, lookahead: lookahead) else { return .descend }
      page.exclude(node)
      return .skipChildren
    }
    if options.favor != .recall {
      dropEmptyHeadings(&page, in: scope)
      dropTrailingShortBlocks(&page, in: scope)
      dropTrailingHeadings(&page, in: scope)
    }
  }

  /// Whether element `node` is furniture to drop whole. Cards of other articles found inside it
  /// are excluded from `page` on the way, and `node` itself stays.
  private func isFurniture(
    _ node: MarkupTree.Node, page: inout HTMLPage, scopeProse: Int, lookahead: HTMLSubtreeLookahead
  ) -> Bool {
    let tree = page.tree
    let prose = Int(detector.proseLength[node])
    let pageProse = Int(detector.proseLength[MarkupTree.root])
    let role = page.role(node)
    if detector.isCommentSection(node), Self.commentSectionShare.isMissed(by: prose, of: max(scopeProse, 1)) {
      return true
    }
    if role == .table, !options.include.contains(.tables) { return true }
    guard options.favor != .recall else { return false }
    switch role {
    case .block, .list, .listItem, .definitionList, .table:
      break
    default:
      return false
    }
    let precision = options.favor == .precision
    let text = detector.textLength(of: node)
    let minor = Self.minorBlockShare.isMissed(by: prose, of: max(pageProse, 1))
    let linkShare = precision ? Self.precisionLinkHeavyShare : Self.linkHeavyShare
    if text > 0, detector.linkCount(of: node) > 0, linkShare.isReached(by: detector.linkTextLength(of: node), of: text),
      minor, !detector.isInDataTable(node)
    {
      // Link-heavy blocks: related articles, tag lists, "read more" lines (not a table of
      // linked names beside their data).
      return true
    }
    if minor, case let cards = teaserCards(in: node, page: page), !cards.isEmpty {
      // Cards of other articles ("More stories", "You may also like"); the rest stays.
      for card in cards { page.exclude(card) }
      return false
    }
    if text < (precision ? Self.precisionMetadataLineLength : Self.metadataLineLength), detector.hasMetadataName(node) {
      return true
    }
    if !options.include.contains(.images), tree.name(node) == "figure" || tree.name(node) == "figcaption" {
      // Without images, their captions and credits are furniture too.
      return true
    }
    if text < Self.copyrightLineLength, lookahead.startsWithCopyright(node) {
      // "© 2022 Example News. All rights reserved."
      return true
    }
    // A short line around a <time>: a dateline or byline.
    return text < Self.datelineLength && lookahead.containsTime(node)
  }

  /// The teaser cards in `node`, a grid or list of them: ``minimumCards`` or more children of the
  /// same element name and `class`, ``cardShare`` of its element children at least, each short
  /// (``cardTextLength``, ``cardProseLength``) with a heading or image and links carrying
  /// ``cardLinkShare`` of its text or more (paragraphs and figures never count). The repeated
  /// shape is the signal: an article's own paragraphs differ, cards of other articles repeat.
  private func teaserCards(in node: MarkupTree.Node, page: HTMLPage) -> [MarkupTree.Node] {
    let tree = page.tree
    var children: [MarkupTree.Node] = []
    for child in tree.children(of: node) where tree.isElement(child) && !page.excluded[child] {
      if detector.textLength(of: child) > 0 { children.append(child) }
    }
    guard children.count >= Self.minimumCards else { return [] }
    let shapes = children.map { Shape(name: tree.nameIndices[$0], classValue: tree.attribute("class", of: $0) ?? "") }
    var counts: [Shape: Int] = [:]
    for shape in shapes { counts[shape, default: 0] += 1 }
    // The most frequent shape (two shapes cannot both cover two thirds of the children).
    let most = counts.values.max()
    guard let shape = shapes.first(where: { counts[$0] == most }), let count = counts[shape],
      count >= Self.minimumCards, Self.cardShare.isReached(by: count, of: children.count)
    else { return [] }
    let cards = zip(children, shapes).filter { $0.1 == shape }.map(\.0)
    for child in cards {
      let text = detector.textLength(of: child)
      guard tree.name(child) != "p", tree.name(child) != "figure", text < Self.cardTextLength,
        detector.linkCount(of: child) > 0, Self.cardLinkShare.isReached(by: detector.linkTextLength(of: child), of: text),
        detector.proseLength[child] < Self.cardProseLength, holdsHeadingOrImage(child, page: page)
      else { return [] }
    }
    return cards
  }

  /// Whether `node` holds a heading or an `img`, excluded or not.
  private func holdsHeadingOrImage(_ node: MarkupTree.Node, page: HTMLPage) -> Bool {
    let tree = page.tree
    return tree.walk(inside: node) { index in
      guard tree.kinds[index] == .element else { return .descend }
      if case .heading = page.role(index) { return .stop }
      return tree.name(index) == "img" ? .stop : .descend
    }
  }

  /// An element's name and `class`: what repeats across teaser cards.
  private struct Shape: Hashable {
    var name: Int32
    var classValue: String
  }

  /// The visible text bytes below `node` that are not excluded.
  func keptText(of node: MarkupTree.Node, page: HTMLPage) -> Int {
    let tree = page.tree
    var total = 0
    tree.walk(inside: node, skipping: { page.excluded[$0] }) { index in
      if tree.kinds[index] == .text { total += detector.textLength(of: index) }
      return .descend
    }
    return total
  }
}
