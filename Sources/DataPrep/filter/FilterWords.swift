/// The words of a text as the quality rules count them: datatrove's English word tokenizer
/// (spaCy's rules: whitespace, then prefixes, suffixes and infixes of punctuation split off as
/// tokens of their own) followed in spirit, with one difference on purpose: a character of a
/// script written without spaces (Han, kana, Thai, ...; the dedup splitter's
/// ``Shingler/isUnspaced(_:)``) is a word by itself, so CJK text is not scored as a few
/// enormous words. Words are ranges of the text's Unicode scalars (lengths are scalar counts,
/// as Python's `len`).
struct FilterWords {
  /// `(start, end)` scalar offsets of each word, in order.
  var ranges: [(start: Int, end: Int)] = []

  var count: Int { ranges.count }

  /// Splits `scalars` into words: linear in the text (each scalar is looked at a bounded
  /// number of times).
  init(_ scalars: [UInt32]) {
    ranges.reserveCapacity(scalars.count / 5 + 1)
    let n = scalars.count
    var i = 0
    while i < n {
      while i < n && FilterText.isSpace(scalars[i]) { i += 1 }
      let start = i
      while i < n && !FilterText.isSpace(scalars[i]) { i += 1 }
      if i > start { splitChunk(scalars, start, i) }
    }
  }

  private mutating func emit(_ start: Int, _ end: Int) {
    if end > start { ranges.append((start, end)) }
  }

  /// One whitespace-separated chunk: URLs whole, else prefixes, the middle (infixes) and
  /// suffixes in text order.
  private mutating func splitChunk(_ s: [UInt32], _ chunkStart: Int, _ chunkEnd: Int) {
    if Self.isURL(s, chunkStart, chunkEnd) {
      emit(chunkStart, chunkEnd)
      return
    }
    var start = chunkStart
    var end = chunkEnd
    // Prefixes.
    while start < end {
      if end - start >= 3 && s[start] == 0x2E && s[start + 1] == 0x2E && s[start + 2] == 0x2E {
        var k = start + 3
        while k < end && s[k] == 0x2E { k += 1 }
        emit(start, k)
        start = k
        continue
      }
      let c = s[start]
      if Self.isAffix(c) || c == 0x25 || c == 0x3D || c == 0xA7 || (c == 0x2B && !(start + 1 < end && Self.isDigit(s[start + 1]))) {
        emit(start, start + 1)
        start += 1
        continue
      }
      break
    }
    // Suffixes, collected from the end and emitted after the middle.
    var suffixes: [(Int, Int)] = []
    while end > start {
      let length = end - start
      if length >= 3 && s[end - 1] == 0x2E && s[end - 2] == 0x2E && s[end - 3] == 0x2E {
        var k = end - 3
        while k > start && s[k - 1] == 0x2E { k -= 1 }
        if k == start { break }
        suffixes.append((k, end))
        end = k
        continue
      }
      if length >= 3 && (s[end - 1] == 0x73 || s[end - 1] == 0x53) && Self.isApostrophe(s[end - 2]) {
        suffixes.append((end - 2, end))
        end -= 2
        continue
      }
      if length >= 4 && s[end - 1] == 0x74 && Self.isApostrophe(s[end - 2]) && s[end - 3] == 0x6E {
        suffixes.append((end - 3, end))
        end -= 3
        continue
      }
      let c = s[end - 1]
      if length >= 2 && (Self.isAffix(c) || c == 0x2014 || c == 0x2013) {
        suffixes.append((end - 1, end))
        end -= 1
        continue
      }
      if length >= 2 && c == 0x2E && !Self.isAbbreviation(s, start, end) {
        let p = s[end - 2]
        let twoCapitals = length >= 3 && Self.isUpper(p) && Self.isUpper(s[end - 3])
        let sign = p == 0x25 || p == 0xB2 || p == 0x2D || p == 0x2B
        if Self.isDigit(p) || Self.isLower(p) || Self.isQuote(p) || Self.isAffix(p) || sign || twoCapitals {
          suffixes.append((end - 1, end))
          end -= 1
          continue
        }
      }
      break
    }
    splitInfixes(s, start, end)
    for (a, b) in suffixes.reversed() { emit(a, b) }
  }

  /// The middle of a chunk: hyphens, slashes, colons and commas between letters, an ellipsis,
  /// and each character of an unspaced script, split off.
  private mutating func splitInfixes(_ s: [UInt32], _ start: Int, _ end: Int) {
    var tokenStart = start
    var i = start
    while i < end {
      let c = s[i]
      if Shingler.isUnspaced(c) {
        emit(tokenStart, i)
        emit(i, i + 1)
        i += 1
        tokenStart = i
        continue
      }
      if c == 0x2E && i + 2 < end && s[i + 1] == 0x2E && s[i + 2] == 0x2E {
        var k = i + 3
        while k < end && s[k] == 0x2E { k += 1 }
        emit(tokenStart, i)
        emit(i, k)
        i = k
        tokenStart = k
        continue
      }
      if i > tokenStart && i + 1 < end {
        let before = s[i - 1]
        let after = s[i + 1]
        var split = false
        switch c {
        case 0x2D, 0x2013, 0x2014, 0x7E:
          split = (Self.isLetter(before) && Self.isLetter(after))
            || (c == 0x2D && Self.isDigit(before) && (Self.isDigit(after) || after == 0x2D))
        case 0x2B, 0x2A, 0x5E:
          split = Self.isDigit(before) && (Self.isDigit(after) || after == 0x2D)
        case 0x3A, 0x3C, 0x3E, 0x3D, 0x2F:
          split = (Self.isLetter(before) || Self.isDigit(before)) && Self.isLetter(after)
        case 0x2C:
          split = Self.isLetter(before) && Self.isLetter(after)
        case 0x2E:
          split = Self.isLower(before) && Self.isUpper(after)
        default:
          split = false
        }
        if split {
          emit(tokenStart, i)
          emit(i, i + 1)
          i += 1
          tokenStart = i
          continue
        }
      }
      i += 1
    }
    emit(tokenStart, end)
  }

