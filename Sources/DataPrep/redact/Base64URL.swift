/// Decoding base64url (and standard base64) text without padding, for JWT headers.
enum Base64URL {
  /// The decoded bytes, or nil if a byte is outside the alphabet.
  static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(text.count * 3 / 4)
    var buffer: UInt32 = 0
    var bits = 0
    for c in text {
      let v: UInt32
      switch c {
      case 0x41...0x5A: v = UInt32(c - 0x41)
      case 0x61...0x7A: v = UInt32(c - 0x61 + 26)
      case 0x30...0x39: v = UInt32(c - 0x30 + 52)
      case 0x2D, 0x2B: v = 62
      case 0x5F, 0x2F: v = 63
      case 0x3D: continue
      default: return nil
      }
      buffer = buffer << 6 | v
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
      }
    }
    return out
  }
}
