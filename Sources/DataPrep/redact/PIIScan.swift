/// One scan of one text: the bytes, the findings so far and the trigger loop. The detectors
/// live in extensions by family (`+Network`, `+Numbers`, `+Secrets`).
struct PIIScan {
  let b: UnsafeBufferPointer<UInt8>
  let n: Int
  let kinds: KindSet
  /// Findings in text order.
  var found: [PIIFinding] = []
  /// The end of the last finding: nothing before it is looked at again.
  var lastEnd = 0
  /// Code spans and blocks (phone numbers inside are left alone), computed on first need.
  var codeRanges: [Range<Int>]?
  /// Set once a PEM `-----END` search failed: none lies further on.
  var noPEMEnd = false

  init(bytes: UnsafeBufferPointer<UInt8>, kinds: KindSet) {
    b = bytes
    n = bytes.count
    self.kinds = kinds
  }

  mutating func add(_ kind: PIIKind, _ range: Range<Int>) {
    found.append(PIIFinding(kind: kind, range: range))
    lastEnd = range.upperBound
  }

  /// The trigger loop: `@` for emails, `://` for URL credentials, and at each word start the
  /// detectors its first byte can begin; a word no detector takes is skipped whole.
  mutating func run() {
    let wantEmail = kinds.contains(.email)
    let wantSecret = kinds.contains(.secret)
    var i = 0
    while i < n {
      let c = b[i]
      if Self.isWord(c) {
        var wordEnd = i + 1
        while wordEnd < n && Self.isWord(b[wordEnd]) { wordEnd += 1 }
        if c != 0x5F, i == 0 || !Self.isWord(b[i - 1]), let end = wordStart(at: i, wordEnd: wordEnd) {
          i = end
          continue
        }
        i = wordEnd
        continue
      }
      switch c {
      case 0x40:  // @
        if wantEmail, let end = email(at: i) {
          i = end
          continue
        }
      case 0x3A:  // ://
        if wantSecret, i + 2 < n, b[i + 1] == 0x2F, b[i + 2] == 0x2F, let end = urlCredentials(at: i) {
          i = end
          continue
        }
      case 0x2B, 0x28, 0x2D:  // + ( -
        if i == 0 || !Self.isWord(b[i - 1]), let end = wordStart(at: i, wordEnd: i) {
          i = end
          continue
        }
      default:
        break
      }
      i += 1
    }
  }

  /// The detectors that can begin at word start `i` (the word of letters, digits and `_` ends
  /// at `wordEnd`); the end of a finding or of what was passed over, or nil.
  mutating func wordStart(at i: Int, wordEnd: Int) -> Int? {
    let c = b[i]
    if Self.isDigit(c) {
      if kinds.contains(.ip), let end = ipv6(at: i) ?? ipv4(at: i) { return end }
      if kinds.contains(.card) || kinds.contains(.phone), let end = number(at: i) { return end }
      if kinds.contains(.secret), let end = awsSecretKey(at: i, wordEnd: wordEnd) { return end }
      return nil
    }
    if c == 0x2B || c == 0x28 {  // + (
      return kinds.contains(.phone) ? number(at: i) : nil
    }
    if c == 0x2D {  // -
      return kinds.contains(.secret) ? pemBlock(at: i) : nil
    }
    // A letter.
    if kinds.contains(.secret) {
      if let end = prefixedToken(at: i) ?? keyValue(at: i, wordEnd: wordEnd) { return end }
      if let end = awsSecretKey(at: i, wordEnd: wordEnd) { return end }
    }
    if kinds.contains(.iban), Self.isUpper(c), let end = iban(at: i) { return end }
    if kinds.contains(.ip), Self.isHex(c), let end = ipv6(at: i) { return end }
    return nil
  }

  // MARK: bytes

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
  @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c &- 0x41 < 26 }
  @inline(__always) static func isLower(_ c: UInt8) -> Bool { c &- 0x61 < 26 }
  @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
  @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isAlpha(c) }
  /// Letters, digits and `_`: bytes that continue a word.
  @inline(__always) static func isWord(_ c: UInt8) -> Bool {
    // Bit c of a 128-bit set of `0-9 A-Z _ a-z`: one shift, no branches.
    let word: UInt64 = c < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
    return c < 128 && (word >> UInt64(c & 63)) & 1 != 0
  }
  @inline(__always) static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20) &- 0x61 < 6 }
  @inline(__always) static func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c | 0x20 : c }

  /// Whether the bytes at `i` are `literal` (ASCII, case-sensitive).
  func has(_ literal: StaticString, at i: Int) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard i >= 0, i + count <= n else { return false }
    let p = literal.utf8Start
    for k in 0..<count where b[i + k] != p[k] { return false }
    return true
  }

  /// Whether `word` (lowercase ASCII) occurs, ignoring case, in `range` (clamped to the text).
  func contains(_ word: StaticString, in range: Range<Int>) -> Bool {
    let lower = max(0, range.lowerBound)
    let upper = min(n, range.upperBound)
    let count = word.utf8CodeUnitCount
    guard upper - lower >= count else { return false }
    let p = word.utf8Start
    var i = lower
    while i + count <= upper {
      var k = 0
      while k < count && Self.lower(b[i + k]) == p[k] { k += 1 }
      if k == count { return true }
      i += 1
    }
    return false
  }

  /// The end of the run of bytes from `i` for which `accept` holds, looking at most `limit`.
  @inline(__always) func run(from i: Int, limit: Int, _ accept: (UInt8) -> Bool) -> Int {
    var j = i
    let end = min(n, i + limit)
    while j < end && accept(b[j]) { j += 1 }
    return j
  }

  /// Whether byte offset `i` lies in a code span or block (Markdown backticks or fences).
  mutating func isInCode(_ i: Int) -> Bool {
    if codeRanges == nil { codeRanges = CodeRanges.find(in: b) }
    guard let ranges = codeRanges, !ranges.isEmpty else { return false }
    // The last range starting at or before `i` (ranges are sorted and disjoint).
    var low = 0
    var high = ranges.count
    while low < high {
      let mid = (low + high) / 2
      if ranges[mid].lowerBound <= i { low = mid + 1 } else { high = mid }
    }
    return low > 0 && ranges[low - 1].contains(i)
  }
}