  /// spaCy's English abbreviations that keep their period (`Mr.`, `Inc.`, `Jan.`).
  private static let abbreviations: Set<[UInt32]> = Set(
    ["Adm", "Ak", "Ala", "Apr", "Ariz", "Ark", "Aug", "Bros", "Calif", "Co", "Colo", "Conn", "Corp", "Dec", "Del", "Dr", "Feb", "Fla", "Ga", "Gen", "Gov", "Ia", "Id", "Ill", "Inc", "Ind", "Jan", "Jr", "Jul", "Jun", "Kan", "Kans", "Ky", "La", "Ltd", "Mar", "Mass", "Md", "Messrs", "Mich", "Minn", "Miss", "Mo", "Mont", "Mr", "Mrs", "Ms", "Mt", "Neb", "Nebr", "Nev", "Nov", "Oct", "Okla", "Ore", "Pa", "Prof", "Rep", "Rev", "Sen", "Sep", "Sept", "St", "Tenn", "Va", "Wash", "Wis", "co", "vs"].map(FilterText.ascii))

  /// `word.` kept whole when it looks like an abbreviation: a single letter, letters with
  /// inner periods (`e.g.`, `U.S.`), or one of spaCy's English ones.
  private static func isAbbreviation(_ s: [UInt32], _ start: Int, _ end: Int) -> Bool {
    if end - start == 2 && isLetter(s[start]) { return true }
    if end - start <= 7 && abbreviations.contains(Array(s[start..<end - 1])) { return true }
    // Letters with inner periods (`e.g.`, `U.S.`, `a.m.`); a number (`3.6.`) is not one.
    var inner = false
    var k = start
    while k < end - 1 {
      if s[k] == 0x2E {
        inner = true
      } else if !isLetter(s[k]) {
        return false
      }
      k += 1
    }
    return inner
  }

  private static func isURL(_ s: [UInt32], _ start: Int, _ end: Int) -> Bool {
    if end - start < 8 { return false }
    var k = start
    while k + 2 < end {
      if s[k] == 0x3A && s[k + 1] == 0x2F && s[k + 2] == 0x2F { return k > start }
      k += 1
    }
    return end - start > 4 && s[start] == 0x77 && s[start + 1] == 0x77 && s[start + 2] == 0x77 && s[start + 3] == 0x2E
  }

  /// Punctuation, quotes and brackets split off either end of a word (spaCy's punctuation,
  /// quote, currency and ellipsis lists).
  static func isAffix(_ c: UInt32) -> Bool {
    if c >= 0x2190, let scalar = Unicode.Scalar(c), scalar.properties.generalCategory == .otherSymbol,
      !Shingler.isUnspaced(c)
    {
      return true  // spaCy's icons: arrows, box drawing, emoji, ...
    }
    switch c {
    case 0x21, 0x22, 0x23, 0x24, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2C, 0x3A, 0x3B, 0x3C, 0x3E, 0x3F,
      0x5B, 0x5D, 0x5F, 0x60, 0x7B, 0x7D,
      0xA1, 0xA3, 0xA5, 0xAB, 0xB4, 0xB7, 0xBB, 0xBF,
      0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2026, 0x20AC,
      0x3001, 0x3002, 0x300C, 0x300D, 0x300E, 0x300F, 0x3010, 0x3011, 0x3014, 0x3015, 0x300A, 0x300B,
      0x3008, 0x3009, 0xFF08, 0xFF09, 0xFF0C, 0xFF1F, 0xFF01, 0xFF1A, 0xFF1B, 0xFF5E:
      return true
    default:
      return false
    }
  }

  static func isApostrophe(_ c: UInt32) -> Bool { c == 0x27 || c == 0x2019 }
  static func isQuote(_ c: UInt32) -> Bool {
    switch c {
    case 0x27, 0x22, 0x60, 0xB4, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB: return true
    default: return false
    }
  }
  static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
  static func isLower(_ c: UInt32) -> Bool {
    if c < 0x80 { return c >= 0x61 && c <= 0x7A }
    return Unicode.Scalar(c)?.properties.isLowercase ?? false
  }
  static func isUpper(_ c: UInt32) -> Bool {
    if c < 0x80 { return c >= 0x41 && c <= 0x5A }
    return Unicode.Scalar(c)?.properties.isUppercase ?? false
  }
  static func isLetter(_ c: UInt32) -> Bool { FilterText.isAlpha(c) }
}
