/// Picks among choices by the stable XXH64 hash of a key (Swift's `Hasher` is seeded per
/// process), so the same example gets the same phrasing on every run and machine.
enum StableHash {
  /// One of `choices`, picked by the hash of `key`; `nil` when there are none.
  static func pick<T>(_ choices: [T], for key: String) -> T? {
    guard !choices.isEmpty else { return nil }
    return choices[Int(XXH64.hash(key) % UInt64(choices.count))]
  }
}
