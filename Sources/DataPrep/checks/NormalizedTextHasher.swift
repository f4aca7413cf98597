/// A stable 64-bit FNV-1a hash of text with whitespace normalised (runs of ASCII whitespace
/// count as one space; leading and trailing whitespace is ignored), fed piece by piece so a
/// record is hashed without building its text.
struct NormalizedTextHasher {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
  private var pendingSpace = false
  private var atStart = true

  @inline(__always)
  private mutating func mix(_ byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }

  /// Adds `text`, normalising whitespace.
  mutating func add(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      for byte in bytes {
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
          if !atStart { pendingSpace = true }
          continue
        }
        if pendingSpace {
          mix(0x20)
          pendingSpace = false
        }
        atStart = false
        mix(byte)
      }
    }
  }

  /// Adds a separator that is never part of text (between turns and fields), resetting whitespace state.
  mutating func separate(_ tag: UInt8) {
    pendingSpace = false
    atStart = true
    mix(0xFF)
    mix(tag)
  }
}
