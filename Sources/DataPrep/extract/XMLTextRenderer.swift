/// Lays out the text of an XML tree as Markdown-like blocks, following an ``XMLVocabulary``:
/// `#` headings for sections, paragraphs separated by blank lines, `- `/`1. ` lists, fenced
/// code, pipe tables and `>` quotes; and splits it into sections.
///
/// Recursion follows element nesting; past ``maximumDepth`` levels, an element's text is taken
/// flat, so hostile nesting cannot exhaust the stack.
struct XMLTextRenderer {
  /// Nesting depth past which elements are flattened to their text.
  static let maximumDepth = 200

  let tree: MarkupTree
  let vocabulary: XMLVocabulary
  /// Render leaf elements that have attributes but no text as `name: value` lines (data XML).
  var includeAttributes = false

  private var blocks: [String] = []
  private var marks: [(heading: String, level: Int, firstBlock: Int)] = []
  private var run = ""
  private var sectionDepth = 0
  private var usedHeadings: Set<MarkupTree.Node> = []

  /// A renderer over `tree`.
  init(tree: MarkupTree, vocabulary: XMLVocabulary) {
    self.tree = tree
    self.vocabulary = vocabulary
  }

  /// The text and sections of the element `root`, whose title (if any) is `title` and was taken
  /// from the node `titleNode` (which is then not repeated in the text).
  mutating func render(root: MarkupTree.Node, title: String, titleNode: MarkupTree.Node?) -> (String, [Document.Section]) {
    if let titleNode { usedHeadings.insert(titleNode) }
    if !title.isEmpty {
      blocks.append("# " + title)
      marks.append((title, 1, 1))
    }
    renderChildren(of: root, depth: 0)
    flush()
    var sections: [Document.Section] = []
    let firstMark = marks.first?.firstBlock ?? blocks.count
    let preambleEnd = marks.isEmpty ? blocks.count : max(0, firstMark - 1)
    if preambleEnd > 0 {
      sections.append(Document.Section(heading: "", level: 0, text: blocks[0..<preambleEnd].joined(separator: "\n\n")))
    }
    for (index, mark) in marks.enumerated() {
      let end = index + 1 < marks.count ? marks[index + 1].firstBlock - 1 : blocks.count
      let text = mark.firstBlock < end ? blocks[mark.firstBlock..<end].joined(separator: "\n\n") : ""
      sections.append(Document.Section(heading: mark.heading, level: mark.level, text: text))
    }
    return (blocks.joined(separator: "\n\n"), sections)
  }

  // MARK: Blocks

  private mutating func flush() {
    let text = Self.collapse(run)
    if !text.isEmpty { blocks.append(text) }
    run = ""
  }

  private mutating func emit(_ block: String) {
    flush()
    if !block.isEmpty { blocks.append(block) }
  }

  /// Whether `node` has text children that are not only whitespace (mixed content).
  private func hasMixedContent(_ node: MarkupTree.Node) -> Bool {
    tree.children(of: node).contains { tree.kind($0) == .text && !Self.isBlank(tree.textBytes(of: $0)) }
  }

  private mutating func renderChildren(of node: MarkupTree.Node, depth: Int) {
    let mixed = hasMixedContent(node)
    for child in tree.children(of: node) {
      switch tree.kind(child) {
      case .text:
        if mixed { run += tree.text(of: child) }
      case .element:
        renderElement(child, depth: depth + 1, inMixedContent: mixed)
      default:
        continue
      }
    }
  }

