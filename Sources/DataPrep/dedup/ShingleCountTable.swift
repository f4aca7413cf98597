/// An open-addressing table counting, for each shingle hash, how many records (still present)
/// hold it; the index of partial-copy detection. Slots are stable once inserted, so records
/// keep the slots of their shingles and update counts without hashing again.
struct ShingleCountTable {
  private var keys: [UInt64]
  private(set) var counts: [Int32]
  private var used: [Bool]
  private let mask: Int

  /// A table with room for `expected` distinct keys at a load of at most 2/3.
  init(expected: Int) {
    var capacity = 16
    while capacity < expected + expected / 2 + 1 { capacity <<= 1 }
    keys = [UInt64](repeating: 0, count: capacity)
    counts = [Int32](repeating: 0, count: capacity)
    used = [Bool](repeating: false, count: capacity)
    mask = capacity - 1
  }

  /// The number of slots (slot numbers are below it).
  var capacity: Int { keys.count }

  private func home(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
  }

  /// Counts one more holder of `key` and returns its slot.
  mutating func add(_ key: UInt64) -> Int32 {
    var slot = home(key)
    while used[slot] && keys[slot] != key { slot = (slot + 1) & mask }
    used[slot] = true
    keys[slot] = key
    counts[slot] += 1
    return Int32(slot)
  }

  /// The slot of `key`, `nil` when no record added it.
  func slot(of key: UInt64) -> Int32? {
    var slot = home(key)
    while used[slot] {
      if keys[slot] == key { return Int32(slot) }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Counts one more holder of the key at `slot`.
  mutating func increment(_ slot: Int32) { counts[Int(slot)] += 1 }

  /// Counts one holder less of the key at `slot`.
  mutating func decrement(_ slot: Int32) { counts[Int(slot)] -= 1 }
}
