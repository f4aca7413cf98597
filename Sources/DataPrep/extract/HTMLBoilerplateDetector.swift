/// Decides which elements are page furniture rather than content, for the main-content mode.
///
/// Generic signals only, no per-site rules: semantic elements (`nav`, `aside`, page-level
/// `header`/`footer`), landmark roles, `class`/`id` words such as `menu`, `sidebar`, `cookie`,
/// `share`, `related`, `comments`, and link density (blocks whose text is mostly links, like
/// menus and tag clouds). An element holding a large part of the page's prose (text in `p`
/// outside links) or of its text is never dropped for its class or links, so a wrapper named
/// `has-sidebar` or `widget` cannot take the article with it.
struct HTMLBoilerplateDetector {
  private let tree: MarkupTree
  /// Whether reader comments count as content (`--include comments`).
  private let keepComments: Bool
  /// Visible (non-whitespace) text bytes in each node's subtree.
  private var textLength: [Int32]
  /// Of those, the bytes inside links.
  private var linkTextLength: [Int32]
  /// Links (`a` elements) in each subtree.
  private var linkCount: [Int32]
  /// Visible text bytes inside paragraphs (`p`), or in runs of ``proseRunLength`` bytes and
  /// more (text set with `<br>` in a `div`), and not in links: prose, the mark of content.
  private(set) var proseLength: [Int32]

  /// A run of text this long (visible bytes, one text node) is a sentence wherever it stands.
  static let proseRunLength: Int32 = 80

  /// Whether each node is or holds a mark of the article: `h1`, `main`, `article` or
  /// `itemprop=articleBody`.
  private var holdsArticleMark: [Bool]
  /// What each element's `class`, `id` and `itemprop` say about it (empty for other nodes).
  private var nameSignals: [HTMLNameSignals]
  /// Whether each node is or lies in a data table (``HTMLDataTableMarks``): never a link list.
  private var inDataTable: [Bool]

  /// Measures every subtree of `tree` in one backward pass.
  init(tree: MarkupTree, keepComments: Bool = false) {
    self.tree = tree
    self.keepComments = keepComments
    let count = tree.count
    var textLength = [Int32](repeating: 0, count: count)
    var linkTextLength = [Int32](repeating: 0, count: count)
    var linkCount = [Int32](repeating: 0, count: count)
    var proseLength = [Int32](repeating: 0, count: count)
    var inLink = [Bool](repeating: false, count: count)
    var inParagraph = [Bool](repeating: false, count: count)
    let linkName = tree.strings.firstIndex(of: "a").map(Int32.init) ?? -1
    let paragraphName = tree.strings.firstIndex(of: "p").map(Int32.init) ?? -1
    let skippedNames = Set(["script", "style", "noscript", "template"].compactMap { tree.strings.firstIndex(of: $0) })
    for node in 1..<count {
      guard let parent = tree.parent(node) else { continue }
      inLink[node] = inLink[parent] || (tree.kinds[node] == .element && tree.nameIndices[node] == linkName)
      inParagraph[node] =
        inParagraph[parent] || (tree.kinds[node] == .element && tree.nameIndices[node] == paragraphName)
      if tree.kinds[node] == .text, !skippedNames.contains(Int(tree.nameIndices[parent])) {
        var visible: Int32 = 0
        for byte in tree.textBytes(of: node) where byte > 0x20 { visible += 1 }
        textLength[node] = visible
        if inLink[node] { linkTextLength[node] = visible } else if inParagraph[node] || visible >= Self.proseRunLength { proseLength[node] = visible }
      }
      if tree.kinds[node] == .element, tree.nameIndices[node] == linkName { linkCount[node] = 1 }
    }
    var node = count - 1
    while node > 0 {
      let parent = Int(tree.parents[node])
      textLength[parent] += textLength[node]
      linkTextLength[parent] += linkTextLength[node]
      linkCount[parent] += linkCount[node]
      proseLength[parent] += proseLength[node]
      node -= 1
    }
    self.textLength = textLength
    self.linkTextLength = linkTextLength
    self.linkCount = linkCount
    self.proseLength = proseLength
    self.nameSignals = Self.nameSignals(of: tree, keepComments: keepComments)
    self.holdsArticleMark = Self.articleMarks(of: tree, signals: nameSignals)
    self.inDataTable = HTMLDataTableMarks.marks(of: tree, textLength: textLength, linkCount: linkCount)
  }

  /// For each node, whether it is or holds `h1`, `main`, `article` or `itemprop=articleBody`.
  private static func articleMarks(of tree: MarkupTree, signals: [HTMLNameSignals]) -> [Bool] {
    var marks = [Bool](repeating: false, count: tree.count)
    let names = Set(["h1", "main", "article"].compactMap { tree.strings.firstIndex(of: $0).map(Int32.init) })
    var node = tree.count - 1
    while node > 0 {
      if tree.kinds[node] == .element, !marks[node] {
        marks[node] =
          names.contains(tree.nameIndices[node]) || signals[node].contains(.articleBody)
      }
      if marks[node] { marks[Int(tree.parents[node])] = true }
      node -= 1
    }
    return marks
  }

