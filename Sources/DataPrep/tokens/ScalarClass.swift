/// The character classes the pre-tokenizer patterns test, as bits of one byte per Unicode scalar.
///
/// The patterns of cl100k, o200k, GPT-2 and Llama 3 only ask whether a scalar is a letter
/// (`\p{L}`), a number (`\p{N}`), white space (`\s`), a `\r`/`\n`, or (o200k) "upper-ish"
/// `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]` / "lower-ish" `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`. Answering
/// from a precomputed table is what makes the hand-written scanners fast.
enum ScalarClass {
  /// `\p{L}`: Lu, Ll, Lt, Lm, Lo.
  static let letter: UInt8 = 1
  /// `\p{N}`: Nd, Nl, No.
  static let number: UInt8 = 2
  /// `\s`: the Unicode White_Space property.
  static let space: UInt8 = 4
  /// `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`.
  static let upperish: UInt8 = 8
  /// `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`.
  static let lowerish: UInt8 = 16
  /// `\r` or `\n`.
  static let newline: UInt8 = 32

  /// Scalars below this value are answered from ``table`` (the BMP, SMP and SIP: all of
  /// today's scripts, emoji and common CJK ideographs).
  static let tableSize = 0x30000

  /// The classes of every scalar below ``tableSize``, computed once per process.
  static let table: [UInt8] = {
    var table = [UInt8](repeating: 0, count: tableSize)
    for value in 0..<UInt32(tableSize) {
      table[Int(value)] = compute(value)
    }
    return table
  }()

  /// The classes of the scalar `value` (0 for surrogates and values that are not scalars).
  static func compute(_ value: UInt32) -> UInt8 {
    guard let scalar = Unicode.Scalar(value) else { return 0 }
    if value < 0x80 {
      // ASCII, the hot path when the table is built: no property lookup.
      switch value {
      case 0x41...0x5A: return letter | upperish
      case 0x61...0x7A: return letter | lowerish
      case 0x30...0x39: return number
      case 0x0A, 0x0D: return space | newline
      case 0x09, 0x0B, 0x0C, 0x20: return space
      default: return 0
      }
    }
    let properties = scalar.properties
    var bits: UInt8 = properties.isWhitespace ? space : 0
    switch properties.generalCategory {
    case .uppercaseLetter, .titlecaseLetter: bits |= letter | upperish
    case .lowercaseLetter: bits |= letter | lowerish
    case .modifierLetter, .otherLetter: bits |= letter | upperish | lowerish
    case .nonspacingMark, .spacingMark, .enclosingMark: bits |= upperish | lowerish
    case .decimalNumber, .letterNumber, .otherNumber: bits |= number
    default: break
    }
    return bits
  }
}
