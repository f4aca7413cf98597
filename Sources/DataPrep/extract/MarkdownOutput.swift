/// Builds Markdown-like text line by line: blocks separated by blank lines, nested list items
/// and blockquotes prefixed, and the text split into sections at its headings.
///
/// Containers (list items, definitions, blockquotes) nest up to ``maximumNesting`` levels;
/// deeper ones render at that level, so hostile nesting cannot make prefixes grow without bound.
struct MarkdownOutput {
  /// How much space the next block needs before it.
  enum Break: Int, Comparable {
    case none, line, paragraph
    static func < (a: Break, b: Break) -> Bool { a.rawValue < b.rawValue }
  }

  /// A list item, definition or blockquote: what it puts before each of its lines.
  struct Container {
    /// The prefix of the container's first line (`- `, `1. `, `: `, `> `).
    var marker: [UInt8]
    /// The prefix of its later lines (spaces as wide as the marker, or `> `).
    var continuation: [UInt8]
    /// Whether the first line was written.
    var started = false
    /// Whether blocks inside are separated by single newlines (lists) rather than blank lines.
    var tight: Bool
  }

  /// A heading and where its section's text starts in ``bytes``.
  struct SectionStart {
    var heading: String
    var level: Int
    var textStart: Int
    var headingStart: Int
  }

  static let maximumNesting = 12

  private(set) var bytes: [UInt8] = []
  private var containers: [Container] = []
  /// Containers pushed beyond the nesting limit (not rendered).
  private var hiddenDepth = 0
  private var pendingBreak = Break.none
  /// Where the last line written starts in ``bytes``.
  private var lastLineStart = 0
  private(set) var sections: [SectionStart] = []

  /// Whether blocks in the innermost container are tight (list items, definitions).
  var isTight: Bool { containers.last?.tight ?? false }

  /// The break that ends a block here: a newline inside lists, a blank line elsewhere.
  var blockBreak: Break { isTight ? .line : .paragraph }

  /// Asks for at least `kind` of space before the next line written.
  mutating func requestBreak(_ kind: Break) { pendingBreak = max(pendingBreak, kind) }

  mutating func pushContainer(marker: String, continuation: String? = nil, tight: Bool) {
    guard containers.count < Self.maximumNesting else {
      hiddenDepth += 1
      return
    }
    let markerBytes = Array(marker.utf8)
    let continuationBytes = continuation.map { Array($0.utf8) } ?? [UInt8](repeating: 0x20, count: markerBytes.count)
    containers.append(Container(marker: markerBytes, continuation: continuationBytes, tight: tight))
  }

  mutating func popContainer() {
    if hiddenDepth > 0 {
      hiddenDepth -= 1
    } else if !containers.isEmpty {
      containers.removeLast()
    }
  }

  /// Writes one block made of `lines` (already without trailing spaces), each with the prefixes.
  mutating func writeBlock<Lines: Sequence>(_ lines: Lines) where Lines.Element == ArraySlice<UInt8> {
    for line in lines { writeLine(line) }
  }

  /// Writes one line of a block, separated from what precedes as requested.
  mutating func writeLine(_ line: ArraySlice<UInt8>) {
    if !bytes.isEmpty {
      bytes.append(0x0A)
      if pendingBreak == .paragraph {
        appendPrefix(blankLine: true)
        bytes.append(0x0A)
      }
    }
    pendingBreak = .none
    lastLineStart = bytes.count
    if line.isEmpty {
      appendPrefix(blankLine: true)
    } else {
      appendPrefix(blankLine: false)
      bytes += line
    }
  }

  /// Writes a heading line (with `#` marks unless `marked` is false) and starts a new section.
  mutating func writeHeading(_ text: [UInt8], level: Int, marked: Bool = true) {
    requestBreak(.paragraph)
    var line = marked ? [UInt8](repeating: UInt8(ascii: "#"), count: level) + [0x20] : []
    line += text
    writeLine(line[...])
    sections.append(
      SectionStart(
        heading: String(decoding: text, as: UTF8.self), level: level, textStart: bytes.count,
        headingStart: lastLineStart))
    requestBreak(.paragraph)
  }

  private mutating func appendPrefix(blankLine: Bool) {
    let start = bytes.count
    for index in containers.indices {
      if containers[index].started || blankLine {
        bytes += containers[index].continuation
      } else {
        bytes += containers[index].marker
        containers[index].started = true
      }
    }
    if blankLine {
      while bytes.count > start, bytes[bytes.count - 1] == 0x20 { bytes.removeLast() }
    }
  }

  /// The whole text as a string.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The text split at its headings: text before the first heading (if any) as level 0.
  func documentSections() -> [Document.Section] {
    var result: [Document.Section] = []
    let leadEnd = sections.first?.headingStart ?? bytes.count
    let lead = Self.trimmed(bytes[0..<min(leadEnd, bytes.count)])
    if !lead.isEmpty { result.append(Document.Section(heading: "", level: 0, text: lead)) }
    for (index, section) in sections.enumerated() {
      let end = index + 1 < sections.count ? sections[index + 1].headingStart : bytes.count
      let text = section.textStart < end ? Self.trimmed(bytes[section.textStart..<end]) : ""
      result.append(Document.Section(heading: section.heading, level: section.level, text: text))
    }
    return result
  }

  /// `bytes` as a string without leading and trailing whitespace and newlines.
  static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
    var slice = bytes
    while let first = slice.first, first == 0x20 || first == 0x0A || first == 0x09 { slice.removeFirst() }
    while let last = slice.last, last == 0x20 || last == 0x0A || last == 0x09 { slice.removeLast() }
    return String(decoding: slice, as: UTF8.self)
  }
}
