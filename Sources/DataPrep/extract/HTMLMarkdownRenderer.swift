import Foundation

/// Renders an HTML page, or one subtree of it, as Markdown-like text with sections.
///
/// Headings become `#` lines, paragraphs are separated by blank lines, lists are `- ` / `1. `
/// (nested lists indented), data tables are pipe tables with a header row, `pre` blocks are
/// fenced with their indentation kept, blockquotes are `> ` lines, inline code is in backticks,
/// `<br>` is a newline and links are their text. Layout tables (nested tables, block content in
/// cells, a single column) render as ordinary blocks. The walk (`MarkupTree.walk`) is iterative
/// over the tree's preorder numbering, so depth never matters; excluded nodes (see ``HTMLPage``)
/// are skipped.
///
/// The scope is any node, which is how a main-content selector plugs in: choose the subtree,
/// then render it.
struct HTMLMarkdownRenderer {
  private let page: HTMLPage
  private var tree: MarkupTree { page.tree }
  private var output = MarkdownOutput()
  private var inline = MarkdownInlineText()
  private var frames: [Frame] = []
  private var lists: [(ordered: Bool, next: Int)] = []
  private var omitted: MarkupTree.Node?
  private var content = HTMLContentOptions()
  private var plain: Bool { content.textFormat == .plain }

  private enum ExitAction { case block, list, listItem, container, definitionList }

  private struct Frame {
    var exitAt: Int
    var action: ExitAction
  }

  /// A renderer over `page`.
  init(page: HTMLPage) {
    self.page = page
  }

  /// The Markdown of everything inside `scope` (not `scope`'s own role), leaving out `omitted`.
  /// `content` sets the text format and whether link targets and images are written.
  static func render(
    _ page: HTMLPage, scope: MarkupTree.Node = MarkupTree.root, omitting omitted: MarkupTree.Node? = nil,
    content: HTMLContentOptions = HTMLContentOptions()
  ) -> MarkdownOutput {
    var renderer = HTMLMarkdownRenderer(page: page)
    renderer.omitted = omitted
    renderer.content = content
    renderer.run(scope: scope)
    return renderer.output
  }

  private mutating func run(scope: MarkupTree.Node) {
    let tree = page.tree
    let omitted = omitted
    tree.walk(inside: scope, skipping: { page.excluded[$0] || $0 == omitted }) { node in
      // Blocks whose subtree ended before `node` close first (skipped nodes write nothing, so
      // closing them at the next visited node writes the same).
      while let frame = frames.last, node >= frame.exitAt {
        frames.removeLast()
        exit(frame.action)
      }
      switch tree.kinds[node] {
      case .text:
        inline.append(tree.textBytes(of: node))
        return .descend
      case .element:
        return enter(node)
      default:
        return .descend
      }
    }
    while let frame = frames.popLast() { exit(frame.action) }
    flushParagraph()
  }

