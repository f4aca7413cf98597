/// Bytes as lowercase hex digits and back: digests (`SHA256Digest`), pseudonyms, and the binary
/// data a shard of `validate` stores in JSON (distinct-count registers, near-duplicate
/// signatures), shorter than JSON numbers and quicker to read back.
enum HexBytes {
  private static let digits = Array("0123456789abcdef".utf8)

  /// `bytes` as two hex digits each.
  static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The bytes of ``encode(_:)``; `nil` when `text` is not pairs of lowercase hex digits.
  static func decode(_ text: String) -> [UInt8]? {
    let utf8 = Array(text.utf8)
    guard utf8.count % 2 == 0 else { return nil }
    func value(_ c: UInt8) -> UInt8? {
      switch c {
      case 0x30...0x39: return c - 0x30
      case 0x61...0x66: return c - 0x61 + 10
      default: return nil
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count / 2)
    var i = 0
    while i < utf8.count {
      guard let high = value(utf8[i]), let low = value(utf8[i + 1]) else { return nil }
      out.append(high << 4 | low)
      i += 2
    }
    return out
  }

  /// 32-bit `values` as 8 hex digits each (big-endian).
  static func encode(_ values: [UInt32]) -> String {
    encode(values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(24 - 8 * $0)) } })
  }

  /// The values of ``encode(_:)-([UInt32])``; `nil` when `text` is not groups of 8 hex digits.
  static func decodeValues(_ text: String) -> [UInt32]? {
    guard let bytes = decode(text), bytes.count % 4 == 0 else { return nil }
    return stride(from: 0, to: bytes.count, by: 4).map { i in
      UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
    }
  }
}