  private mutating func renderElement(_ node: MarkupTree.Node, depth: Int, inMixedContent: Bool) {
    if depth > Self.maximumDepth {
      run += " " + tree.textContent(of: node)
      return
    }
    if usedHeadings.contains(node) { return }
    let role = vocabulary.role(tree, node)
    switch role {
    case .skip:
      return
    case .inline, .term:
      run += inlineText(node)
    case .inlineCode:
      if inMixedContent {
        run += "`" + Self.collapse(tree.textContent(of: node)) + "`"
      } else {
        emit(fenced(node))
      }
    case .unknown:
      if inMixedContent {
        run += inlineText(node)
      } else {
        flush()
        if includeAttributes,
          tree.children(of: node).allSatisfy({ tree.kind($0) != .element && (tree.kind($0) != .text || Self.isBlank(tree.textBytes(of: $0))) })
        {
          emit(attributeLines(node))
        }
        renderChildren(of: node, depth: depth)
        flush()
      }
    case .section:
      flush()
      let headingNode = sectionHeading(node)
      let heading = headingNode.map { Self.collapse(inlineText($0)) } ?? ""
      if let headingNode { usedHeadings.insert(headingNode) }
      sectionDepth += 1
      if !heading.isEmpty {
        let level = min(6, sectionDepth + 1)
        blocks.append(String(repeating: "#", count: level) + " " + heading)
        marks.append((heading, level, blocks.count))
      }
      renderChildren(of: node, depth: depth)
      flush()
      sectionDepth -= 1
    case .heading:
      if usedHeadings.contains(node) { return }
      flush()
      run = inlineText(node)
      flush()
    case .paragraph:
      flush()
      renderChildren(of: node, depth: depth)
      flush()
    case .list(let ordered):
      emit(list(node, ordered: ordered, depth: depth))
    case .item, .termEntry:
      emit(itemText(node, depth: depth))
    case .code:
      emit(fenced(node))
    case .lineGroup:
      let lines = tree.children(of: node).filter { tree.isElement($0) }.map { Self.collapse(inlineText($0)) }
      emit(lines.filter { !$0.isEmpty }.joined(separator: "\n"))
    case .table:
      emit(table(node))
    case .row, .cell:
      flush()
      renderChildren(of: node, depth: depth)
      flush()
    case .quote:
      let inner = subRender(node, depth: depth)
      emit(inner.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n"))
    }
  }

  /// The heading child of a section: a heading-role child, or one inside an info child.
  private func sectionHeading(_ node: MarkupTree.Node) -> MarkupTree.Node? {
    for child in tree.children(of: node) where tree.isElement(child) {
      if vocabulary.role(tree, child) == .heading { return child }
      if tree.name(child) == "info" || tree.name(child).hasSuffix("info") {
        if let title = tree.children(of: child).first(where: { tree.isElement($0) && vocabulary.role(tree, $0) == .heading }) {
          return title
        }
      }
      if tree.name(child) == "title-group" {
        return tree.children(of: child).first { tree.isElement($0) }
      }
    }
    return nil
  }

  /// The text below `node` on one line, skipping skipped elements, with inline code in backticks.
  private func inlineText(_ node: MarkupTree.Node) -> String {
    var out = ""
    tree.walk(inside: node) { index in
      switch tree.kind(index) {
      case .text:
        out += tree.text(of: index)
        return .descend
      case .element:
        let role = vocabulary.role(tree, index)
        if role == .skip { return .skipChildren }
        if role == .inlineCode {
          out += "`" + Self.collapse(tree.textContent(of: index)) + "`"
          return .skipChildren
        }
        if case .paragraph = role, !out.isEmpty { out += " " }
        if role == .item || role == .row || role == .cell { out += " " }
        return .descend
      default:
        return .descend
      }
    }
    return out
  }

  /// Renders `node`'s children with a fresh renderer and returns the blocks joined.
  private func subRender(_ node: MarkupTree.Node, depth: Int) -> String {
    var inner = XMLTextRenderer(tree: tree, vocabulary: vocabulary)
    inner.includeAttributes = includeAttributes
    inner.usedHeadings = usedHeadings
    inner.sectionDepth = 5
    inner.renderChildren(of: node, depth: depth)
    inner.flush()
    return inner.blocks.joined(separator: "\n\n")
  }

  private func itemText(_ node: MarkupTree.Node, depth: Int) -> String {
    if vocabulary.role(tree, node) == .termEntry {
      var term = ""
      var rest: [String] = []
      for child in tree.children(of: node) where tree.isElement(child) {
        if vocabulary.role(tree, child) == .term || vocabulary.role(tree, child) == .heading {
          term += (term.isEmpty ? "" : ", ") + Self.collapse(inlineText(child))
        } else {
          var single = XMLTextRenderer(tree: tree, vocabulary: vocabulary)
          single.renderElement(child, depth: depth + 1, inMixedContent: false)
          single.flush()
          rest.append(contentsOf: single.blocks)
        }
      }
      let body = rest.joined(separator: "\n")
      return term.isEmpty ? body : (body.isEmpty ? term : "\(term): \(body)")
    }
    return subRender(node, depth: depth)
  }

  private func list(_ node: MarkupTree.Node, ordered: Bool, depth: Int) -> String {
    var lines: [String] = []
    var number = 1
    for child in tree.children(of: node) where tree.isElement(child) {
      let role = vocabulary.role(tree, child)
      if role == .heading {
        lines.append(Self.collapse(inlineText(child)))
        continue
      }
      if role == .skip { continue }
      let text = role == .item || role == .termEntry || role == .unknown
        ? itemText(child, depth: depth + 1) : subRender(child, depth: depth + 1)
      guard !text.isEmpty else { continue }
      let marker = ordered ? "\(number). " : "- "
      number += 1
      let indent = String(repeating: " ", count: marker.count)
      let itemLines = text.split(separator: "\n", omittingEmptySubsequences: false)
      for (i, line) in itemLines.enumerated() {
        lines.append(i == 0 ? marker + line : (line.isEmpty ? "" : indent + line))
      }
    }
    return lines.joined(separator: "\n")
  }

  private func fenced(_ node: MarkupTree.Node) -> String {
    var code = tree.textContent(of: node)
    while code.first == "\n" { code.removeFirst() }
    while let last = code.last, last.isWhitespace { code.removeLast() }
    guard !code.isEmpty else { return "" }
    let language = tree.attribute("language", of: node) ?? tree.attribute("mime", of: node).map { String($0.split(separator: "/").last ?? "") } ?? ""
    let fence = code.contains("```") ? "~~~~" : "```"
    return fence + language + "\n" + code + "\n" + fence
  }

  private func table(_ node: MarkupTree.Node) -> String {
    var rows: [[String]] = []
    // A nested table is its own block: its rows are not this table's.
    tree.walk(inside: node) { index in
      guard tree.isElement(index) else { return .descend }
      switch vocabulary.role(tree, index) {
      case .table:
        return .skipChildren
      case .row:
        let cells = tree.children(of: index).filter { tree.isElement($0) && vocabulary.role(tree, $0) == .cell }
        rows.append(cells.map { Self.collapse(inlineText($0)).replacingPipes() })
        return .skipChildren
      default:
        return .descend
      }
    }
    guard let width = rows.map(\.count).max(), width > 0 else { return "" }
    var lines: [String] = []
    for (i, row) in rows.enumerated() {
      let padded = row + Array(repeating: "", count: width - row.count)
      lines.append("| " + padded.joined(separator: " | ") + " |")
      if i == 0 { lines.append("|" + Array(repeating: " --- |", count: width).joined()) }
    }
    return lines.joined(separator: "\n")
  }

  private func attributeLines(_ node: MarkupTree.Node) -> String {
    tree.attributes(of: node).map { attribute in
      let value = EmbeddedHTML.looksLikeHTML(attribute.value)
        ? EmbeddedHTML.text(attribute.value, source: "").text : Self.collapse(attribute.value)
      return "\(attribute.name): \(value)"
    }.joined(separator: "\n")
  }

  // MARK: Text helpers

  /// Whitespace runs to single spaces, trimmed.
  static func collapse(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.unicodeScalars.append(" ") }
        pendingSpace = false
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
  }
}

extension String {
  fileprivate func replacingPipes() -> String {
    var out = ""
    for c in self { out += c == "|" ? "\\|" : String(c) }
    return out
  }
}
