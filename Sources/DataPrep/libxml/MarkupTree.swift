/// A parsed HTML or XML document as flat arrays, with no C pointers: cheap to keep, share and walk.
///
/// Nodes are numbered in document order (preorder). Node 0 is the document itself; every other
/// node has a parent. Because of the numbering, the descendants of a node are exactly the nodes
/// `node + 1 ..< subtreeEnd(node)`, so whole-subtree work (text content, searching, skipping a
/// dropped element) is a loop over a range, never a recursion.
///
/// Element names are as the parser reports them: lowercased for HTML; the local name (without
/// prefix) for XML, with the namespace URI separately. Text is kept as UTF-8 bytes in one buffer.
/// Build one with ``HTMLParser``, ``XMLDocumentParser`` or, inside the module, from a libxml2
/// node with `MarkupTree.build(from:)`.
struct MarkupTree: Sendable, Hashable {
  /// A node number: an index into the tree's arrays (0 is the document).
  typealias Node = Int

  /// What a node is.
  enum NodeKind: UInt8, Sendable, Hashable {
    /// The document (only node 0).
    case document
    /// An element, with a name, a namespace and attributes.
    case element
    /// Character data (text and CDATA sections).
    case text
    /// A comment; its text is the comment's content.
    case comment
    /// A processing instruction; its name is the target, its text the data.
    case processingInstruction
  }

  /// One attribute of an element.
  struct Attribute: Sendable, Hashable {
    /// The local name (HTML: lowercased).
    var name: String
    /// The namespace URI, empty when none (`xml:lang` has the XML namespace).
    var namespaceURI: String
    /// The value, entities and character references resolved.
    var value: String
  }

  /// The document node.
  static let root: Node = 0

  // Struct of arrays, one entry per node.
  var kinds: [NodeKind] = []
  /// Index into `strings` of the element or PI name (0: empty).
  var nameIndices: [Int32] = []
  /// Index into `strings` of the namespace URI (0: none).
  var namespaceIndices: [Int32] = []
  var parents: [Int32] = []
  var nextSiblings: [Int32] = []
  /// One past the last descendant.
  var subtreeEnds: [Int32] = []
  /// Source line of elements (0 when unknown).
  var lines: [Int32] = []
  /// Start of the node's text in `textBytes`; the text ends at the next node's start.
  var textStarts: [Int] = []
  /// Start of the node's attributes in `attributeList`; they end at the next node's start.
  var attributeStarts: [Int32] = []

  /// Interned names and namespace URIs; entry 0 is the empty string.
  var strings: [String] = [""]
  /// The UTF-8 text of all text, comment and PI nodes, in node order.
  var textBytes: [UInt8] = []
  /// The attributes of all elements, in node order.
  var attributeList: [Attribute] = []

  /// The number of nodes, the document included.
  var count: Int { kinds.count }

  /// What `node` is.
  func kind(_ node: Node) -> NodeKind { kinds[node] }

  /// Whether `node` is an element (of any name).
  func isElement(_ node: Node) -> Bool { kinds[node] == .element }

  /// The element name (or PI target); empty for other nodes.
  func name(_ node: Node) -> String { strings[Int(nameIndices[node])] }

  /// The namespace URI of an element; empty when it has none.
  func namespaceURI(_ node: Node) -> String { strings[Int(namespaceIndices[node])] }

  /// Whether `node` is an element named `name` (and, when given, in namespace `namespaceURI`).
  func isElement(_ node: Node, named name: String, namespaceURI: String? = nil) -> Bool {
    guard kinds[node] == .element, strings[Int(nameIndices[node])] == name else { return false }
    guard let namespaceURI else { return true }
    return strings[Int(namespaceIndices[node])] == namespaceURI
  }

  /// The parent of `node`, `nil` for the document.
  func parent(_ node: Node) -> Node? {
    let p = parents[node]
    return p < 0 ? nil : Int(p)
  }

  /// The first child of `node`, if any (the next node in order, when it lies in the subtree).
  func firstChild(_ node: Node) -> Node? {
    let next = node + 1
    return next < Int(subtreeEnds[node]) ? next : nil
  }

  /// The next sibling of `node`, if any.
  func nextSibling(_ node: Node) -> Node? {
    let s = nextSiblings[node]
    return s < 0 ? nil : Int(s)
  }

  /// One past the last descendant of `node`: its descendants are `node + 1 ..< subtreeEnd(node)`.
  func subtreeEnd(_ node: Node) -> Node { Int(subtreeEnds[node]) }

  /// The descendants of `node` in document order.
  func descendants(of node: Node) -> Range<Node> { (node + 1)..<Int(subtreeEnds[node]) }

  /// The source line of an element (1-based), 0 when unknown.
  func line(_ node: Node) -> Int { Int(lines[node]) }

  /// The children of `node`, in order.
  func children(of node: Node) -> Children { Children(tree: self, first: firstChild(node)) }

  /// The attributes of `node` (empty unless it is an element).
  func attributes(of node: Node) -> ArraySlice<Attribute> {
    let start = Int(attributeStarts[node])
    let end = node + 1 < count ? Int(attributeStarts[node + 1]) : attributeList.count
    return attributeList[start..<end]
  }

  /// The value of the attribute with local name `name` on `node`, in any namespace.
  func attribute(_ name: String, of node: Node) -> String? {
    for attribute in attributes(of: node) where attribute.name == name { return attribute.value }
    return nil
  }

  /// The UTF-8 bytes of a text, comment or PI node's own text (empty for elements).
  func textBytes(of node: Node) -> ArraySlice<UInt8> {
    let start = textStarts[node]
    let end = node + 1 < count ? textStarts[node + 1] : textBytes.count
    return textBytes[start..<end]
  }

  /// The own text of a text, comment or PI node (empty for elements).
  func text(of node: Node) -> String { String(decoding: textBytes(of: node), as: UTF8.self) }

  /// All text below `node` (text nodes only, comments excluded), concatenated in order.
  ///
  /// For a text node, its own text. Whitespace is kept as it is in the source.
  func textContent(of node: Node) -> String {
    if kinds[node] == .text { return text(of: node) }
    var bytes: [UInt8] = []
    for n in descendants(of: node) where kinds[n] == .text { bytes += textBytes(of: n) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The first element named `name` at or below `node` in document order.
  func firstElement(named name: String, in node: Node = MarkupTree.root) -> Node? {
    if isElement(node, named: name) { return node }
    return descendants(of: node).first { isElement($0, named: name) }
  }

  /// All elements named `name` below `node`, in document order.
  func elements(named name: String, in node: Node = MarkupTree.root) -> [Node] {
    descendants(of: node).filter { isElement($0, named: name) }
  }

  /// The root element (the first element child of the document), if any.
  var rootElement: Node? { children(of: MarkupTree.root).first { isElement($0) } }

  /// The nearest ancestor of `node` (excluding itself) for which `predicate` holds.
  func ancestor(of node: Node, where predicate: (Node) -> Bool) -> Node? {
    var current = parent(node)
    while let c = current {
      if predicate(c) { return c }
      current = parent(c)
    }
    return nil
  }

  /// The children of a node as a sequence.
  struct Children: Sequence, IteratorProtocol {
    let tree: MarkupTree
    var upcoming: Node?

    init(tree: MarkupTree, first: Node?) {
      self.tree = tree
      self.upcoming = first
    }

    mutating func next() -> Node? {
      guard let current = upcoming else { return nil }
      upcoming = tree.nextSibling(current)
      return current
    }
  }
}
