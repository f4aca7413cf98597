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
  /// Visible text bytes inside paragraphs (`p`) and not in links: prose, the mark of content.
  private(set) var proseLength: [Int32]

  static let boilerplateWords: Set<String> = [
    "nav", "navbar", "navigation", "menu", "menubar", "submenu", "footer", "sidebar", "breadcrumb", "breadcrumbs",
    "cookie", "cookies", "consent", "share", "sharing", "social", "related", "comments", "comment", "widget",
    "widgets", "banner", "advert", "advertisement", "ads", "ad", "newsletter", "subscribe", "subscription",
    "login", "signup", "pagination", "pager", "popup", "modal", "skip", "toolbar", "masthead", "promo",
    "sponsored", "outbrain", "taboola", "disqus", "teaser", "teasers", "recommended", "trending", "copyright",
  ]

  /// Parts of `class`/`id` values that mark furniture wherever they occur in a token
  /// (`comment-list`, `sharedaddy`, `mainmenu`): long enough to be unambiguous.
  static let boilerplateParts: [String] = [
    "comment", "disqus", "share", "shariff", "social", "related", "cookie", "consent", "newsletter", "subscri",
    "breadcrumb", "sidebar", "navigation", "navbar", "footer", "widget", "advert", "sponsor", "promo", "recommend",
    "pagination", "popup", "teaser", "outbrain", "taboola", "menu", "authorbio", "author-bio", "about-author",
    "authorbox", "author-box", "tagcloud", "tag-cloud", "post-tags", "entry-tags", "paywall", "skiplink", "respond",
  ]

  /// Name parts that mark reader comments (kept with `--include comments`).
  static let commentParts: [String] = ["comment", "disqus", "respond"]

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
        if inLink[node] { linkTextLength[node] = visible } else if inParagraph[node] { proseLength[node] = visible }
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
  }

  /// Whether element `node` is furniture to leave out of the main content.
  func isBoilerplate(_ node: MarkupTree.Node) -> Bool {
    let name = tree.name(node)
    switch name {
    case "nav", "aside":
      return true
    case "header", "footer":
      // A header or footer inside an article or main belongs to it (title, byline).
      return tree.ancestor(of: node) { tree.isElement($0, named: "article") || tree.isElement($0, named: "main") } == nil
    case "html", "body", "main", "article", "a", "h1", "h2", "h3", "h4", "h5", "h6":
      return false
    default:
      break
    }
    switch tree.attribute("role", of: node)?.lowercased() {
    case "navigation", "complementary", "contentinfo", "banner", "search", "menu", "menubar": return true
    case "main", "article": return false
    default: break
    }
    // Large parts of the page (a third of its prose, or half its text) are never dropped on
    // class names or links alone.
    if proseLength[node] * 3 > proseLength[MarkupTree.root] && proseLength[node] > 0 { return false }
    if textLength[node] * 2 > textLength[MarkupTree.root] { return false }
    if hasBoilerplateName(node) { return true }
    let links = linkCount[node]
    let text = textLength[node]
    return links >= 3 && text > 0 && linkTextLength[node] * 10 >= text * 7
  }

  /// Visible text bytes in `node`'s subtree.
  func textLength(of node: MarkupTree.Node) -> Int { Int(textLength[node]) }
  /// Visible text bytes inside links in `node`'s subtree.
  func linkTextLength(of node: MarkupTree.Node) -> Int { Int(linkTextLength[node]) }
  /// Links in `node`'s subtree.
  func linkCount(of node: MarkupTree.Node) -> Int { Int(linkCount[node]) }

  private func hasBoilerplateName(_ node: MarkupTree.Node) -> Bool {
    for attribute in ["class", "id"] {
      guard let value = tree.attribute(attribute, of: node), !value.isEmpty else { continue }
      let lowered = value.lowercased()
      if keepComments, Self.commentParts.contains(where: { lowered.contains($0) }) { continue }
      let words = lowered.split { !($0.isLetter || $0.isNumber) }
      if words.contains(where: { Self.boilerplateWords.contains(String($0)) }) { return true }
      if Self.boilerplateParts.contains(where: { lowered.contains($0) }) { return true }
    }
    return false
  }

  /// Whether `node`'s `class` or `id` names reader comments.
  func isCommentSection(_ node: MarkupTree.Node) -> Bool {
    guard !keepComments else { return false }
    for attribute in ["class", "id"] {
      guard let value = tree.attribute(attribute, of: node), !value.isEmpty else { continue }
      let lowered = value.lowercased()
      if Self.commentParts.contains(where: { lowered.contains($0) }) { return true }
    }
    return false
  }
}
