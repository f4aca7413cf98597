/// Standard base64 (RFC 4648, with `=` padding) decoding into a reusable buffer.
enum Base64 {
  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, char) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(char)] = UInt8(index)
    }
    return table
  }()

  /// Decodes `text` into `output` (large enough: 3 bytes per 4 characters); returns the byte
  /// count, or `nil` when `text` is not valid base64.
  static func decode(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int? {
    var count = text.count
    guard count % 4 == 0 else { return nil }
    var padding = 0
    while count > 0 && text[count - 1] == 0x3D && padding < 2 {
      count -= 1
      padding += 1
    }
    var accumulator: UInt32 = 0
    var bits = 0
    var written = 0
    for i in 0..<count {
      let value = values[Int(text[i])]
      guard value != 0xFF else { return nil }
      accumulator = (accumulator << 6) | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output[written] = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
        written += 1
      }
    }
    return written
  }
}
