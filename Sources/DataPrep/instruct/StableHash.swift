/// FNV-1a, 64-bit: a hash that is the same on every run and machine (Swift's `Hasher` is
/// seeded per process), used to pick phrasings deterministically per example.
enum StableHash {
  /// The FNV-1a hash of the UTF-8 bytes of `text`.
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// One of `choices`, picked by the hash of `key`; `nil` when there are none.
  static func pick<T>(_ choices: [T], for key: String) -> T? {
    guard !choices.isEmpty else { return nil }
    return choices[Int(fnv1a(key) % UInt64(choices.count))]
  }
}
