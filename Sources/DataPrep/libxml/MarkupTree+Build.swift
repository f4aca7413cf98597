internal import CLibXML

extension MarkupTree {
  /// The default cap on text copied out of internal entity references while building a tree.
  static let defaultEntityTextLimit = InputLimits.defaultMaximumEntityBytes

  /// Builds the tree of a whole libxml2 document (its children become children of node 0).
  ///
  /// One iterative pass with an explicit stack (no recursion, so any depth works). Internal
  /// entity references (kept unexpanded because we never parse with `XML_PARSE_NOENT`) are
  /// expanded here as their text, at most `entityTextLimit` bytes in all; external entities were
  /// never loaded and contribute nothing. The caller still owns and frees `document`.
  /// - Throws: ``MarkupParseError/entityExpansionTooLarge(limit:)`` when the limit is passed.
  static func build(
    document: xmlDocPtr, entityTextLimit: Int = defaultEntityTextLimit
  ) throws(MarkupParseError) -> MarkupTree {
    var builder = MarkupTreeBuilder(entityTextLimit: entityTextLimit)
    let first = document.pointee.children
    try builder.appendChildren(startingAt: first)
    return builder.finish()
  }

  /// Builds the tree of one libxml2 node and its subtree (the node becomes the child of node 0).
  ///
  /// For callers inside the module that hold a node, such as an expanded record from the
  /// streaming reader. Same rules as ``build(document:entityTextLimit:)``; `node` is not freed.
  static func build(
    subtree node: xmlNodePtr, entityTextLimit: Int = defaultEntityTextLimit
  ) throws(MarkupParseError) -> MarkupTree {
    var builder = MarkupTreeBuilder(entityTextLimit: entityTextLimit)
    try builder.appendSubtree(node)
    return builder.finish()
  }
}

/// Accumulates a ``MarkupTree`` from libxml2 nodes; lives only during one build.
private struct MarkupTreeBuilder {
  var tree = MarkupTree()
  /// Names seen so far, by libxml2's interned pointer (HTML and XML parsers use a dictionary).
  var namesByPointer: [UnsafeRawPointer: Int32] = [:]
  /// A direct-mapped cache in front of `namesByPointer` (see `intern`).
  var recentNames: [(pointer: UnsafeRawPointer?, index: Int32)] = Array(repeating: (nil, 0), count: 64)
  var namesByString: [String: Int32] = ["": 0]
  /// Last child appended under each node (-1: none yet), to link siblings.
  var lastChild: [Int32] = []
  var entityTextLeft: Int
  let entityTextLimit: Int

  init(entityTextLimit: Int) {
    self.entityTextLimit = entityTextLimit
    self.entityTextLeft = entityTextLimit
    appendNode(kind: .document, parent: -1, name: 0, namespace: 0, line: 0)
  }

  /// One frame of the walk: the next libxml2 sibling to visit and our parent node for it.
  struct Frame {
    var next: xmlNodePtr?
    var parent: Int32
    /// True for the content of an entity reference (its text counts against the limit).
    var inEntity: Bool
  }

  mutating func appendSubtree(_ node: xmlNodePtr) throws(MarkupParseError) {
    var stack: [Frame] = []
    try visit(node, parent: 0, inEntity: false, stack: &stack)
    try run(&stack)
  }

  mutating func appendChildren(startingAt first: xmlNodePtr?) throws(MarkupParseError) {
    var stack = [Frame(next: first, parent: 0, inEntity: false)]
    try run(&stack)
  }

  private mutating func run(_ stack: inout [Frame]) throws(MarkupParseError) {
    while !stack.isEmpty {
      let top = stack.count - 1
      guard let node = stack[top].next else {
        stack.removeLast()
        continue
      }
      stack[top].next = node.pointee.next
      try visit(node, parent: stack[top].parent, inEntity: stack[top].inEntity, stack: &stack)
    }
  }

  /// Appends `node` under `parent` and, for containers, pushes a frame for its children.
  private mutating func visit(
    _ node: xmlNodePtr, parent: Int32, inEntity: Bool, stack: inout [Frame]
  ) throws(MarkupParseError) {
    switch node.pointee.type {
    case XML_ELEMENT_NODE:
      let name = intern(node.pointee.name)
      let namespace = intern(node.pointee.ns?.pointee.href)
      let line = Int32(truncatingIfNeeded: xmlGetLineNo(node))
      let index = appendNode(kind: .element, parent: parent, name: name, namespace: namespace, line: max(line, 0))
      try appendAttributes(of: node)
      if let child = node.pointee.children {
        stack.append(Frame(next: child, parent: index, inEntity: inEntity))
      }
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      try appendText(kind: .text, content: node.pointee.content, parent: parent, inEntity: inEntity)
    case XML_COMMENT_NODE:
      try appendText(kind: .comment, content: node.pointee.content, parent: parent, inEntity: inEntity)
    case XML_PI_NODE:
      let name = intern(node.pointee.name)
      appendNode(kind: .processingInstruction, parent: parent, name: name, namespace: 0, line: 0)
      appendBytes(node.pointee.content)
    case XML_ENTITY_REF_NODE:
      // The child of a reference is the entity declaration; its children are the parsed content.
      if let declaration = node.pointee.children, declaration.pointee.type == XML_ENTITY_DECL,
        let content = declaration.pointee.children
      {
        stack.append(Frame(next: content, parent: parent, inEntity: true))
      }
    default:
      break  // DTD nodes, XInclude markers, entity declarations outside references
    }
  }

