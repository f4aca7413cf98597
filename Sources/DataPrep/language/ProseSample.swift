/// The prose of a text, as the language identifier judges it: fenced code blocks (```` ``` ````,
/// `~~~`), inline code spans, code-like tokens (`snake_case`, `camelCase`, `a.b`, `f(x)`, `x=1`,
/// `<tag>`, paths and URLs, `@handles`) and lines that are code (ending in `{` or `}`, or with
/// twice as many bytes of code-like tokens as bytes of prose letters) removed, and its letters counted. Generic rules
/// only: nothing here knows a language or a site.
///
/// One pass over the UTF-8 bytes, at most `maximumBytes` of prose kept (the rest of a huge text
/// is not read), so the time is linear and the memory bounded whatever the input.
struct ProseSample: Sendable {
  /// The prose bytes kept, tokens separated by one space, lines by a newline.
  var bytes: [UInt8]
  /// Letters (Unicode Alphabetic) in `bytes`.
  var letters: Int
  /// UTF-8 bytes of those letters: a kana or an ideograph (three bytes) says about as much as
  /// three Latin letters.
  var letterBytes: Int

  /// How much prose is kept: a document's language is judged on its first 256 KiB of prose.
  static let maximumBytes = 256 * 1024

  /// The fewest prose tokens in a row a code line keeps, as a sentence fragment.
  static let minimumFragmentTokens = 4

  /// The prose of `text`.
  init(_ text: String) {
    var text = text
    var sample = Builder(capacity: min(text.utf8.count, Self.maximumBytes) + 1)
    text.withUTF8 { sample.read($0) }
    bytes = sample.out
    letters = sample.letters
    letterBytes = sample.letterBytes
  }

  /// The pass over the bytes.
  private struct Builder {
    var out: [UInt8] = []
    var letters = 0
    var fence: UInt8? = nil
    /// Bytes of the current line's code-like tokens, weighed against the bytes of its prose
    /// letters (not against tokens: a Japanese sentence is one token however long; and bytes
    /// against bytes, so three-byte kana and ideographs are not outweighed by a short name).
    var codeBytes = 0
    /// UTF-8 bytes of the letters kept (the current line's share is weighed against `codeBytes`).
    var letterBytes = 0
    /// The current line's run of consecutive prose tokens (its start in `out`, tokens, letters,
    /// letter bytes), and the longest such run: a code line keeps its longest run when that is a
    /// sentence fragment (`Las opciones siguientes: --foo, --bar, ...` keeps its lead-in).
    var run = (start: 0, tokens: 0, letters: 0, letterBytes: 0)
    var longestRun = (start: 0, end: 0, tokens: 0, letters: 0, letterBytes: 0)

    init(capacity: Int) { out.reserveCapacity(capacity) }

    var full: Bool { out.count >= ProseSample.maximumBytes }

    mutating func read(_ b: UnsafeBufferPointer<UInt8>) {
      var start = 0
      while start < b.count && !full {
        var end = start
        while end < b.count && b[end] != 0x0A { end += 1 }
        line(b, start, end)
        start = end + 1
      }
    }

    /// One line: a fence toggles, a line inside a fence is skipped, otherwise its tokens outside
    /// backtick spans are judged one by one.
    mutating func line(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
      var i = start
      while i < end && i - start < 4 && b[i] == 0x20 { i += 1 }
      if i - start < 4, end - i >= 3, b[i] == 0x60 || b[i] == 0x7E, b[i + 1] == b[i], b[i + 2] == b[i] {
        if fence == nil { fence = b[i] } else if fence == b[i] { fence = nil }
        return
      }
      if fence != nil { return }
      // Backtick runs pair up in order; an unpaired last run is plain text.
      var runs = 0
      var j = start
      while j < end {
        if b[j] == 0x60 {
          runs += 1
          while j < end && b[j] == 0x60 { j += 1 }
        } else {
          j += 1
        }
      }
      let pairedRuns = runs - runs % 2
      var seen = 0
      var inCode = false
      var tokenStart = start
      var k = start
      let before = (out.count, letters, letterBytes)
      codeBytes = 0
      run = (out.count, 0, 0, 0)
      longestRun = (out.count, out.count, 0, 0, 0)
      var unspaced = false
      while k < end {
        let byte = b[k]
        // Unspaced scripts (CJK, Thai, ...) glue ASCII words to their sentences: the change of
        // script ends a token, so `用意し、ftp.example.org` loses only the host name.
        if byte < 0x80 || byte >= 0xC0 {
          let isUnspaced = byte >= 0xE0 && Self.isUnspacedScript(Self.decode(b, k, end).0)
          if isUnspaced != unspaced && !inCode && k > tokenStart {
            token(b, tokenStart, k)
            tokenStart = k
          }
          unspaced = isUnspaced
        }
        if byte == 0x60 && seen < pairedRuns {
          if !inCode { token(b, tokenStart, k) }
          seen += 1
          inCode.toggle()
          while k < end && b[k] == 0x60 { k += 1 }
          tokenStart = k
          continue
        }
        if !inCode && Self.isSpace(byte) {
          token(b, tokenStart, k)
          tokenStart = k + 1
        }
        k += 1
      }
      if !inCode { token(b, tokenStart, end) }
      var last = end
      while last > start, Self.isSpace(b[last - 1]) { last -= 1 }
      let endsLikeCode = last > start && (b[last - 1] == 0x7B || b[last - 1] == 0x7D)  // { }
      if endsLikeCode || codeBytes > 0 && codeBytes >= 2 * (letterBytes - before.2) {
        // A code line: its word-like tokens (`return`, `int`) go too, but for a run of at least
        // `minimumFragmentTokens` prose tokens in a row (a sentence introducing a list of names).
        let fragment = !endsLikeCode && longestRun.tokens >= ProseSample.minimumFragmentTokens
          ? Array(out[longestRun.start..<longestRun.end]) : []
        out.removeLast(out.count - before.0)
        letters = before.1
        letterBytes = before.2
        if !fragment.isEmpty {
          out.append(contentsOf: fragment)
          out.append(0x0A)
          letters += longestRun.letters
          letterBytes += longestRun.letterBytes
        }
      } else if out.count > before.0 {
        out.append(0x0A)
      }
    }

