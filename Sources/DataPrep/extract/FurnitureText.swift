/// Removes furniture lines from one Markdown-like text, keeping its structure valid.
///
/// - Lines inside fenced code blocks (and the fences) are never removed: code repeats
///   legitimately (`from django.db import models`).
/// - Heading lines are never removed for themselves; a heading goes only when everything under
///   it (up to the next heading) was furniture, as its section does.
/// - A pipe table goes as a whole when every row but the separator is furniture; otherwise only
///   furniture body rows go, so the header and separator rows stay and the table stays a table.
/// - Blank lines left side by side by a removal collapse into one.
struct FurnitureText {
  /// Whether a line (outside code, not a heading) is furniture.
  let isFurniture: (Substring) -> Bool

  /// What filtering a text did.
  struct Result {
    /// The text without its furniture.
    var text: String
    /// Non-blank lines removed (furniture lines and the headings left without content).
    var removed: Int
    /// The furniture lines removed, as they were (no headings), for reports.
    var removedLines: [Substring]
  }

  private enum Kind { case code, heading, tableRow, blank, other }

  /// `text` without its furniture, or `nil` when nothing in it is furniture.
  func filter(_ text: String) -> Result? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let kinds = Self.classify(lines)
    var keep = [Bool](repeating: true, count: lines.count)
    var removedLines: [Substring] = []
    var index = 0
    while index < lines.count {
      switch kinds[index] {
      case .other:
        if isFurniture(lines[index]) {
          keep[index] = false
          removedLines.append(lines[index])
        }
        index += 1
      case .tableRow:
        var end = index
        while end < lines.count && kinds[end] == .tableRow { end += 1 }
        filterTable(lines, index..<end, keep: &keep, removedLines: &removedLines)
        index = end
      default:
        index += 1
      }
    }
    guard !removedLines.isEmpty else { return nil }
    var removed = removedLines.count
    // A heading whose content was all furniture goes with it.
    for heading in lines.indices where kinds[heading] == .heading {
      var hadContent = false
      var keepsContent = false
      var next = heading + 1
      while next < lines.count && kinds[next] != .heading {
        if kinds[next] != .blank {
          hadContent = true
          if keep[next] { keepsContent = true }
        }
        next += 1
      }
      if hadContent && !keepsContent {
        keep[heading] = false
        removed += 1
      }
    }
    var out: [Substring] = []
    out.reserveCapacity(lines.count)
    for (line, kind) in zip(lines.indices, kinds) where keep[line] {
      if kind == .blank && (out.isEmpty || Self.isBlank(out[out.count - 1])) { continue }
      out.append(lines[line])
    }
    while let last = out.last, Self.isBlank(last) { out.removeLast() }
    return Result(text: out.joined(separator: "\n"), removed: removed, removedLines: removedLines)
  }

  /// The lines of `text` that may be furniture: outside code, not headings, not blank, not
  /// table separator rows. What ``SiteFurnitureFilter`` counts across documents.
  static func candidateLines(_ text: String) -> [Substring] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let kinds = classify(lines)
    return zip(lines, kinds).compactMap { line, kind in
      switch kind {
      case .other: return line
      case .tableRow: return isSeparatorRow(line) ? nil : line
      default: return nil
      }
    }
  }

  /// Removes the furniture rows of the table made of `rows` (whole when every row is).
  private func filterTable(_ lines: [Substring], _ rows: Range<Int>, keep: inout [Bool], removedLines: inout [Substring]) {
    let separator = rows.first { Self.isSeparatorRow(lines[$0]) }
    let contentRows = rows.filter { $0 != separator }
    let furniture = Set(contentRows.filter { isFurniture(lines[$0]) })
    guard !furniture.isEmpty else { return }
    if furniture.count == contentRows.count {
      for row in rows { keep[row] = false }
      removedLines += contentRows.map { lines[$0] }
      return
    }
    // Keep the header and separator: only body rows go (every row when there is no separator).
    for row in contentRows.sorted() where furniture.contains(row) && (separator.map { row > $0 } ?? true) {
      keep[row] = false
      removedLines.append(lines[row])
    }
  }

  /// The kind of every line: inside or delimiting a code fence, heading, table row, blank, other.
  private static func classify(_ lines: [Substring]) -> [Kind] {
    var kinds: [Kind] = []
    kinds.reserveCapacity(lines.count)
    var fence: (marker: Character, length: Int)?
    for line in lines {
      let content = contentAfterContainers(line)
      if let open = fence {
        kinds.append(.code)
        let run = content.prefix { $0 == open.marker }
        if run.count >= open.length && content.dropFirst(run.count).allSatisfy({ $0 == " " || $0 == "\t" }) {
          fence = nil
        }
        continue
      }
      if let marker = content.first, marker == "`" || marker == "~" {
        let run = content.prefix { $0 == marker }.count
        if run >= 3 {
          fence = (marker, run)
          kinds.append(.code)
          continue
        }
      }
      if isBlank(line) {
        kinds.append(.blank)
      } else if isHeading(line) {
        kinds.append(.heading)
      } else if content.first == "|" {
        kinds.append(.tableRow)
      } else {
        kinds.append(.other)
      }
    }
    return kinds
  }

  /// `line` without leading spaces and the prefixes of blockquotes, list items and definitions.
  private static func contentAfterContainers(_ line: Substring) -> Substring {
    var rest = line
    while true {
      rest = rest.drop { $0 == " " || $0 == "\t" }
      if rest.hasPrefix(">") {
        rest = rest.dropFirst()
      } else if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("+ ") || rest.hasPrefix(": ") {
        rest = rest.dropFirst(2)
      } else if let first = rest.first, first.isASCII, first.isNumber {
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let after = rest.dropFirst(digits.count)
        guard after.hasPrefix(". ") else { return rest }
        rest = after.dropFirst(2)
      } else {
        return rest
      }
    }
  }

  /// An ATX heading line: 1-6 `#` at the start of the line, then a space or the end.
  private static func isHeading(_ line: Substring) -> Bool {
    let marks = line.prefix { $0 == "#" }.count
    guard (1...6).contains(marks) else { return false }
    let after = line.dropFirst(marks)
    return after.isEmpty || after.first == " "
  }

  /// A pipe table's separator row: only pipes, dashes, colons and spaces, with a dash.
  private static func isSeparatorRow(_ line: Substring) -> Bool {
    line.contains("-") && line.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }
  }

  private static func isBlank(_ line: Substring) -> Bool {
    line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
  }
}
