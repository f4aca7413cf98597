/// Numbers distinct keys in the order first seen and counts the records of each: how split
/// tells groups and labels apart while it reads.
struct KeyTally<Key: Hashable> {
  /// The keys, in the order first seen; a key's number is its index.
  private(set) var keys: [Key] = []
  /// How many times each key was counted, by number.
  private(set) var counts: [Int] = []
  private var numbers: [Key: Int32] = [:]

  /// Counts one more record of `key`.
  /// - Returns: the key's number (its index in ``keys``).
  mutating func count(_ key: Key) -> Int32 {
    let number: Int32
    if let known = numbers[key] {
      number = known
    } else {
      number = Int32(keys.count)
      numbers[key] = number
      keys.append(key)
      counts.append(0)
    }
    counts[Int(number)] += 1
    return number
  }
}
