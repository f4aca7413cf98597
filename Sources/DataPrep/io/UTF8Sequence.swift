/// Well-formed UTF-8 (RFC 3629, Unicode table 3-7): the one definition the validators share.
enum UTF8Sequence {
  /// The length of the well-formed sequence starting at `index` (1 for ASCII), or `nil` when the
  /// bytes there are not UTF-8: a bad lead byte, an overlong form, an encoded surrogate, a value
  /// past U+10FFFF, or a sequence cut short.
  @inline(__always)
  static func length(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let lead = bytes[index]
    if lead < 0x80 { return 1 }
    let length: Int
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; lower = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; upper = 0x9F
    case 0xF0: length = 4; lower = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; upper = 0x8F
    default: return nil
    }
    guard index + length <= bytes.count else { return nil }
    let second = bytes[index + 1]
    guard second >= lower && second <= upper else { return nil }
    var k = 2
    while k < length {
      if bytes[index + k] & 0xC0 != 0x80 { return nil }
      k += 1
    }
    return length
  }
}
