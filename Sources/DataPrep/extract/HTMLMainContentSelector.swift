import Foundation

/// Finds the main content of a page and leaves out what inside it is still furniture.
///
/// Generic signals only: the page's own markup (`itemprop=articleBody`, `<main>`, `role=main`,
/// `<article>`), where the prose is (text in paragraphs outside links), link density, and
/// `class`/`id` words. Steps: pick a start (the markup's word, when it holds a fair share of the
/// prose), narrow to the smallest block holding 90% of its prose, then prune inside it: reader
/// comments, link-heavy blocks (related links, tag lists), short metadata lines (bylines, dates,
/// credits), and headings left with nothing under them. ``HTMLContentOptions/Favor`` sets how
/// hard the pruning is.
struct HTMLMainContentSelector {
  let options: HTMLContentOptions

  /// The node to render, after excluding the furniture inside it from `page`.
  func select(_ page: inout HTMLPage) -> MarkupTree.Node {
    guard let detector = page.boilerplate else { return MarkupTree.root }
    let tree = page.tree
    let prose = detector.proseLength
    let pageProse = Int(prose[MarkupTree.root])
    let startNode = start(page, prose: prose, detector: detector)
    var current = startNode
    if options.favor != .recall {
      current = narrowed(page, from: startNode, prose: prose)
    }
    if options.favor == .balanced {
      current = widened(&page, from: current, upTo: startNode, detector: detector)
    }
    let scopeProse = Int(prose[current])
    let linkShare = options.favor == .precision ? 5 : 7
    var node = current + 1
    let end = tree.subtreeEnd(current)
    let lookahead = HTMLSubtreeLookahead(tree)
    while node < end {
      guard tree.kinds[node] == .element, !page.excluded[node] else {
        node = page.excluded[node] ? tree.subtreeEnd(node) : node + 1
        continue
      }
      let role = page.role(node)
      var drop = false
      if detector.isCommentSection(node), Int(prose[node]) * 3 < max(scopeProse, 1) * 2 {
        drop = true
      } else if role == .table, !options.include.contains(.tables) {
        drop = true
      } else if options.favor != .recall {
        let text = detector.textLength(of: node)
        switch role {
        case .block, .list, .listItem, .definitionList, .table:
          // Link-heavy blocks: related articles, tag lists, "read more" lines.
          if text > 0, detector.linkCount(of: node) > 0, detector.linkTextLength(of: node) * 10 >= text * linkShare,
            Int(prose[node]) * 4 < max(pageProse, 1)
          {
            drop = true
          } else if Int(prose[node]) * 4 < max(pageProse, 1),
            case let cards = teaserCards(in: node, page: page, detector: detector), !cards.isEmpty
          {
            // Cards of other articles ("More stories", "You may also like"); the rest stays.
            for card in cards { page.exclude(card) }
          } else if text < (options.favor == .precision ? 300 : 200), detector.hasMetadataName(node) {
            drop = true
          } else if !options.include.contains(.images), tree.name(node) == "figure" || tree.name(node) == "figcaption" {
            // Without images, their captions and credits are furniture too.
            drop = true
          } else if text < 400, lookahead.startsWithCopyright(node) {
            // "© 2022 Example News. All rights reserved."
            drop = true
          } else if text < 80, lookahead.containsTime(node) {
            // A short line around a <time>: a dateline or byline.
            drop = true
          }
        default:
          break
        }
      }
      if drop {
        page.exclude(node)
        node = tree.subtreeEnd(node)
      } else {
        node += 1
      }
    }
    if options.favor != .recall {
      dropEmptyHeadings(&page, in: current, detector: detector)
      dropTrailingShortBlocks(&page, in: current, detector: detector)
      dropTrailingHeadings(&page, in: current, detector: detector)
    }
    return current
  }

  /// Where to start: `itemprop=articleBody`, else `main` or `role=main`, else the `article` with
  /// the most prose, else the document; a start holding under a quarter of the page's prose is
  /// not trusted.
  private func start(_ page: HTMLPage, prose: [Int32], detector: HTMLBoilerplateDetector) -> MarkupTree.Node {
    let tree = page.tree
    let pageProse = Int(prose[MarkupTree.root])
    var body: MarkupTree.Node?
    var main: MarkupTree.Node?
    var article: MarkupTree.Node?
    for node in 1..<tree.count where tree.kinds[node] == .element && !page.excluded[node] {
      if body == nil, detector.isMarkedArticleBody(node), prose[node] > 0 {
        body = node
      }
      let name = tree.name(node)
      if main == nil, name == "main" || tree.attribute("role", of: node)?.lowercased() == "main" {
        main = node
      }
      if name == "article", article.map({ prose[node] > prose[$0] }) ?? true { article = node }
    }
    for candidate in [body, main, article] {
      if let candidate, Int(prose[candidate]) * 4 >= pageProse { return candidate }
    }
    return MarkupTree.root
  }

