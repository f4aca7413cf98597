/// A fixed set of shingle hashes numbered `0..<count` (their rank), for the partial-copy
/// candidates' shingles: 8 bytes a key plus a 16 MB bitmap that answers most misses without
/// searching, where a hash table would take two to three times the room.
struct SortedKeyIndex {
  /// The distinct keys, sorted.
  private(set) var keys: [UInt64]
  private var bits = [UInt64](repeating: 0, count: 1 << 21)

  /// The index of `keys` (any order, repeats allowed).
  init(_ keys: [UInt64]) {
    var sorted = keys
    sorted.sort()
    var unique = 0
    for k in sorted.indices where k == 0 || sorted[k] != sorted[k - 1] {
      sorted[unique] = sorted[k]
      unique += 1
    }
    sorted.removeLast(sorted.count - unique)
    self.keys = sorted
    for key in sorted {
      let bit = Self.bit(key)
      bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }
  }

  /// The number of keys: slot numbers are below it.
  var count: Int { keys.count }

  private static func bit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 37) }

  /// The slot of `key`, `nil` when it is not in the set.
  func slot(of key: UInt64) -> Int32? {
    let bit = Self.bit(key)
    guard bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
    let k = keys.lowerBound(of: key)
    return k < keys.count && keys[k] == key ? Int32(k) : nil
  }
}