  /// Starts rendering element `node`; says whether the walk goes on inside it.
  private mutating func enter(_ node: MarkupTree.Node) -> MarkupTree.WalkStep {
    let end = tree.subtreeEnd(node)
    switch page.role(node) {
    case .inline:
      if content.include.contains(.links), !plain, tree.name(node) == "a" {
        writeLink(node)
        return .skipChildren
      }
      return .descend
    case .dropped:
      if content.include.contains(.images), tree.name(node) == "img" { writeImage(node) }
      return .skipChildren
    case .block, .form, .tableRow, .tableCell, .tableCaption:
      openBlock(node, .block)
    case .heading(let level):
      flushParagraph()
      let text = HTMLPermalink.trimmingTrailingGlyphs(inlineRun(node).singleLine())
      if !text.isEmpty { output.writeHeading(text, level: level, marked: !plain) }
      return .skipChildren
    case .list(let ordered):
      flushParagraph()
      let start = tree.attribute("start", of: node).flatMap { Int($0.trimmingASCIIWhitespace()) } ?? 1
      lists.append((ordered, start))
      output.requestBreak(output.blockBreak)
      frames.append(Frame(exitAt: end, action: .list))
    case .listItem:
      flushParagraph()
      var marker = "- "
      if let last = lists.indices.last, lists[last].ordered {
        marker = "\(lists[last].next). "
        lists[last].next += 1
      }
      output.requestBreak(.line)
      output.pushContainer(marker: marker, tight: true)
      frames.append(Frame(exitAt: end, action: .listItem))
    case .definitionList:
      flushParagraph()
      output.requestBreak(output.blockBreak)
      output.pushContainer(marker: "", tight: true)
      frames.append(Frame(exitAt: end, action: .definitionList))
    case .definitionTerm:
      openBlock(node, .block)
    case .definitionDescription:
      flushParagraph()
      output.requestBreak(.line)
      output.pushContainer(marker: ": ", tight: true)
      frames.append(Frame(exitAt: end, action: .listItem))
    case .table:
      if let table = dataTable(node) {
        flushParagraph()
        if let signature = Self.signature(of: table) { writeFenced([signature[...]]) } else { writeTable(table) }
        return .skipChildren
      }
      openBlock(node, .block)
    case .preformatted:
      flushParagraph()
      writeCodeBlock(node)
      return .skipChildren
    case .code:
      let run = inlineRun(node)
      let text = run.singleLine()
      if !text.isEmpty, plain {
        // The spaces at the element's edges (`<code> LOCALE</code>`) still part words.
        if run.startsWithSpace { inline.appendSpace() }
        inline.append(text[...])
        if run.endsWithSpace { inline.appendSpace() }
      } else {
        inline.appendCode(text, spaceBefore: run.startsWithSpace, spaceAfter: run.endsWithSpace)
      }
      return .skipChildren
    case .blockquote:
      flushParagraph()
      output.requestBreak(output.blockBreak)
      output.pushContainer(marker: plain ? "" : "> ", continuation: plain ? "" : "> ", tight: false)
      frames.append(Frame(exitAt: end, action: .container))
    case .lineBreak:
      inline.appendLineBreak()
      return .skipChildren
    case .rule:
      flushParagraph()
      output.requestBreak(.paragraph)
      output.writeLine(Array("---".utf8)[...])
      output.requestBreak(.paragraph)
      return .skipChildren
    }
    return .descend
  }

  private mutating func openBlock(_ node: MarkupTree.Node, _ action: ExitAction) {
    flushParagraph()
    frames.append(Frame(exitAt: tree.subtreeEnd(node), action: action))
  }

  private mutating func exit(_ action: ExitAction) {
    flushParagraph()
    switch action {
    case .block:
      break
    case .list:
      lists.removeLast()
      output.requestBreak(output.blockBreak)
    case .listItem:
      output.popContainer()
    case .container, .definitionList:
      output.popContainer()
      output.requestBreak(output.blockBreak)
    }
  }

  /// Writes the paragraph collected so far, if any.
  private mutating func flushParagraph() {
    let lines = inline.lines()
    inline.reset()
    guard !lines.isEmpty else { return }
    output.writeBlock(lines)
    output.requestBreak(output.blockBreak)
  }

  /// The text of `node`'s subtree on one run: block boundaries and line breaks become spaces.
  func inlineRun(_ node: MarkupTree.Node) -> MarkdownInlineText {
    let tree = page.tree
    var text = MarkdownInlineText()
    var blockEnds: [Int] = []
    tree.walk(inside: node, skipping: { page.excluded[$0] || $0 == omitted }) { index in
      // A block that ended before `index` is a space (a pending one: skipped nodes in between
      // write nothing, and one left pending at the end never shows).
      while let last = blockEnds.last, index >= last {
        blockEnds.removeLast()
        text.appendSpace()
      }
      switch tree.kinds[index] {
      case .text:
        text.append(tree.textBytes(of: index))
      case .element:
        switch page.role(index) {
        case .inline, .code, .dropped:
          break
        default:
          text.appendSpace()
          blockEnds.append(tree.subtreeEnd(index))
        }
      default:
        break
      }
      return .descend
    }
    return text
  }

  // MARK: Links and images

  /// Writes link `node` as `[text](href)` (its text alone when it has no usable target).
  private mutating func writeLink(_ node: MarkupTree.Node) {
    let text = inlineRun(node).singleLine()
    let href = tree.attribute("href", of: node)?.trimmingASCIIWhitespace() ?? ""
    let usable = !href.isEmpty && !href.hasPrefix("#") && !href.lowercased().hasPrefix("javascript:")
    if text.isEmpty { return }
    if usable {
      let label = String(decoding: text, as: UTF8.self).replacingBrackets()
      inline.appendMarkup("[" + label + "](" + href.replacingSpaces() + ")")
    } else {
      inline.append(text[...])
    }
  }