  /// From `node` down to the smallest block that still holds 90% of its prose.
  private func narrowed(_ page: HTMLPage, from node: MarkupTree.Node, prose: [Int32]) -> MarkupTree.Node {
    let tree = page.tree
    var current = node
    while prose[current] > 0 {
      var best: MarkupTree.Node?
      for child in tree.children(of: current) where tree.isElement(child) && !page.excluded[child] {
        if best.map({ prose[child] > prose[$0] }) ?? true { best = child }
      }
      guard let child = best, prose[child] * 10 >= prose[current] * 9, tree.name(child) != "p",
        case .block = page.role(child)
      else { break }
      current = child
    }
    return current
  }

  /// Up to three levels above `node` (never above `limit`), the siblings on the way that look
  /// like content too (headings, title blocks, prose with few links) join it; the others are
  /// excluded. Returns the widest ancestor reached.
  private func widened(
    _ page: inout HTMLPage, from node: MarkupTree.Node, upTo limit: MarkupTree.Node, detector: HTMLBoilerplateDetector
  ) -> MarkupTree.Node {
    let tree = page.tree
    let prose = detector.proseLength
    var current = node
    var levels = 0
    while current != limit, levels < 3, let parent = tree.parent(current) {
      var toExclude: [MarkupTree.Node] = []
      for sibling in tree.children(of: parent) where sibling != current && !page.excluded[sibling] {
        switch tree.kinds[sibling] {
        case .text:
          continue
        case .element:
          let text = detector.textLength(of: sibling)
          if text == 0 { continue }
          let fewLinks = detector.linkTextLength(of: sibling) * 10 <= text * 3
          var keep = false
          if case .heading = page.role(sibling) {
            keep = fewLinks
          } else if fewLinks, prose[sibling] >= 100 {
            keep = true
          } else if fewLinks, text < 500, containsTitle(sibling, page: page) {
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
    for index in page.tree.descendants(of: node) where page.tree.kinds[index] == .element && !page.excluded[index] {
      if case .heading(let level) = page.role(index), level <= 2 { return true }
    }
    return false
  }

  /// Whether the first visible text in `node` begins with a copyright sign (or "(c)", "Copyright").
  /// The teaser cards in `node`, a grid or list of them: three or more children of the same element
  /// name and `class`, two thirds of its element children at least, each short (under 400
  /// visible bytes, under 200 of prose) with a heading or image and links carrying a quarter of
  /// its text or more (paragraphs never count). The repeated shape is
  /// the signal: an article's own paragraphs differ, cards of other articles repeat.
  private func teaserCards(
    in node: MarkupTree.Node, page: HTMLPage, detector: HTMLBoilerplateDetector
  ) -> [MarkupTree.Node] {
    let tree = page.tree
    var children: [MarkupTree.Node] = []
    for child in tree.children(of: node) where tree.isElement(child) && !page.excluded[child] {
      if detector.textLength(of: child) > 0 { children.append(child) }
    }
    guard children.count >= 3 else { return [] }
    let shapes = children.map { Shape(name: tree.nameIndices[$0], classValue: tree.attribute("class", of: $0) ?? "") }
    var counts: [Shape: Int] = [:]
    for shape in shapes { counts[shape, default: 0] += 1 }
    // The most frequent shape (two shapes cannot both cover two thirds of the children).
    let most = counts.values.max()
    guard let shape = shapes.first(where: { counts[$0] == most }), let count = counts[shape],
      count >= 3, count * 3 >= children.count * 2
    else { return [] }
    let cards = zip(children, shapes).filter { $0.1 == shape }.map(\.0)
    for child in cards {
      let text = detector.textLength(of: child)
      guard tree.name(child) != "p", tree.name(child) != "figure", text < 400, detector.linkCount(of: child) > 0,
        detector.linkTextLength(of: child) * 4 >= text, detector.proseLength[child] < 200,
        holdsHeadingOrImage(child, page: page)
      else { return [] }
    }
    return cards
  }

  private func holdsHeadingOrImage(_ node: MarkupTree.Node, page: HTMLPage) -> Bool {
    page.tree.descendants(of: node).contains { index in
      guard page.tree.kinds[index] == .element else { return false }
      if case .heading = page.role(index) { return true }
      return page.tree.name(index) == "img"
    }
  }

  /// An element's name and `class`: what repeats across teaser cards.
  private struct Shape: Hashable {
    var name: Int32
    var classValue: String
  }

  /// Leaves out, after the last paragraph of real length, short blocks that are mostly links,
  /// then the headings that head only short lines: they head what the page adds after the text ("Related posts", "Share this",
  /// "More from the author"), not a section of it. A heading over a list, table, code block or
  /// quote stays.
  private func dropTrailingHeadings(_ page: inout HTMLPage, in scope: MarkupTree.Node, detector: HTMLBoilerplateDetector) {
    let tree = page.tree
    let end = tree.subtreeEnd(scope)
    // The paragraph each text belongs to: its nearest ancestor that is not inline.
    var owner = [Int32](repeating: Int32(scope), count: end - scope)
    var ownedText = [Int32](repeating: 0, count: end - scope)
    var node = scope + 1
    while node < end {
      if page.excluded[node] {
        node = tree.subtreeEnd(node)
        continue
      }
      let parentOwner = tree.parent(node).map { $0 > scope ? owner[$0 - scope] : Int32(scope) } ?? Int32(scope)
      switch tree.kinds[node] {
      case .element:
        switch page.role(node) {
        case .inline, .code, .lineBreak: owner[node - scope] = parentOwner
        default: owner[node - scope] = Int32(node)
        }
      case .text:
        owner[node - scope] = parentOwner
        ownedText[Int(parentOwner) - scope] += Int32(detector.textLength(of: node))
      default:
        break
      }
      node += 1
    }
    // The last text of a paragraph of 100 visible bytes or more (headings excluded).
    var lastLongText = -1
    node = end - 1
    while node > scope {
      if tree.kinds[node] == .text, !page.excluded[node] {
        let paragraph = Int(owner[node - scope])
        if paragraph > scope, ownedText[paragraph - scope] >= 100 {
          if case .heading = page.role(paragraph) {} else {
            lastLongText = node
            break
          }
        }
      }
      node -= 1
    }
    guard lastLongText > scope else { return }
    // Short blocks that are mostly links ("All articles on the topic", "Back to the list"):
    // the page's ways out of the text, not part of it.
    node = lastLongText + 1
    while node < end {
      if page.excluded[node] {
        node = tree.subtreeEnd(node)
        continue
      }
      if tree.kinds[node] == .element {
        switch page.role(node) {
        case .inline, .code, .lineBreak, .heading:
          break
        default:
          let text = detector.textLength(of: node)
          if text > 0, text < 120, detector.linkTextLength(of: node) * 2 >= text {
            page.exclude(node)
            node = tree.subtreeEnd(node)
            continue
          }
        }
      }
      node += 1
    }
    // A heading whose section holds a list, table, code block or quote with text left heads
    // content; the others go.
    var heading: MarkupTree.Node?
    var headsStructure = false
    node = lastLongText + 1
    while node < end {
      if page.excluded[node] {
        node = tree.subtreeEnd(node)
        continue
      }
      if tree.kinds[node] == .element {
        switch page.role(node) {
        case .heading:
          if let heading, !headsStructure { page.exclude(heading) }
          heading = node
          headsStructure = false
          node = tree.subtreeEnd(node)
          continue
        case .list, .table, .preformatted, .blockquote, .definitionList:
          if keptText(of: node, page: page, detector: detector) > 0 { headsStructure = true }
        default:
          break
        }
      }
      node += 1
    }
    if let heading, !headsStructure { page.exclude(heading) }
  }

  /// Leaves out the short blocks that end the content ("More on this topic", "Older post", a
  /// lone date or tag line): up to five, stopping at the first block of real length, the first
  /// that ends a sentence, or the first list, table, code block, quote or image.
  private func dropTrailingShortBlocks(_ page: inout HTMLPage, in scope: MarkupTree.Node, detector: HTMLBoilerplateDetector) {
    let tree = page.tree
    let end = tree.subtreeEnd(scope)
    // Blocks in document order: elements with a block role and no kept block inside, lifted
    // to their outermost list or table.
    var blocks: [MarkupTree.Node] = []
    var stops = Set<MarkupTree.Node>()
    var hasBlockChild = Set<MarkupTree.Node>()
    var node = scope + 1
    while node < end {
      if page.excluded[node] {
        node = tree.subtreeEnd(node)
        continue
      }
      if tree.kinds[node] == .element {
        switch page.role(node) {
        case .inline, .code, .lineBreak:
          break
        case .dropped:
          // An image kept with --include images.
          blocks.append(node)
          stops.insert(node)
        case .list, .table, .definitionList, .preformatted, .blockquote:
          blocks.append(node)
          stops.insert(node)
          if let parent = tree.parent(node) { markAncestors(parent, scope: scope, tree: tree, into: &hasBlockChild) }
          node = tree.subtreeEnd(node)
          continue
        default:
          blocks.append(node)
          if let parent = tree.parent(node) { markAncestors(parent, scope: scope, tree: tree, into: &hasBlockChild) }
        }
      }
      node += 1
    }
    var dropped = 0
    for block in blocks.reversed() where !hasBlockChild.contains(block) && !page.excluded[block] {
      if stops.contains(block) { break }
      let text = keptText(of: block, page: page, detector: detector)
      if text == 0 { continue }
      guard text < 50, dropped < 5, !endsSentence(block, page: page) else { break }
      page.exclude(block)
      dropped += 1
    }
  }

  /// Whether the last visible character of `block` ends a sentence (`.`, `!`, `?`, `…`, `。`).
  private func endsSentence(_ block: MarkupTree.Node, page: HTMLPage) -> Bool {
    let tree = page.tree
    var index = tree.subtreeEnd(block) - 1
    while index > block {
      if tree.kinds[index] == .text, !page.excluded[index] {
        let bytes = tree.textBytes(of: index)
        if let last = bytes.lastIndex(where: { $0 > 0x20 && $0 != 0xA0 && $0 != 0xC2 }) {
          let byte = bytes[last]
          if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") { return true }
          // "…" is E2 80 A6, "。" is E3 80 82, "！" EF BC 81, "？" EF BC 9F.
          guard last - bytes.startIndex >= 2 else { return false }
          let tail = [bytes[last - 2], bytes[last - 1], byte]
          return tail == [0xE2, 0x80, 0xA6] || tail == [0xE3, 0x80, 0x82] || tail == [0xEF, 0xBC, 0x81]
            || tail == [0xEF, 0xBC, 0x9F]
        }
      }
      index -= 1
    }
    return false
  }

  private func markAncestors(
    _ node: MarkupTree.Node, scope: MarkupTree.Node, tree: MarkupTree, into set: inout Set<MarkupTree.Node>
  ) {
    var current: MarkupTree.Node? = node
    while let c = current, c > scope, set.insert(c).inserted { current = tree.parent(c) }
  }

  private func keptText(of node: MarkupTree.Node, page: HTMLPage, detector: HTMLBoilerplateDetector) -> Int {
    var total = 0
    var index = node + 1
    let end = page.tree.subtreeEnd(node)
    while index < end {
      if page.excluded[index] {
        index = page.tree.subtreeEnd(index)
        continue
      }
      if page.tree.kinds[index] == .text { total += detector.textLength(of: index) }
      index += 1
    }
    return total
  }

  /// Leaves out headings whose section (the siblings up to the next heading) lost all its text
  /// to pruning, such as "Related articles" over a dropped link list.
  private func dropEmptyHeadings(_ page: inout HTMLPage, in scope: MarkupTree.Node, detector: HTMLBoilerplateDetector) {
    let tree = page.tree
    let end = tree.subtreeEnd(scope)
    var kept = [Int32](repeating: 0, count: end - scope)
    var node = end - 1
    while node > scope {
      if !page.excluded[node], tree.kinds[node] == .text { kept[node - scope] += Int32(detector.textLength(of: node)) }
      if let parent = tree.parent(node), parent > scope, !page.excluded[node] { kept[parent - scope] += kept[node - scope] }
      node -= 1
    }
    var headings: [MarkupTree.Node] = []
    for node in (scope + 1)..<end where tree.kinds[node] == .element && !page.excluded[node] {
      if case .heading = page.role(node) { headings.append(node) }
    }
    for heading in headings {
      var sibling = tree.nextSibling(heading)
      var keptText = 0
      var droppedText = 0
      while let current = sibling {
        if tree.kinds[current] == .element, case .heading = page.role(current) { break }
        if page.excluded[current] {
          droppedText += detector.textLength(of: current)
        } else if tree.kinds[current] == .text {
          keptText += detector.textLength(of: current)
        } else {
          keptText += Int(kept[current - scope])
        }
        sibling = tree.nextSibling(current)
      }
      if keptText == 0, droppedText > 0 { page.exclude(heading) }
    }
  }
}
