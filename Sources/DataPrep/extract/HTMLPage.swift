/// A parsed HTML page with what every reader of it needs: element roles and hidden parts.
///
/// `excluded[node]` is true for nodes that never reach the text: dropped elements (scripts,
/// styles, form controls, embedded media, `head`), elements hidden by the `hidden` attribute,
/// `aria-hidden="true"` or an inline `display:none` / `visibility:hidden` style, forms without
/// real content, and everything inside those. In main-content mode, navigation, page headers,
/// footers and asides are excluded too.
struct HTMLPage {
  /// The parsed page.
  let tree: MarkupTree
  /// The role of each interned name, by string-table index.
  private let nameRoles: [HTMLElementRole]
  /// Whether each node is left out of the text.
  private(set) var excluded: [Bool]

  /// The page of `tree`; `dropBoilerplate` also excludes navigation, headers, footers and asides.
  init(tree: MarkupTree, dropBoilerplate: Bool = false) {
    self.tree = tree
    self.nameRoles = tree.strings.map { HTMLElementRole.of($0) }
    var excluded = [Bool](repeating: false, count: tree.count)
    let formContentNames: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "article", "main", "pre", "blockquote"]
    var node = 1
    while node < tree.count {
      guard let parent = tree.parent(node) else {
        node += 1
        continue
      }
      if excluded[parent] {
        excluded[node] = true
      } else if tree.kinds[node] == .element {
        switch nameRoles[Int(tree.nameIndices[node])] {
        case .dropped:
          excluded[node] = true
        case .form:
          let hasContent = tree.descendants(of: node).contains {
            tree.kinds[$0] == .element && formContentNames.contains(tree.name($0))
          }
          excluded[node] = !hasContent || Self.isHidden(node, in: tree)
        default:
          excluded[node] =
            Self.isHidden(node, in: tree) || (dropBoilerplate && Self.isBoilerplate(node, in: tree))
        }
      }
      node += 1
    }
    self.excluded = excluded
  }

  /// The rendering role of `node` (elements only).
  func role(_ node: MarkupTree.Node) -> HTMLElementRole { nameRoles[Int(tree.nameIndices[node])] }

  /// Whether an element is hidden by its own attributes.
  static func isHidden(_ node: MarkupTree.Node, in tree: MarkupTree) -> Bool {
    for attribute in tree.attributes(of: node) {
      switch attribute.name {
      case "hidden":
        return true
      case "aria-hidden":
        if attribute.value.trimmingASCIIWhitespace().lowercased() == "true" { return true }
      case "style":
        let style = attribute.value.lowercased().filter { !$0.isWhitespace }
        if style.contains("display:none") || style.contains("visibility:hidden") { return true }
      default:
        continue
      }
    }
    return false
  }

  /// Whether an element is page furniture: navigation, asides, and page-level headers and footers.
  static func isBoilerplate(_ node: MarkupTree.Node, in tree: MarkupTree) -> Bool {
    switch tree.name(node) {
    case "nav", "aside":
      return true
    case "header", "footer":
      // A header or footer inside an article or main belongs to it (title, byline).
      return tree.ancestor(of: node) { tree.isElement($0, named: "article") || tree.isElement($0, named: "main") } == nil
    default:
      switch tree.attribute("role", of: node)?.lowercased() {
      case "navigation", "complementary", "contentinfo", "banner", "search": return true
      default: return false
      }
    }
  }
}
