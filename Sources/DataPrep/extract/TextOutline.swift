/// Splits Markdown text at its headings: ATX (`# Title`) and setext (`Title` over `===`/`---`).
///
/// Headings inside fenced code blocks are ignored. Setext headings are rewritten as ATX
/// headings in the returned text, so every document's text uses `#` headings.
struct TextOutline: Sendable, Equatable {
  /// The text with setext headings rewritten as `#` headings.
  var text: String
  /// The text split at its headings; text before the first heading is a level-0 section.
  var sections: [Document.Section]
  /// The first level-1 heading, if any.
  var firstH1: String?

  /// The outline of Markdown `source` (line endings already `\n`).
  init(markdown source: String) {
    let lines = TextOutline.lines(source)
    var outLines: [String] = []
    var sections: [Document.Section] = []
    var current = (heading: "", level: 0)
    var body: [String] = []
    var fence: (marker: Character, length: Int)?
    var firstH1: String?

    func flush() {
      let text = TextOutline.trimBlankLines(body).joined(separator: "\n")
      if current.level > 0 || !text.isEmpty {
        sections.append(Document.Section(heading: current.heading, level: current.level, text: text))
      }
      body = []
    }

    var index = 0
    while index < lines.count {
      let line = lines[index]
      if let open = fence {
        if TextOutline.closesFence(line, opened: open) { fence = nil }
        body.append(line)
        outLines.append(line)
        index += 1
        continue
      }
      if let open = TextOutline.fenceMarker(line) {
        fence = (open.marker, open.length)
        body.append(line)
        outLines.append(line)
        index += 1
        continue
      }
      var heading: (text: String, level: Int)?
      var consumed = 1
      if let atx = TextOutline.atxHeading(line) {
        heading = atx
      } else if index + 1 < lines.count, let level = TextOutline.setextLevel(lines[index + 1]),
        TextOutline.canBeSetextText(line), index == 0 || TextOutline.isBlank(lines[index - 1])
      {
        heading = (TextOutline.trim(line), level)
        consumed = 2
      }
      if let heading {
        flush()
        current = (heading.text, heading.level)
        if heading.level == 1, firstH1 == nil, !heading.text.isEmpty { firstH1 = heading.text }
        outLines.append(String(repeating: "#", count: heading.level) + (heading.text.isEmpty ? "" : " " + heading.text))
        index += consumed
        continue
      }
      body.append(line)
      outLines.append(line)
      index += 1
    }
    flush()
    self.text = TextOutline.trimBlankLines(outLines).joined(separator: "\n")
    self.sections = sections
    self.firstH1 = firstH1
  }

  /// An ATX heading: up to 3 spaces, 1–6 `#`, then a space or the end; closing `#`s dropped.
  static func atxHeading(_ line: String) -> (text: String, level: Int)? {
    var rest = Substring(line)
    let indent = rest.prefix { $0 == " " }.count
    guard indent <= 3 else { return nil }
    rest = rest.dropFirst(indent)
    let level = rest.prefix { $0 == "#" }.count
    guard (1...6).contains(level) else { return nil }
    rest = rest.dropFirst(level)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    var text = rest.trimmingWhitespace()
    // A closing sequence of #s preceded by a space is not part of the heading.
    let trailing = text.reversed().prefix { $0 == "#" }.count
    if trailing > 0 {
      let kept = text.dropLast(trailing)
      if kept.isEmpty || kept.last == " " || kept.last == "\t" { text = TextOutline.trim(String(kept)) }
    }
    return (text, level)
  }

  /// The level of a setext underline (`===` is 1, `---` is 2), or `nil`.
  static func setextLevel(_ line: String) -> Int? {
    // Quick rejection on the first non-space byte: most lines are not underlines.
    guard let first = line.utf8.first(where: { $0 != 0x20 }), first == UInt8(ascii: "=") || first == UInt8(ascii: "-")
    else { return nil }
    let trimmed = TextOutline.trim(line)
    let indent = line.prefix { $0 == " " }.count
    guard indent <= 3, let first = trimmed.first, first == "=" || first == "-" else { return nil }
    guard trimmed.allSatisfy({ $0 == first }) else { return nil }
    return first == "=" ? 1 : 2
  }

  /// Whether `line` can be the text of a setext heading (a plain paragraph line).
  static func canBeSetextText(_ line: String) -> Bool {
    let trimmed = TextOutline.trim(line)
    guard !trimmed.isEmpty, line.prefix(while: { $0 == " " }).count <= 3 else { return false }
    if let first = trimmed.first, ">-*+|".contains(first) { return false }
    let digits = trimmed.prefix(while: \.isNumber)
    if !digits.isEmpty, trimmed.dropFirst(digits.count).hasPrefix(". ") { return false }
    return setextLevel(line) == nil && fenceMarker(line) == nil
  }

  /// A code fence opener or closer: up to 3 spaces, then 3+ backticks or tildes.
  static func fenceMarker(_ line: String) -> (marker: Character, length: Int, rest: Substring)? {
    let indent = line.prefix { $0 == " " }.count
    guard indent <= 3 else { return nil }
    let rest = line.dropFirst(indent)
    guard let first = rest.first, first == "`" || first == "~" else { return nil }
    let length = rest.prefix { $0 == first }.count
    guard length >= 3 else { return nil }
    return (first, length, rest.dropFirst(length))
  }

  /// Whether `line` closes a fenced block `opened` by a run of its marker: the same marker, at
  /// least as many, nothing after them but spaces.
  static func closesFence(_ line: String, opened: (marker: Character, length: Int)) -> Bool {
    guard let close = fenceMarker(line) else { return false }
    return close.marker == opened.marker && close.length >= opened.length && close.rest.allSatisfy(\.isWhitespace)
  }

  /// `lines` without leading and trailing blank lines, and without trailing spaces on each line.
  static func trimBlankLines(_ lines: [String]) -> [String] {
    var lines = lines.map { Substring($0).trimmingTrailingWhitespace() }
    while let first = lines.first, first.isEmpty { lines.removeFirst() }
    while let last = lines.last, last.isEmpty { lines.removeLast() }
    return lines
  }
}

extension TextOutline {
  /// `text` without leading and trailing ASCII whitespace (spaces, tabs, line breaks, form feeds).
  static func trim(_ text: Substring) -> String { text.trimmingWhitespace() }

  /// `text` without leading and trailing ASCII whitespace.
  static func trim(_ text: String) -> String { Substring(text).trimmingWhitespace() }

  /// The lines of `text` (split at `\n` on its UTF-8 bytes, which is much cheaper than
  /// splitting at `Character`s).
  static func lines(_ text: String) -> [String] {
    text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
  }

  /// Whether `line` holds only ASCII whitespace.
  static func isBlank(_ line: some StringProtocol) -> Bool {
    line.utf8.allSatisfy(isASCIIWhitespace)
  }

  static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
  }
}

extension Substring {
  /// The string without leading and trailing spaces, tabs and newlines.
  fileprivate func trimmingWhitespace() -> String {
    let bytes = utf8
    guard let start = bytes.firstIndex(where: { !TextOutline.isASCIIWhitespace($0) }),
      let end = bytes.lastIndex(where: { !TextOutline.isASCIIWhitespace($0) })
    else { return "" }
    return String(Substring(bytes[start...end]))
  }

  /// The string without trailing spaces and tabs.
  fileprivate func trimmingTrailingWhitespace() -> String {
    let bytes = utf8
    guard let end = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
    return String(Substring(bytes[...end]))
  }
}