  /// The name signals of every element; values repeat a lot within a page, so each distinct
  /// `class`/`id` value is classified once.
  private static func nameSignals(of tree: MarkupTree, keepComments: Bool) -> [HTMLNameSignals] {
    var signals = [HTMLNameSignals](repeating: [], count: tree.count)
    var known: [String: HTMLNameSignals] = [:]
    for node in 1..<tree.count where tree.kinds[node] == .element {
      var nodeSignals: HTMLNameSignals = []
      for attribute in tree.attributes(of: node) where !attribute.value.isEmpty {
        switch attribute.name {
        case "class", "id":
          if let cached = known[attribute.value] {
            nodeSignals.formUnion(cached)
          } else {
            let value = HTMLNameSignals.of(classOrID: attribute.value, keepComments: keepComments)
            known[attribute.value] = value
            nodeSignals.formUnion(value)
          }
        case "itemprop":
          nodeSignals.formUnion(HTMLNameSignals.of(itemprop: attribute.value))
        default:
          continue
        }
      }
      signals[node] = nodeSignals
    }
    return signals
  }

  /// Whether element `node` is furniture to leave out of the main content.
  func isBoilerplate(_ node: MarkupTree.Node) -> Bool {
    let name = tree.name(node)
    switch name {
    case "nav", "aside":
      return !holdsThePage(node)
    case "header", "footer":
      // A header or footer inside an article or main belongs to it (title, byline).
      if tree.ancestor(of: node, where: { tree.isElement($0, named: "article") || tree.isElement($0, named: "main") }) != nil {
        return false
      }
      return !holdsThePage(node)
    case "html", "body", "main", "article", "a", "h1", "h2", "h3", "h4", "h5", "h6":
      return false
    default:
      break
    }
    switch tree.attribute("role", of: node)?.lowercased() {
    case "navigation", "complementary", "contentinfo", "banner", "search", "menu", "menubar": return !holdsThePage(node)
    case "main", "article": return false
    default: break
    }
    // Large parts of the page (a third of its prose, or half its text) are never dropped on
    // class names or links alone, when they hold the article's marks (its `h1`, `main`,
    // `article`) or the page has none; a part beside those marks, such as a sidebar on a page
    // with a short post, must hold half the prose.
    if holdsArticleMark[node] || !holdsArticleMark[MarkupTree.root] {
      if isLargePart(node) { return false }
    } else if proseLength[node] * 2 > proseLength[MarkupTree.root] {
      return false
    }
    if hasBoilerplateName(node) { return true }
    if nameSignals[node].contains(.weakBoilerplate) {
      // `widget` names sidebars, but page builders name every content block so: prose with
      // few links is content.
      return !(proseLength[node] >= 150 && linkTextLength[node] * 10 < textLength[node] * 3)
    }
    return isLinkList(node)
  }

  /// Whether `node` is mostly links (3 or more, 70% of its text): a menu, tag cloud or link
  /// list, whatever its name; not a data table that links the names it lists, nor a part of one.
  func isLinkList(_ node: MarkupTree.Node) -> Bool {
    let text = textLength[node]
    return linkCount[node] >= 3 && text > 0 && linkTextLength[node] * 10 >= text * 7 && !isLargePart(node)
      && !inDataTable[node]
  }

  /// Whether `node` is or lies in a data table whose names are links (``HTMLDataTableMarks``).
  func isInDataTable(_ node: MarkupTree.Node) -> Bool { inDataTable[node] }

  /// Whether `node` holds a third of the page's prose or half its text.
  private func isLargePart(_ node: MarkupTree.Node) -> Bool {
    (proseLength[node] * 3 > proseLength[MarkupTree.root] && proseLength[node] > 0)
      || textLength[node] * 2 > textLength[MarkupTree.root]
  }

  /// Whether a `nav`, `aside`, `header` or `footer` (or a landmark role of that kind) holds the page itself: the article's marks
  /// and a large part of the text. Unclosed in the source (libxml2 then nests the rest of the
  /// page inside) or misused as a wrapper, it is not furniture.
  private func holdsThePage(_ node: MarkupTree.Node) -> Bool {
    holdsArticleMark[node] && isLargePart(node)
  }

  /// Visible text bytes in `node`'s subtree.
  func textLength(of node: MarkupTree.Node) -> Int { Int(textLength[node]) }
  /// Visible text bytes inside links in `node`'s subtree.
  func linkTextLength(of node: MarkupTree.Node) -> Int { Int(linkTextLength[node]) }
  /// Links in `node`'s subtree.
  func linkCount(of node: MarkupTree.Node) -> Int { Int(linkCount[node]) }

  private func hasBoilerplateName(_ node: MarkupTree.Node) -> Bool { nameSignals[node].contains(.boilerplate) }

  /// Whether `node` carries `itemprop=articleBody`.
  func isMarkedArticleBody(_ node: MarkupTree.Node) -> Bool { nameSignals[node].contains(.articleBody) }

  /// Whether `node`'s `class` or `id` names reader comments.
  func isCommentSection(_ node: MarkupTree.Node) -> Bool { !keepComments && nameSignals[node].contains(.comments) }

  /// Whether `node`'s `class`, `id` or `itemprop` names a short metadata line (byline, date, tags).
  func hasMetadataName(_ node: MarkupTree.Node) -> Bool { nameSignals[node].contains(.metadata) }
}
