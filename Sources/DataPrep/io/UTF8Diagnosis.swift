/// Finds and names the first invalid UTF-8 sequence in some bytes, for error messages.
///
/// Only used once validation has already failed, so it favours clear reasons over speed.
/// Follows the Unicode definition of well-formed UTF-8: no overlong forms, no encoded UTF-16
/// surrogates, nothing above U+10FFFF.
enum UTF8Diagnosis {
  /// The offset of the first byte of the first invalid sequence and why it is invalid, or `nil`.
  static func firstFault(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, reason: String)? {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let trailing: Int
      var lowest: UInt8 = 0x80
      var highest: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: trailing = 1
      case 0xE0:
        trailing = 2
        lowest = 0xA0
      case 0xE1...0xEC, 0xEE, 0xEF: trailing = 2
      case 0xED:
        trailing = 2
        highest = 0x9F
      case 0xF0:
        trailing = 3
        lowest = 0x90
      case 0xF1...0xF3: trailing = 3
      case 0xF4:
        trailing = 3
        highest = 0x8F
      case 0x80...0xBF:
        return (index, "unexpected continuation byte 0x\(JSONScanner.hex2(lead))")
      case 0xC0, 0xC1:
        return (index, "overlong encoding (lead byte 0x\(JSONScanner.hex2(lead)))")
      default:
        return (index, "byte 0x\(JSONScanner.hex2(lead)) never appears in UTF-8")
      }
      guard index + 1 < count else { return (index, "truncated multi-byte sequence") }
      let second = bytes[index + 1]
      if second < lowest || second > highest {
        let isContinuation = second & 0xC0 == 0x80
        switch lead {
        case 0xE0 where isContinuation, 0xF0 where isContinuation:
          return (index, "overlong encoding")
        case 0xED where isContinuation:
          return (index, "UTF-16 surrogate encoded in UTF-8")
        case 0xF4 where isContinuation:
          return (index, "code point above U+10FFFF")
        default:
          return (index, "truncated multi-byte sequence")
        }
      }
      for offset in 2...max(2, trailing) where offset <= trailing {
        guard index + offset < count, bytes[index + offset] & 0xC0 == 0x80 else {
          return (index, "truncated multi-byte sequence")
        }
      }
      index += trailing + 1
    }
    return nil
  }
}
