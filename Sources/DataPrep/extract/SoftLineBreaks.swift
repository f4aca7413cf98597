/// Joins the lines of each Markdown paragraph and list item into one line, and drops HTML
/// comments: what a reader of the rendered page sees.
///
/// Markdown and reStructuredText sources are wrapped at 72–80 columns, and a line break inside a
/// paragraph is a space once rendered. Kept as they are, the breaks end up in the answers of a
/// dataset (a model then learns to break lines mid-sentence), and differ from the same page
/// extracted from its HTML. Lines are joined with a space (no space between two CJK
/// characters, which are written without one); a break stays where Markdown keeps it: in fenced
/// or indented code, before and after headings, list markers, quotes, table rows, HTML blocks
/// and thematic breaks, above a setext underline, and after a hard break (two trailing spaces
/// or a backslash). HTML comments (`<!-- … -->`, Node.js's `<!-- YAML changes: … -->`) are
/// invisible on the page and go; in code they stay.
enum SoftLineBreaks {
  /// `markdown` (line endings already `\n`) with paragraph lines joined and comments dropped.
  /// `indentedCode`: an indented block after a blank line is code (Markdown); off for text
  /// converted from reStructuredText, whose literal blocks are already fenced and whose
  /// indentation marks definitions and quotes.
  static func joined(_ markdown: String, indentedCode indentedCodeBlocks: Bool = true) -> String {
    let lines = TextOutline.lines(markdown)
    var out: [String] = []
    var fence: (marker: Character, length: Int)?
    var inComment = false
    var indentedCode = false
    // Whether the last line written is paragraph text that the next line may continue.
    var open = false
    for (index, raw) in lines.enumerated() {
      if let current = fence {
        out.append(raw)
        if TextOutline.closesFence(raw, opened: current) { fence = nil }
        continue
      }
      var line = raw
      if inComment || line.contains("<!--") {
        let (kept, stillOpen) = droppingComments(line, inComment: inComment)
        inComment = stillOpen
        // A line that was only a comment is gone, and does not end the paragraph.
        if TextOutline.isBlank(kept), !TextOutline.isBlank(line) { continue }
        line = kept
      }
      if TextOutline.isBlank(line) {
        // One blank line parts blocks; a comment's lines gone leave no run of them.
        if out.last.map(TextOutline.isBlank) != true || out.isEmpty { out.append("") }
        open = false
        indentedCode = false
        continue
      }
      if let opener = TextOutline.fenceMarker(line) {
        out.append(line)
        fence = (opener.marker, opener.length)
        open = false
        continue
      }
      let indent = line.prefix { $0 == " " || $0 == "\t" }
      let isIndented = indent.count >= 4 || indent.contains("\t")
      if indentedCodeBlocks, isIndented && (indentedCode || !open) {
        // An indented block after a blank line is code: its lines stay.
        indentedCode = true
        out.append(line)
        continue
      }
      indentedCode = false
      let underlined = index + 1 < lines.count && TextOutline.setextLevel(lines[index + 1]) != nil
      if open, !underlined, !out.isEmpty, !startsBlock(line) || continuesQuote(out[out.count - 1], line) {
        // In place: a paragraph of many lines is joined in time linear in its length.
        Self.join(line, onto: &out[out.count - 1])
      } else {
        out.append(line)
      }
      open = continues(line) && !underlined
    }
    return out.joined(separator: "\n")
  }

