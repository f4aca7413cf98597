/// Checks that bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF),
/// skipping ASCII eight bytes at a time.
enum UTF8Validation {
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var i = 0
    while i < count {
      if i + 8 <= count {
        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          i += 8
          continue
        }
      }
      guard let length = UTF8Sequence.length(at: i, in: bytes) else { return false }
      i += length
    }
    return true
  }
}