  /// Writes image `node` as `![alt](src)`, or its alt text in plain text.
  private mutating func writeImage(_ node: MarkupTree.Node) {
    let alt = HTMLMetadataReader.collapse(tree.attribute("alt", of: node) ?? "")
    let source = tree.attribute("src", of: node)?.trimmingASCIIWhitespace() ?? ""
    if plain {
      if !alt.isEmpty { inline.appendMarkup(alt) }
    } else if !source.isEmpty, !source.lowercased().hasPrefix("data:") {
      inline.appendMarkup("![" + alt.replacingBrackets() + "](" + source.replacingSpaces() + ")")
    }
  }

  // MARK: Tables

  /// A cell's `colspan` adds at most this many columns less one (a hostile `colspan=100000`
  /// cannot make a row wide).
  private static let columnSpanLimit = 20

  private struct DataTable {
    var caption: [UInt8]
    var rows: [[[UInt8]]]
  }

  /// The rows of a data table, or `nil` for a layout table (rendered as blocks instead).
  private func dataTable(_ table: MarkupTree.Node) -> DataTable? {
    let tree = page.tree
    var rows: [[[UInt8]]] = []
    var caption: [UInt8] = []
    let layout = tree.walk(inside: table, skipping: { page.excluded[$0] }) { index in
      guard tree.kinds[index] == .element else { return .descend }
      switch page.role(index) {
      case .table:
        return .stop
      case .tableRow:
        rows.append([])
      case .tableCaption:
        caption = inlineRun(index).singleLine()
        return .skipChildren
      case .tableCell:
        if hasBlockContent(index) { return .stop }
        if rows.isEmpty { rows.append([]) }
        let cell = escapePipes(inlineRun(index).singleLine())
        rows[rows.count - 1].append(cell)
        let span = tree.attribute("colspan", of: index).flatMap { Int($0.trimmingASCIIWhitespace()) } ?? 1
        for _ in 1..<min(max(span, 1), Self.columnSpanLimit) { rows[rows.count - 1].append([]) }
        return .skipChildren
      default:
        break
      }
      return .descend
    }
    // A nested table or a cell holding blocks: the table is for layout.
    if layout { return nil }
    rows.removeAll { row in row.allSatisfy(\.isEmpty) }
    let columns = rows.map(\.count).max() ?? 0
    guard columns >= 2 else { return nil }
    return DataTable(caption: caption, rows: rows)
  }

  /// Whether a cell holds block structure (then the table is for layout).
  private func hasBlockContent(_ cell: MarkupTree.Node) -> Bool {
    let tree = page.tree
    var paragraphs = 0
    return tree.walk(inside: cell, skipping: { page.excluded[$0] }) { node in
      guard tree.kinds[node] == .element else { return .descend }
      switch page.role(node) {
      case .heading, .list, .preformatted, .blockquote, .definitionList, .table: return .stop
      default:
        if tree.name(node) == "p" {
          paragraphs += 1
          if paragraphs > 1 { return .stop }
        }
        return .descend
      }
    }
  }

  private func escapePipes(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(UInt8(ascii: "|")) else { return bytes }
    var out: [UInt8] = []
    for byte in bytes {
      if byte == UInt8(ascii: "|") { out.append(UInt8(ascii: "\\")) }
      out.append(byte)
    }
    return out
  }

  /// The most rows a function signature laid out as a table has (Doxygen's `memname`: the
  /// name and `(` on the first row, a parameter per row, `)` on the last).
  private static let signatureRows = 16

  /// The one line a table that lays out a function signature reads as (its second cell is `(`,
  /// its last or next to last `)`): its cells in order, a cell that is only `(` or `)` written
  /// against the name and parameters
  /// (`void Json::Value::setComment(const char * comment, size_t len) const`); `nil` for a table
  /// of data.
  private static func signature(of table: DataTable) -> [UInt8]? {
    let cells = table.rows.joined().map { HTMLMetadataReader.collapse(String(decoding: $0, as: UTF8.self)) }.filter { !$0.isEmpty }
    // The name, then `(`; `)` last but for a qualifier (`const`, `= 0`).
    guard table.rows.count <= signatureRows, cells.firstIndex(of: "(") == 1,
      let close = cells.lastIndex(of: ")"), close >= cells.count - 2
    else { return nil }
    var line = ""
    var previous = ""
    for cell in cells {
      if !line.isEmpty, cell != "(", cell != ")", previous != "(" { line += " " }
      line += cell
      previous = cell
    }
    return Array(line.utf8)
  }

