/// Collects the text of a paragraph or other inline run as UTF-8, collapsing whitespace as HTML
/// displays it: runs of spaces, tabs, newlines and no-break spaces become one space, with none
/// at the start of a line. Line breaks (`<br>`) are kept as `\n`. Soft hyphens (U+00AD) and
/// zero-width spaces (U+200B), invisible hints for line breaking, are left out so that words
/// read as they display.
struct MarkdownInlineText {
  private(set) var bytes: [UInt8] = []
  private var pendingSpace = false

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
        index += 1
      } else if byte == 0xC2, index + 1 < end, text[index + 1] == 0xA0 {
        pendingSpace = true
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
  }
}
