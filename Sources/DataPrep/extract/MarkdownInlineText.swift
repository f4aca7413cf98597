/// Collects the text of a paragraph or other inline run as UTF-8, collapsing whitespace as HTML
/// displays it: runs of spaces, tabs, newlines and no-break spaces become one space, with none
/// at the start of a line. Line breaks (`<br>`) are kept as `\n`. Soft hyphens (U+00AD) and
/// zero-width spaces (U+200B), invisible hints for line breaking, are left out so that words
/// read as they display.
///
/// Inline code is one backtick span even when the page writes it as several `<code>` elements
/// in a row (a Sphinx signature's `CursorWrapper.` and `callproc`, DocBook's `=` and `value`):
/// a span written right after another, nothing between them, joins it.
struct MarkdownInlineText {
  private(set) var bytes: [UInt8] = []
  private var pendingSpace = false
  /// Whether whitespace came before the first character (it is not written).
  private(set) var startsWithSpace = false
  /// The last code span: where its opening backticks start, what it holds and whether its
  /// element ended with whitespace, while nothing was written after it (`end` is then `bytes.count`).
  private var lastCode: (start: Int, end: Int, content: [UInt8], spaceAfter: Bool)?

  /// Whether whitespace came after the last character (it is written only before another).
  var endsWithSpace: Bool { pendingSpace }

  /// Whether nothing but whitespace was added since the last reset.
  var isEmpty: Bool { bytes.isEmpty }

  /// Appends text, collapsing its whitespace.
  mutating func append(_ text: ArraySlice<UInt8>) {
    var index = text.startIndex
    let end = text.endIndex
    while index < end {
      let byte = text[index]
      if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
        pendingSpace = true
        if bytes.isEmpty { startsWithSpace = true }
        index += 1
      } else if byte == 0xC2, index + 1 < end, text[index + 1] == 0xA0 {
        pendingSpace = true
        if bytes.isEmpty { startsWithSpace = true }
        index += 2
      } else if byte == 0xC2, index + 1 < end, text[index + 1] == 0xAD {
        index += 2
      } else if byte == 0xE2, index + 2 < end, text[index + 1] == 0x80, text[index + 2] == 0x8B {
        index += 3
      } else {
        if pendingSpace {
          if let last = bytes.last, last != 0x0A { bytes.append(0x20) }
          pendingSpace = false
        }
        bytes.append(byte)
        index += 1
      }
    }
  }

  /// Appends markup such as a backtick, with the pending space (if any) before it.
  mutating func appendMarkup(_ markup: String) { append(Array(markup.utf8)[...]) }

  /// Appends `code` (on one line) as an inline code span: in single backticks, double when it
  /// holds one, its whitespace collapsed as text's. Right after another span (no text or space
  /// between) the two become one span, so `<code>a.</code><code>b</code>` reads `` `a.b` ``, not
  /// `` `a.``b` ``; a space that ended the one element or began the other (`--locale` then
  /// ` LOCALE`, left out of each span) separates their code inside the joined span.
  mutating func appendCode(_ code: [UInt8], spaceBefore: Bool = false, spaceAfter: Bool = false) {
    guard !code.isEmpty else { return }
    let joins = !pendingSpace && lastCode?.end == bytes.count
    let before = bytes.count
    let fence = code.contains(Self.backtick) ? "``" : "`"
    appendMarkup(fence + String(decoding: code, as: UTF8.self) + fence)
    // The span starts after the space written before it, if any.
    let start = bytes[before] == Self.backtick ? before : before + 1
    var content = Array(bytes[(start + fence.utf8.count)..<(bytes.count - fence.utf8.count)])
    if joins, let last = lastCode {
      content = last.content + (last.spaceAfter || spaceBefore ? [0x20] : []) + content
      bytes.removeSubrange(last.start...)
      let joined: [UInt8] = content.contains(Self.backtick) ? [Self.backtick, Self.backtick] : [Self.backtick]
      bytes += joined + content + joined
      lastCode = (last.start, bytes.count, content, spaceAfter)
    } else {
      lastCode = (start, bytes.count, content, spaceAfter)
    }
  }

  private static let backtick = UInt8(ascii: "`")

  /// Appends a space (a block boundary inside an inline-only run such as a table cell).
  mutating func appendSpace() { pendingSpace = true }

  /// Appends a line break; at most one empty line in a row.
  mutating func appendLineBreak() {
    pendingSpace = false
    guard !bytes.isEmpty else { return }
    if bytes.count >= 2, bytes[bytes.count - 1] == 0x0A, bytes[bytes.count - 2] == 0x0A { return }
    bytes.append(0x0A)
  }

  /// The lines collected, trailing spaces removed, leading and trailing empty lines dropped.
  func lines() -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    for var line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      while line.last == 0x20 { line.removeLast() }
      lines.append(line)
    }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  /// The text on one line: line breaks become spaces, ends trimmed.
  func singleLine() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var space = false
    for byte in bytes {
      if byte == 0x0A || byte == 0x20 {
        space = !out.isEmpty
      } else {
        if space { out.append(0x20) }
        space = false
        out.append(byte)
      }
    }
    return out
  }

  /// Empties the buffer.
  mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    pendingSpace = false
    startsWithSpace = false
    lastCode = nil
  }
}