  private mutating func writeTable(_ table: DataTable) {
    output.requestBreak(output.blockBreak)
    if !table.caption.isEmpty {
      output.writeLine(table.caption[...])
      output.requestBreak(output.blockBreak)
    }
    let columns = table.rows.map(\.count).max() ?? 0
    func line(_ cells: [[UInt8]]) -> ArraySlice<UInt8> {
      var out: [UInt8] = [UInt8(ascii: "|")]
      for column in 0..<columns {
        out.append(0x20)
        if column < cells.count { out += cells[column] }
        out += [0x20, UInt8(ascii: "|")]
      }
      return out[...]
    }
    if plain {
      // Plain text: cells joined by " | ", no outer pipes, no header rule.
      for row in table.rows {
        var out: [UInt8] = []
        for (index, cell) in row.enumerated() {
          if index > 0 { out += Array(" | ".utf8) }
          out += cell
        }
        output.writeLine(out[...])
      }
    } else {
      output.writeLine(line(table.rows[0]))
      output.writeLine(line([[UInt8]](repeating: Array("---".utf8), count: columns)))
      for row in table.rows.dropFirst() { output.writeLine(line(row)) }
    }
    output.requestBreak(output.blockBreak)
  }

  // MARK: Code blocks

  private mutating func writeCodeBlock(_ pre: MarkupTree.Node) {
    var bytes: [UInt8] = []
    var language = codeLanguage(pre)
    let tree = page.tree
    tree.walk(inside: pre, skipping: { page.excluded[$0] }) { index in
      if tree.kinds[index] == .text {
        bytes += tree.textBytes(of: index)
      } else if tree.kinds[index] == .element {
        if page.role(index) == .lineBreak { bytes.append(0x0A) }
        if language.isEmpty { language = codeLanguage(index) }
      }
      return .descend
    }
    bytes = Self.replacingNoBreakSpaces(bytes)
    var lines: [ArraySlice<UInt8>] = []
    for var line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      while let last = line.last, last == 0x20 || last == 0x0D || last == 0x09 { line.removeLast() }
      lines.append(line)
    }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    while lines.last?.isEmpty == true { lines.removeLast() }
    guard !lines.isEmpty else { return }
    let fence = bytes.contains(UInt8(ascii: "`")) && String(decoding: bytes, as: UTF8.self).contains("```") ? "````" : "```"
    writeFenced(lines, fence: fence, language: language)
  }

  /// Writes `lines` as a fenced code block (plain text: the lines alone).
  private mutating func writeFenced(_ lines: [ArraySlice<UInt8>], fence: String = "```", language: String = "") {
    output.requestBreak(output.blockBreak)
    if !plain { output.writeLine(Array((fence + language).utf8)[...]) }
    output.writeBlock(lines)
    if !plain { output.writeLine(Array(fence.utf8)[...]) }
    output.requestBreak(output.blockBreak)
  }

  /// `bytes` with each no-break space (U+00A0) made a plain space.
  private static func replacingNoBreakSpaces(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(0xA0) else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
        out.append(0x20)
        index += 2
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    return out
  }

  /// The language named by a `language-x` or `lang-x` class, or empty.
  private func codeLanguage(_ node: MarkupTree.Node) -> String {
    guard let classes = tree.attribute("class", of: node) else { return "" }
    for token in classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
      for prefix in ["language-", "lang-"] where token.hasPrefix(prefix) && token.count > prefix.count {
        let name = token.dropFirst(prefix.count)
        if name.allSatisfy({ $0.isLetter || $0.isNumber || "+#-_.".contains($0) }) { return String(name) }
      }
    }
    return ""
  }
}

extension String {
  /// The text with `[` and `]` escaped, for a Markdown link label.
  fileprivate func replacingBrackets() -> String {
    guard contains("[") || contains("]") else { return self }
    return replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
  }

  /// The URL with spaces and parentheses percent-encoded, for a Markdown link target.
  fileprivate func replacingSpaces() -> String {
    replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
  }
}
