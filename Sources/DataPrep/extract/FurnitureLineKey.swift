/// The key under which ``SiteFurnitureFilter`` counts a line across documents: the line with
/// its Markdown framing and spacing removed, lowercased, digits folded, hashed with XXH64.
///
/// Two lines share a key when they differ only in what a page template varies or what the
/// Markdown rendering adds: surrounding whitespace and runs of spaces, table pipes, heading
/// marks, list bullets, blockquote marks, emphasis stars and backticks at either end, letter
/// case, and the digits of dates, times and counts (each run of digits reads as `0`), so
/// `Last updated 2024-05-31 00:35:55 UTC` and `Last updated 2025-10-07 12:00:01 UTC` share a key.
/// Dotted numbers (`2.4.13`, `15.9`) are versions and section numbers: their digits stay, so
/// `Available in version 2.3.13 and later` and `... 2.4.2 and later` are different lines.
enum FurnitureLineKey {
  /// The key of `line`, or `nil` when the line holds fewer than `minimumWords` words (runs of
  /// letters or digits): short labels such as `Note` or `See also` are structure, not furniture.
  static func key(_ line: Substring, minimumWords: Int) -> UInt64? {
    let scalars = Array(line.unicodeScalars)
    var start = 0
    var end = scalars.count
    while start < end, isEdge(scalars[start]) { start += 1 }
    while end > start, isEdge(scalars[end - 1]) { end -= 1 }
    guard start < end else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(end - start)
    var words = 0
    var inWord = false
    var pendingSpace = false
    var index = start
    while index < end {
      let scalar = scalars[index]
      if isSpace(scalar) {
        pendingSpace = true
        inWord = false
        index += 1
        continue
      }
      if pendingSpace {
        bytes.append(0x20)
        pendingSpace = false
      }
      if isDigit(scalar) {
        var runEnd = index
        while runEnd < end, isDigit(scalars[runEnd]) { runEnd += 1 }
        if !inWord { words += 1 }
        inWord = true
        // Dotted numbers (versions 2.4.13, section numbers 15.9) are content: kept as they are.
        let dotted =
          (runEnd + 1 < end && scalars[runEnd] == "." && isDigit(scalars[runEnd + 1]))
          || (index >= start + 2 && scalars[index - 1] == "." && isDigit(scalars[index - 2]))
        if dotted {
          for digit in scalars[index..<runEnd] { bytes += Array(String(digit).utf8) }
        } else {
          bytes.append(0x30)
        }
        index = runEnd
        continue
      }
      if scalar.value < 0x80 {
        // ASCII decided by value: this runs on every line of every document, twice.
        let byte = UInt8(scalar.value)
        let lower = byte | 0x20
        let isWordCharacter = lower >= 0x61 && lower <= 0x7A
        if isWordCharacter && !inWord { words += 1 }
        inWord = isWordCharacter
        bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
      } else {
        let properties = scalar.properties
        let isWordCharacter = properties.isAlphabetic || properties.numericType != nil
        if isWordCharacter && !inWord { words += 1 }
        inWord = isWordCharacter
        bytes += Array(properties.lowercaseMapping.utf8)
      }
      index += 1
    }
    guard words >= minimumWords else { return nil }
    return XXH64.hash(bytes)
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80 ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType == .decimal
  }

  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
  }

  /// Characters stripped from both ends: spaces and the Markdown framing of a line (table pipes,
  /// heading marks, bullets, blockquote marks, emphasis, code ticks, definition colons, rules)
  /// and the separators navigation bars put between links.
  private static func isEdge(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case " ", "\t", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "|", "#", ">", "*", "-", "`", ":", "+", "_", "=", "~",
      "\u{2022}", "\u{00B7}", "\u{00BB}", "\u{00AB}", "\u{2013}", "\u{2014}":
      return true
    default:
      return false
    }
  }
}
