/// A text read once for every quality rule: its Unicode scalars (lengths and offsets are
/// scalar counts, as Python's `len` in the reference filters), its words (``FilterWords``) and
/// the character classes the rules ask about.
struct FilterText {
  /// The scalars of the text.
  let scalars: [UInt32]
  /// Its words.
  let words: FilterWords

  init(_ text: String) {
    var scalars: [UInt32] = []
    scalars.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars { scalars.append(scalar.value) }
    self.scalars = scalars
    self.words = FilterWords(scalars)
  }

  var count: Int { scalars.count }

  /// The scalar length of word `i`.
  func wordLength(_ i: Int) -> Int { words.ranges[i].end - words.ranges[i].start }

  /// Whether word `i` equals the ASCII string `ascii` (already lowercase when compared so).
  func word(_ i: Int, equals ascii: [UInt32]) -> Bool {
    let r = words.ranges[i]
    if r.end - r.start != ascii.count { return false }
    var k = 0
    while k < ascii.count {
      if scalars[r.start + k] != ascii[k] { return false }
      k += 1
    }
    return true
  }

  /// Lines as Python's `str.splitlines()` cuts them (`\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`-`\x1e`,
  /// `\x85`, U+2028, U+2029), as `(start, end)` without the break.
  func pythonLines() -> [(start: Int, end: Int)] {
    var lines: [(Int, Int)] = []
    var start = 0
    var i = 0
    let n = scalars.count
    while i < n {
      let c = scalars[i]
      if Self.isLineBreak(c) {
        lines.append((start, i))
        if c == 0x0D && i + 1 < n && scalars[i + 1] == 0x0A { i += 1 }
        start = i + 1
      }
      i += 1
    }
    if start < n { lines.append((start, n)) }
    return lines
  }

  /// The pieces between runs of `\n` (`re.split("\n+")` when `minimumRun` is 1, `"\n{2,}"` when
  /// 2) of `scalars[from..<to]`, as `(start, end)`, empty pieces kept.
  func pieces(splitAtNewlineRunsOf minimumRun: Int, from: Int, to: Int) -> [(start: Int, end: Int)] {
    var out: [(Int, Int)] = []
    var start = from
    var i = from
    while i < to {
      if scalars[i] == 0x0A {
        var k = i
        while k < to && scalars[k] == 0x0A { k += 1 }
        if k - i >= minimumRun {
          out.append((start, i))
          start = k
        }
        i = k
      } else {
        i += 1
      }
    }
    out.append((start, to))
    return out
  }

  /// `(start, end)` of `scalars[start..<end]` with Python-`strip()` whitespace removed.
  func stripped(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
    var a = start
    var b = end
    while a < b && Self.isSpace(scalars[a]) { a += 1 }
    while b > a && Self.isSpace(scalars[b - 1]) { b -= 1 }
    return (a, b)
  }

  /// Whether `scalars[start..<end]` ends with the ASCII `suffix`.
  func hasSuffix(_ suffix: [UInt32], _ start: Int, _ end: Int) -> Bool {
    if end - start < suffix.count { return false }
    var k = 0
    while k < suffix.count {
      if scalars[end - suffix.count + k] != suffix[k] { return false }
      k += 1
    }
    return true
  }

  /// Occurrences of the ASCII `needle` in the text, not overlapping (Python's `str.count`).
  func occurrences(of needle: [UInt32]) -> Int {
    let n = scalars.count
    let m = needle.count
    if m == 0 || n < m { return 0 }
    var found = 0
    var i = 0
    outer: while i <= n - m {
      var k = 0
      while k < m {
        if scalars[i + k] != needle[k] {
          i += 1
          continue outer
        }
        k += 1
      }
      found += 1
      i += m
    }
    return found
  }

  static func isLineBreak(_ c: UInt32) -> Bool {
    switch c {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// Python's `str.isspace()` for one character.
  static func isSpace(_ c: UInt32) -> Bool {
    switch c {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }

  /// Python's `str.isalpha()` for one character: a letter (general category L*).
  static func isAlpha(_ c: UInt32) -> Bool {
    if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    guard let scalar = Unicode.Scalar(c) else { return false }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
  }

  static func ascii(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
}