    /// Keeps the token `b[start..<end]` unless it is empty or looks like code.
    mutating func token(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
      guard start < end, !full else { return }
      if Self.isCode(b, start, end) {
        codeBytes += end - start
        run = (out.count, 0, 0, 0)
        return
      }
      let counted = (letters, letterBytes)
      defer {
        run.tokens += 1
        run.letters += letters - counted.0
        run.letterBytes += letterBytes - counted.1
        if run.tokens > longestRun.tokens {
          longestRun = (run.start, out.count, run.tokens, run.letters, run.letterBytes)
        }
      }
      // A token longer than the room left is cut at a scalar boundary.
      var end = min(end, start + ProseSample.maximumBytes - out.count)
      while end > start, end < b.count, b[end] & 0xC0 == 0x80 { end -= 1 }
      var i = start
      while i < end {
        let byte = b[i]
        if byte < 0x80 {
          if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
            letters += 1
            letterBytes += 1
          }
          i += 1
          continue
        }
        let (scalar, length) = Self.decode(b, i, end)
        if let scalar, scalar.properties.isAlphabetic {
          letters += 1
          letterBytes += length
        }
        i += length
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<end]))
      out.append(0x20)
    }

    /// Scripts written without spaces between words: Thai, Lao, Tibetan, Myanmar, Khmer, and
    /// everything from CJK radicals on (kana, ideographs, Hangul, fullwidth forms).
    static func isUnspacedScript(_ scalar: Unicode.Scalar?) -> Bool {
      guard let value = scalar?.value else { return false }
      return value >= 0x2E80 || (0x0E00..<0x1100).contains(value) || (0x1780..<0x1800).contains(value)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
      (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// Whether a token is code rather than a word: marks prose does not put inside a word.
    /// Leading and trailing punctuation (quotes, brackets, `.,;:!?`) is prose's and is ignored.
    static func isCode(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
      var s = start
      var e = end
      while s < e, Self.leadingPunctuation(b[s]) { s += 1 }
      while e > s, Self.trailingPunctuation(b[e - 1]) { e -= 1 }
      if s == e { return false }
      if b[s] == 0x2F || b[s] == 0x7E || b[s] == 0x24 || b[s] == 0x2D && e - s > 1 && b[s + 1] == 0x2D { return true }
      var slashes = 0
      var i = s
      while i < e {
        let byte = b[i]
        switch byte {
        case 0x5F, 0x3D, 0x7B, 0x7D, 0x3C, 0x3E, 0x5C, 0x7C, 0x40, 0x24, 0x5E, 0x5B, 0x5D, 0x3B:
          return true  // _ = { } < > \ | @ $ ^ [ ] ;
        case 0x2F:
          slashes += 1
          if slashes > 1 { return true }
        case 0x3A where i + 1 < e && (b[i + 1] == 0x3A || b[i + 1] == 0x2F):
          return true  // :: and ://
        case 0x28 where i > s && isASCIIAlphanumeric(b[i - 1]):
          return true  // f(x)
        case 0x2E where i > s && i + 1 < e && isASCIIAlphanumeric(b[i - 1]) && isASCIIAlphanumeric(b[i + 1]):
          return true  // a.b, file.txt
        default:
          if byte >= 0x41 && byte <= 0x5A && i > s && b[i - 1] >= 0x61 && b[i - 1] <= 0x7A { return true }  // camelCase
        }
        i += 1
      }
      return false
    }

    static func leadingPunctuation(_ byte: UInt8) -> Bool {
      byte == 0x22 || byte == 0x27 || byte == 0x28 || byte == 0x2A || byte == 0x5B
    }

    static func trailingPunctuation(_ byte: UInt8) -> Bool {
      switch byte {
      case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x22, 0x27, 0x29, 0x5D, 0x2A: return true
      default: return false
      }
    }

    /// The scalar starting at `b[i]` (valid UTF-8: a Swift string's) and its length in bytes.
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Unicode.Scalar?, Int) {
      let lead = b[i]
      let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
      guard length > 1, i + length <= end else { return (nil, 1) }
      var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
      for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
      return (Unicode.Scalar(value), length)
    }
  }
}
