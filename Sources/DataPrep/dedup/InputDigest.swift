/// A digest of a JSONL input's lines, computed while dedup reads them, so that a staged run
/// can tell whether the signatures it is given were made from the input it is writing: records
/// are matched by position, and another file (or the same file changed) would drop the wrong ones.
///
/// Each line (without its line break) is hashed with XXH64 seeded by the digest of the lines
/// before it, so order, content and line count all count; it costs a fraction of parsing.
struct InputDigest: Sendable {
  /// The digest of the lines added so far.
  private(set) var value: UInt64 = 0x6470_6465_6475_7031

  /// Adds the next line.
  mutating func add(_ line: UnsafeBufferPointer<UInt8>) {
    value = XXH64.hash(UnsafeRawBufferPointer(line), seed: value)
  }

  /// The digest as 16 hex digits, for messages.
  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