  /// `line` without its HTML comments, and whether a comment is still open at its end. One
  /// pass over its bytes (a line of many comments stays linear).
  static func droppingComments(_ line: String, inComment: Bool) -> (String, Bool) {
    let bytes = Array(line.utf8)
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count)
    var inside = inComment
    var index = 0
    func matches(_ marker: [UInt8], at start: Int) -> Bool {
      start + marker.count <= bytes.count && bytes[start..<(start + marker.count)].elementsEqual(marker)
    }
    while index < bytes.count {
      if inside {
        if matches(closeMarker, at: index) {
          inside = false
          index += closeMarker.count
        } else {
          index += 1
        }
      } else if matches(openMarker, at: index) {
        inside = true
        index += openMarker.count
      } else {
        kept.append(bytes[index])
        index += 1
      }
    }
    return (String(decoding: kept, as: UTF8.self), inside)
  }

  private static let openMarker = Array("<!--".utf8)
  private static let closeMarker = Array("-->".utf8)

  /// Whether `line` starts a block of its own rather than continuing a paragraph: a heading,
  /// list item, quote, table row, HTML tag, thematic break or setext underline, a definition.
  static func startsBlock(_ line: String) -> Bool {
    let trimmed = line.drop { $0 == " " }
    guard let first = trimmed.first else { return true }
    if TextOutline.atxHeading(line) != nil || TextOutline.setextLevel(line) != nil || isTableLine(trimmed) { return true }
    if "|<>".contains(first) || trimmed.hasPrefix(": ") { return true }
    if (first == "-" || first == "*" || first == "+"), trimmed.dropFirst().first == " " || trimmed.count == 1 { return true }
    let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
    if (1...9).contains(digits.count), let mark = trimmed.dropFirst(digits.count).first, mark == "." || mark == ")",
      trimmed.dropFirst(digits.count + 1).first == " "
    {
      return true
    }
    return isThematicBreak(trimmed)
  }

  /// Whether `trimmed` is a thematic break: `***`, `___`, `* * *` (`---` is a setext underline).
  private static func isThematicBreak(_ trimmed: Substring) -> Bool {
    let marks = trimmed.filter { $0 != " " }
    return marks.count >= 3 && (marks.allSatisfy { $0 == "*" } || marks.allSatisfy { $0 == "_" })
  }

  /// Whether the line after `line` may continue it: `line` is paragraph or list-item text that
  /// does not end with a hard break, and is not a heading, table row or HTML block.
  static func continues(_ line: String) -> Bool {
    if line.hasSuffix("  ") || line.hasSuffix("\\") || line.hasSuffix("\t") { return false }
    let trimmed = line.drop { $0 == " " }
    guard let first = trimmed.first else { return false }
    if TextOutline.atxHeading(line) != nil || TextOutline.setextLevel(line) != nil || isTableLine(trimmed) { return false }
    if first == "|" || first == "<" { return false }
    // A quote's blank line (`>`) parts its paragraphs.
    if trimmed.allSatisfy({ $0 == ">" || $0 == " " }) { return false }
    return !isThematicBreak(trimmed)
  }

  /// Whether `line` is a row of a pipe table, with or without its outer pipes (`a | b`,
  /// `--|--`): rows are lines of their own.
  static func isTableLine(_ line: Substring) -> Bool {
    guard line.contains("|") else { return false }
    // A pipe inside a code span (`A | B`) is not a column.
    var trimmed = ""
    var inCode = false
    for character in line {
      if character == "`" { inCode.toggle() } else if !inCode { trimmed.append(character) }
    }
    guard trimmed.contains("|") else { return false }
    if trimmed.hasPrefix("|") || trimmed.hasSuffix("|") || trimmed.contains(" | ") { return true }
    return trimmed.allSatisfy { "-|: ".contains($0) }
  }

  /// Whether `line` continues the quote `previous` is a line of: both open with `>`, and what
  /// follows the mark is paragraph text.
  static func continuesQuote(_ previous: String, _ line: String) -> Bool {
    let before = previous.drop { $0 == " " }
    let after = line.drop { $0 == " " }
    guard before.hasPrefix(">"), after.hasPrefix(">") else { return false }
    let text = String(after.dropFirst().drop { $0 == " " })
    return !text.isEmpty && !startsBlock(text)
  }

  /// `line` added to the end of `previous`: one space between them (none between two CJK
  /// characters); a quote's continuation loses its own `>`.
  static func join(_ line: String, onto previous: inout String) {
    var next = Substring(line).drop { $0 == " " || $0 == "\t" }
    if previous.first(where: { $0 != " " }) == ">", next.hasPrefix(">") {
      next = next.dropFirst().drop { $0 == " " }
    }
    while previous.last == " " { previous.removeLast() }
    if let last = previous.last, let first = next.first, isCJK(last), isCJK(first) {
      previous += next
    } else {
      previous += " "
      previous += next
    }
  }

  /// Whether `character` is written without spaces around it (Han, kana, Hangul is not).
  private static func isCJK(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FFFF: return true
    default: return false
    }
  }
}
