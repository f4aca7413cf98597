/// A parsed HTML page with what every reader of it needs: element roles and hidden parts.
///
/// `excluded[node]` is true for nodes that never reach the text: dropped elements (scripts,
/// styles, form controls, embedded media, `head`), elements hidden by the `hidden` attribute,
/// `aria-hidden="true"` or an inline `display:none` / `visibility:hidden` style, forms (except
/// forms that wrap headings or articles, as some sites wrap the whole page in one), permalink
/// anchors (``HTMLPermalink``), action links such as `[source]` (``HTMLActionLink``), and
/// everything inside those. In main-content mode, what ``HTMLBoilerplateDetector`` finds
/// (navigation, page headers and footers, asides, menus, link lists) is excluded too.
struct HTMLPage {
  /// The parsed page.
  let tree: MarkupTree
  /// The role of each interned name, by string-table index.
  private let nameRoles: [HTMLElementRole]
  /// Whether each node is left out of the text.
  private(set) var excluded: [Bool]
  /// The boilerplate measurements, in main-content mode.
  let boilerplate: HTMLBoilerplateDetector?
  /// `excluded` before boilerplate was dropped: only dropped and hidden elements.
  private let hiddenOnly: [Bool]
  /// `noscript` elements that swallowed the page (see ``unclosedNoscripts(in:)``): rendered as blocks.
  private let openNoscripts: Set<MarkupTree.Node>

  /// The page of `tree`; `dropBoilerplate` also excludes navigation, headers, footers and asides
  /// (reader comments too, unless `content` includes them); images stay when `content` includes them.
  init(tree: MarkupTree, dropBoilerplate: Bool = false, content: HTMLContentOptions = HTMLContentOptions()) {
    self.tree = tree
    self.nameRoles = tree.strings.map { HTMLElementRole.of($0) }
    var excluded = [Bool](repeating: false, count: tree.count)
    var hidden = [Bool](repeating: false, count: tree.count)
    let formContentNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "article", "main"]
    let detector = dropBoilerplate ? HTMLBoilerplateDetector(tree: tree, keepComments: content.include.contains(.comments)) : nil
    let imageName = content.include.contains(.images) ? tree.strings.firstIndex(of: "img").map(Int32.init) : nil
    let anchorName = tree.strings.firstIndex(of: "a").map(Int32.init)
    let openNoscripts = Self.unclosedNoscripts(in: tree)
    self.openNoscripts = openNoscripts
    var node = 1
    while node < tree.count {
      guard let parent = tree.parent(node) else {
        node += 1
        continue
      }
      if hidden[parent] {
        hidden[node] = true
        excluded[node] = true
      } else if tree.kinds[node] == .element {
        switch nameRoles[Int(tree.nameIndices[node])] {
        case .dropped where openNoscripts.contains(node):
          hidden[node] = Self.isHidden(node, in: tree)
        case .dropped:
          hidden[node] = imageName == nil || tree.nameIndices[node] != imageName || Self.isHidden(node, in: tree)
        case .form:
          let hasContent = tree.descendants(of: node).contains {
            tree.kinds[$0] == .element && formContentNames.contains(tree.name($0))
          }
          hidden[node] = !hasContent || Self.isHidden(node, in: tree)
        default:
          hidden[node] =
            Self.isHidden(node, in: tree)
            || (tree.nameIndices[node] == anchorName
              && (HTMLPermalink.isPermalink(node, in: tree) || HTMLActionLink.isActionLink(node, in: tree)))
        }
        excluded[node] = hidden[node] || excluded[parent] || (detector?.isBoilerplate(node) ?? false)
      } else {
        excluded[node] = excluded[parent]
      }
      node += 1
    }
    self.excluded = excluded
    self.hiddenOnly = hidden
    self.boilerplate = detector
  }

  /// The same page with only dropped and hidden elements excluded (no boilerplate decisions):
  /// what the metadata reader and the whole-page fallback see, without parsing or measuring again.
  func withoutBoilerplateExclusions() -> HTMLPage {
    var page = self
    page.excluded = hiddenOnly
    return page
  }

  /// The page with only dropped and hidden elements and link lists excluded: the last
  /// fallback of main-content mode, for pages whose every part looked like furniture.
  func withOnlyLinkListsExcluded() -> HTMLPage {
    var page = withoutBoilerplateExclusions()
    guard let detector = boilerplate else { return page }
    tree.walk(inside: MarkupTree.root, skipping: { page.excluded[$0] }) { node in
      guard tree.kinds[node] == .element, detector.isLinkList(node) else { return .descend }
      page.exclude(node)
      return .skipChildren
    }
    return page
  }

  /// Leaves `node` and everything inside it out of the text.
  mutating func exclude(_ node: MarkupTree.Node) {
    for index in node..<tree.subtreeEnd(node) { excluded[index] = true }
  }

  /// The rendering role of `node` (elements only).
  func role(_ node: MarkupTree.Node) -> HTMLElementRole {
    let role = nameRoles[Int(tree.nameIndices[node])]
    if case .dropped = role, !openNoscripts.isEmpty, openNoscripts.contains(node) { return .block }
    return role
  }

  /// `noscript` elements that libxml2 left open. Browsers read a `noscript`'s content as raw
  /// text, but libxml2 parses it as markup, and an end tag it cannot match
  /// (`<noscript><div></noscript>`) leaves the `noscript` open to the end of its parent. Real
  /// `noscript` content is a pixel or a short notice; one that runs to the end of its parent
  /// with more than 200 bytes of text, or spans an eighth of the page, was left open, and what
  /// it holds is the page itself.
  private static func unclosedNoscripts(in tree: MarkupTree) -> Set<MarkupTree.Node> {
    guard let name = tree.strings.firstIndex(of: "noscript") else { return [] }
    let largeSpan = max(64, tree.count / 8)
    var found = Set<MarkupTree.Node>()
    for node in 1..<tree.count where tree.nameIndices[node] == name && tree.kinds[node] == .element {
      let end = tree.subtreeEnd(node)
      if end - node > largeSpan {
        found.insert(node)
      } else if let parent = tree.parent(node), tree.subtreeEnd(parent) == end {
        var text = 0
        for index in (node + 1)..<end where tree.kinds[index] == .text {
          for byte in tree.textBytes(of: index) where byte > 0x20 { text += 1 }
        }
        if text > 200 { found.insert(node) }
      }
    }
    return found
  }

  /// Whether an element is hidden by its own attributes.
  static func isHidden(_ node: MarkupTree.Node, in tree: MarkupTree) -> Bool {
    for attribute in tree.attributes(of: node) {
      switch attribute.name {
      case "hidden":
        return true
      case "aria-hidden":
        if attribute.value.trimmingASCIIWhitespace().lowercased() == "true" { return true }
      case "style":
        if isHiddenByStyle(attribute.value) { return true }
      default:
        continue
      }
    }
    return false
  }

  /// Whether an inline style contains `display:none` or `visibility:hidden` (any case and spacing).
  static func isHiddenByStyle(_ style: String) -> Bool {
    var compact: [UInt8] = []
    for byte in style.utf8 where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
      compact.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
    }
    for needle in [Array("display:none".utf8), Array("visibility:hidden".utf8)] where compact.count >= needle.count {
      for start in 0...(compact.count - needle.count) where compact[start] == needle[0] {
        if compact[start..<start + needle.count].elementsEqual(needle) { return true }
      }
    }
    return false
  }
}
