/// One pass over a text's UTF-8 bytes gathering what the content checks need, so each byte is
/// read once: the whitespace-normalised hash (a fold of word hashes, so runs of whitespace and
/// leading/trailing whitespace do not matter), the word hashes for 3-grams, the Unicode scalar
/// count, whether it is blank, and whether it holds `<` or `[` (special-token candidates).
struct TextScan {
  /// A fold of the word hashes: equal for texts that differ only in whitespace.
  private(set) var hash: UInt64 = basis
  /// Unicode scalars (UTF-8 bytes that are not continuation bytes).
  private(set) var scalars = 0
  /// Whether the text holds only whitespace.
  private(set) var isBlank = true
  /// Whether `<` occurs.
  private(set) var hasAngle = false
  /// Whether `[` occurs.
  private(set) var hasBracket = false

  static let prime: UInt64 = 0x0000_0100_0000_01b3
  static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

  private static let whitespace: UInt8 = 1
  private static let continuation: UInt8 = 2
  private static let angle: UInt8 = 4
  private static let bracket: UInt8 = 8
  private static let high: UInt8 = 16
  private static let ascii: UInt8 = 32

  /// Byte classes, so the loop has one unpredictable branch (word boundaries).
  private static let classes: [UInt8] = (0..<256).map { b -> UInt8 in
    switch b {
    case 0x20, 0x0A, 0x09, 0x0D: return whitespace
    case 0x3C: return angle | ascii
    case 0x5B: return bracket | ascii
    case 0x80...0xBF: return continuation | high
    case 0xC0...0xFF: return high
    default: return ascii
    }
  }

  /// Scans `text`, calling `word` with each word's hash in order (words are runs of bytes other
  /// than ASCII whitespace).
  init(_ text: String, word: (UInt64) -> Void) {
    var text = text
    var hash = Self.basis
    var continuations = 0
    var seen: UInt8 = 0
    let count = text.utf8.count
    text.withUTF8 { bytes in
      Self.classes.withUnsafeBufferPointer { classes in
        // Bytes are shifted into a 64-bit accumulator and multiplied in every 8 bytes and at
        // each word's end: a short dependency chain per byte instead of a multiply per byte.
        var accumulator: UInt64 = 0
        var wordHash = Self.basis
        var pending: UInt64 = 0
        var length: UInt64 = 0
        for byte in bytes {
          let kind = classes[Int(byte)]
          seen |= kind
          continuations &+= Int(kind >> 1 & 1)
          if kind & Self.whitespace != 0 {
            if length > 0 {
              wordHash = (wordHash ^ accumulator ^ (length << 56)) &* Self.prime
              hash = (hash ^ wordHash) &* Self.prime
              word(wordHash)
              accumulator = 0
              wordHash = Self.basis
              pending = 0
              length = 0
            }
            continue
          }
          accumulator = accumulator << 8 | UInt64(byte)
          pending &+= 1
          length &+= 1
          if pending == 8 {
            wordHash = (wordHash ^ accumulator) &* Self.prime
            accumulator = 0
            pending = 0
          }
        }
        if length > 0 {
          wordHash = (wordHash ^ accumulator ^ (length << 56)) &* Self.prime
          hash = (hash ^ wordHash) &* Self.prime
          word(wordHash)
        }
      }
    }
    self.hash = hash
    self.scalars = count - continuations
    self.hasAngle = seen & Self.angle != 0
    self.hasBracket = seen & Self.bracket != 0
    if seen & Self.ascii != 0 {
      isBlank = false
    } else if seen & Self.high != 0 {
      isBlank = text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
  }
}
