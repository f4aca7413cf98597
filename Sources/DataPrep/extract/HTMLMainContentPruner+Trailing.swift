/// The pruner's last passes: what the pruning left empty, and what trails the text.
extension HTMLMainContentPruner {
  /// A paragraph (text owned by one block) of this many visible bytes or more is real text: what
  /// follows the last one is what the page adds after the text.
  static let longParagraphLength: Int32 = 100
  /// After the text, a block under this many visible bytes that is mostly links is dropped.
  static let trailingLinkBlockLength = 120
  /// "Mostly links": link text is at least this share of the block's visible text.
  static let trailingLinkShare = HTMLTextShare(1, 2)
  /// A block that ends the content with fewer kept visible bytes than this may be dropped.
  static let trailingShortBlockLength = 50
  /// At most this many short blocks are dropped from the end of the content.
  static let maximumTrailingShortBlocks = 5

  /// Leaves out, after the last paragraph of real length, short blocks that are mostly links,
  /// then the headings that head only short lines: they head what the page adds after the text
  /// ("Related posts", "Share this", "More from the author"), not a section of it. A heading over
  /// a list, table, code block or quote stays.
  func dropTrailingHeadings(_ page: inout HTMLPage, in scope: MarkupTree.Node) {
    let tree = page.tree
    let end = tree.subtreeEnd(scope)
    // The paragraph each text belongs to: its nearest ancestor that is not inline.
    var owner = [Int32](repeating: Int32(scope), count: end - scope)
    var ownedText = [Int32](repeating: 0, count: end - scope)
    tree.walk(inside: scope, skipping: { page.excluded[$0] }) { node in
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
      return .descend
    }
    // The last text of a long paragraph (headings excluded), found backwards.
    var lastLongText = -1
    var node = end - 1
    while node > scope {
      if tree.kinds[node] == .text, !page.excluded[node] {
        let paragraph = Int(owner[node - scope])
        if paragraph > scope, ownedText[paragraph - scope] >= Self.longParagraphLength {
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
    tree.walk(from: lastLongText + 1, to: end, skipping: { page.excluded[$0] }) { node in
      guard tree.kinds[node] == .element else { return .descend }
      switch page.role(node) {
      case .inline, .code, .lineBreak, .heading:
        return .descend
      default:
        let text = detector.textLength(of: node)
        guard text > 0, text < Self.trailingLinkBlockLength,
          Self.trailingLinkShare.isReached(by: detector.linkTextLength(of: node), of: text), !detector.isInDataTable(node)
        else { return .descend }
        page.exclude(node)
        return .skipChildren
      }
    }
    // A heading whose section holds a list, table, code block or quote with text left heads
    // content; the others go.
    var heading: MarkupTree.Node?
    var headsStructure = false
    tree.walk(from: lastLongText + 1, to: end, skipping: { page.excluded[$0] }) { node in
      guard tree.kinds[node] == .element else { return .descend }
      switch page.role(node) {
      case .heading:
        if let heading, !headsStructure { page.exclude(heading) }
        heading = node
        headsStructure = false
        return .skipChildren
      case .list, .table, .preformatted, .blockquote, .definitionList:
        if keptText(of: node, page: page) > 0 { headsStructure = true }
      default:
        break
      }
      return .descend
    }
    if let heading, !headsStructure { page.exclude(heading) }
  }

  /// Leaves out the short blocks that end the content ("More on this topic", "Older post", a
  /// lone date or tag line): up to ``maximumTrailingShortBlocks``, stopping at the first block
  /// of ``trailingShortBlockLength`` or more, the first that ends a sentence, or the first list,
  /// table, code block, quote or image.
  func dropTrailingShortBlocks(_ page: inout HTMLPage, in scope: MarkupTree.Node) {
    let tree = page.tree
    // Blocks in document order: elements with a block role and no kept block inside, lifted
    // to their outermost list or table.
    var blocks: [MarkupTree.Node] = []
    var stops = Set<MarkupTree.Node>()
    var hasBlockChild = Set<MarkupTree.Node>()
    tree.walk(inside: scope, skipping: { page.excluded[$0] }) { node in
      guard tree.kinds[node] == .element else { return .descend }
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
        return .skipChildren
      default:
        blocks.append(node)
        if let parent = tree.parent(node) { markAncestors(parent, scope: scope, tree: tree, into: &hasBlockChild) }
      }
      return .descend
    }
    var dropped = 0
    for block in blocks.reversed() where !hasBlockChild.contains(block) && !page.excluded[block] {
      if stops.contains(block) { break }
      let text = keptText(of: block, page: page)
      if text == 0 { continue }
      guard text < Self.trailingShortBlockLength, dropped < Self.maximumTrailingShortBlocks,
        !endsSentence(block, page: page)
      else { break }
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

  /// Adds `node` and its ancestors below `scope` to `set`, stopping at one already there.
  private func markAncestors(
    _ node: MarkupTree.Node, scope: MarkupTree.Node, tree: MarkupTree, into set: inout Set<MarkupTree.Node>
  ) {
    var current: MarkupTree.Node? = node
    while let c = current, c > scope, set.insert(c).inserted { current = tree.parent(c) }
  }

  /// Leaves out headings whose section (the siblings up to the next heading) lost all its text
  /// to pruning, such as "Related articles" over a dropped link list.
  func dropEmptyHeadings(_ page: inout HTMLPage, in scope: MarkupTree.Node) {
    let tree = page.tree
    let end = tree.subtreeEnd(scope)
    // Kept text of every subtree, summed backwards (children before parents).
    var kept = [Int32](repeating: 0, count: end - scope)
    var node = end - 1
    while node > scope {
      if !page.excluded[node], tree.kinds[node] == .text { kept[node - scope] += Int32(detector.textLength(of: node)) }
      if let parent = tree.parent(node), parent > scope, !page.excluded[node] { kept[parent - scope] += kept[node - scope] }
      node -= 1
    }
    var headings: [MarkupTree.Node] = []
    tree.walk(inside: scope, skipping: { page.excluded[$0] }) { node in
      if tree.kinds[node] == .element, case .heading = page.role(node) { headings.append(node) }
      return .descend
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