  @discardableResult
  private mutating func appendNode(
    kind: MarkupTree.NodeKind, parent: Int32, name: Int32, namespace: Int32, line: Int32
  ) -> Int32 {
    let index = Int32(tree.kinds.count)
    tree.kinds.append(kind)
    tree.nameIndices.append(name)
    tree.namespaceIndices.append(namespace)
    tree.parents.append(parent)
    tree.nextSiblings.append(-1)
    tree.subtreeEnds.append(index + 1)
    tree.lines.append(line)
    tree.textStarts.append(tree.textBytes.count)
    tree.attributeStarts.append(Int32(tree.attributeList.count))
    lastChild.append(-1)
    if parent >= 0 {
      let previous = lastChild[Int(parent)]
      if previous >= 0 { tree.nextSiblings[Int(previous)] = index }
      lastChild[Int(parent)] = index
    }
    return index
  }

  private mutating func appendText(
    kind: MarkupTree.NodeKind, content: UnsafeMutablePointer<xmlChar>?, parent: Int32, inEntity: Bool
  ) throws(MarkupParseError) {
    guard let content else { return }
    let length = Int(xmlStrlen(content))
    if inEntity {
      entityTextLeft -= length
      if entityTextLeft < 0 { throw .entityExpansionTooLarge(limit: entityTextLimit) }
    }
    // Adjacent text (from entity boundaries) merges into one text node.
    let previous = Int(lastChild[Int(parent)])
    if kind == .text, previous == tree.kinds.count - 1, tree.kinds[previous] == .text {
      tree.textBytes.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
      return
    }
    appendNode(kind: kind, parent: parent, name: 0, namespace: 0, line: 0)
    tree.textBytes.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
  }

  private mutating func appendBytes(_ content: UnsafeMutablePointer<xmlChar>?) {
    guard let content else { return }
    tree.textBytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
  }

  private mutating func appendAttributes(of node: xmlNodePtr) throws(MarkupParseError) {
    var attribute = node.pointee.properties
    while let a = attribute {
      let name = tree.strings[Int(intern(a.pointee.name))]
      let namespace = tree.strings[Int(intern(a.pointee.ns?.pointee.href))]
      let value = try attributeValue(a.pointee.children)
      tree.attributeList.append(MarkupTree.Attribute(name: name, namespaceURI: namespace, value: value))
      attribute = a.pointee.next
    }
  }

  /// The text of an attribute's value nodes, entity references expanded within the limit.
  private mutating func attributeValue(_ first: xmlNodePtr?) throws(MarkupParseError) -> String {
    guard let first else { return "" }
    if first.pointee.next == nil, first.pointee.type == XML_TEXT_NODE, let content = first.pointee.content {
      return String(cString: content)
    }
    var bytes: [UInt8] = []
    var stack: [xmlNodePtr?] = [first]
    while !stack.isEmpty {
      guard let node = stack[stack.count - 1] else {
        stack.removeLast()
        continue
      }
      stack[stack.count - 1] = node.pointee.next
      switch node.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = node.pointee.content {
          let length = Int(xmlStrlen(content))
          if stack.count > 1 {
            entityTextLeft -= length
            if entityTextLeft < 0 { throw .entityExpansionTooLarge(limit: entityTextLimit) }
          }
          bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
        }
      case XML_ENTITY_REF_NODE:
        if let declaration = node.pointee.children, declaration.pointee.type == XML_ENTITY_DECL {
          stack.append(declaration.pointee.children)
        }
      default:
        break
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The string-table index of a libxml2 name (0 for `nil`).
  private mutating func intern(_ pointer: UnsafePointer<xmlChar>?) -> Int32 {
    guard let pointer else { return 0 }
    let key = UnsafeRawPointer(pointer)
    // libxml2 interns names in its dictionary, so a name comes back at the same address: a
    // small direct-mapped cache answers most lookups without hashing.
    let slot = Int(truncatingIfNeeded: UInt(bitPattern: key) >> 4) & (Self.recentNameSlots - 1)
    if recentNames[slot].pointer == key { return recentNames[slot].index }
    if let index = namesByPointer[key] {
      recentNames[slot] = (key, index)
      return index
    }
    let string = String(cString: pointer)
    let index: Int32
    if let existing = namesByString[string] {
      index = existing
    } else {
      index = Int32(tree.strings.count)
      tree.strings.append(string)
      namesByString[string] = index
    }
    namesByPointer[key] = index
    recentNames[slot] = (key, index)
    return index
  }

  private static let recentNameSlots = 64

  mutating func finish() -> MarkupTree {
    // Nodes are in preorder, so a parent's subtree ends where its last descendant's ends.
    var index = tree.kinds.count - 1
    while index > 0 {
      let parent = Int(tree.parents[index])
      if tree.subtreeEnds[index] > tree.subtreeEnds[parent] { tree.subtreeEnds[parent] = tree.subtreeEnds[index] }
      index -= 1
    }
    return tree
  }
}
