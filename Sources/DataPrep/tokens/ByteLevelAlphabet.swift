/// GPT-2's byte-to-Unicode alphabet, in which Hugging Face byte-level vocabularies are written:
/// printable bytes stand for themselves, the others for U+0100 onwards in byte order.
enum ByteLevelAlphabet {
  /// The character (scalar value) standing for each byte.
  static let byteToUnicode: [UInt32] = {
    var table = [UInt32](repeating: 0, count: 256)
    var next: UInt32 = 256
    for byte in 0..<256 {
      if (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte) {
        table[byte] = UInt32(byte)
      } else {
        table[byte] = next
        next += 1
      }
    }
    return table
  }()

  /// The byte each alphabet character stands for.
  static let unicodeToByte: [UInt32: UInt8] = {
    var map: [UInt32: UInt8] = [:]
    for (byte, scalar) in byteToUnicode.enumerated() { map[scalar] = UInt8(byte) }
    return map
  }()
}
