/// An open-addressing hash table from n-gram hash to the indexed record(s) holding it: 12 bytes
/// a slot at a load of at most one half, so about 24 bytes per distinct n-gram.
///
/// A value `>= 0` is the one record holding the n-gram; a value `< 0` points into a side list
/// of records for n-grams held by several.
struct NGramTable: Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  private var mask: Int
  private(set) var count = 0
  private var shared: [[Int32]] = []
  /// A one-hash Bloom filter of 8 bits per slot (16 per key at most): most lookups of absent
  /// keys stop here, in a bit array an eighth of the table's size that stays in cache.
  private var filter: [UInt64]
  private var filterMask: Int

  init(capacity: Int = 1 << 16) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = [UInt64](repeating: 0, count: size)
    values = [Int32](repeating: 0, count: size)
    mask = size - 1
    filter = [UInt64](repeating: 0, count: size / 8)
    filterMask = size * 8 - 1
  }

  /// Bytes held by the table.
  var memoryBytes: Int { keys.count * 13 + shared.reduce(0) { $0 + $1.count * 4 + 32 } }

  /// Records that `record` holds the n-gram `key` (non-zero).
  mutating func insert(_ key: UInt64, record: Int32) {
    if (count + 1) * 2 > keys.count { grow() }
    var slot = Int(truncatingIfNeeded: key) & mask
    while true {
      let k = keys[slot]
      if k == 0 {
        let bit = Int(truncatingIfNeeded: (key &>> 32) | (key &<< 32)) & filterMask
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
        keys[slot] = key
        values[slot] = record
        count += 1
        return
      }
      if k == key {
        let v = values[slot]
        if v >= 0 {
          if v == record { return }
          shared.append([v, record])
          values[slot] = -Int32(shared.count)
        } else {
          let list = Int(-v) - 1
          if shared[list].last != record { shared[list].append(record) }
        }
        return
      }
      slot = (slot + 1) & mask
    }
  }

  /// The value stored for `key`, or `nil`.
  @inline(__always)
  func lookup(_ key: UInt64) -> Int32? {
    let bit = Int(truncatingIfNeeded: (key &>> 32) | (key &<< 32)) & filterMask
    if filter.withUnsafeBufferPointer({ $0[bit >> 6] & (1 << UInt64(bit & 63)) }) == 0 { return nil }
    return keys.withUnsafeBufferPointer { keys in
      var slot = Int(truncatingIfNeeded: key) & mask
      while true {
        let k = keys[slot]
        if k == key { return values[slot] }
        if k == 0 { return nil }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Calls `body` with each record of a value returned by ``lookup(_:)``.
  @inline(__always)
  func forEachRecord(_ value: Int32, _ body: (Int32) -> Void) {
    if value >= 0 {
      body(value)
    } else {
      for record in shared[Int(-value) - 1] { body(record) }
    }
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
    values = [Int32](repeating: 0, count: oldKeys.count * 2)
    mask = keys.count - 1
    filter = [UInt64](repeating: 0, count: keys.count / 8)
    filterMask = keys.count * 8 - 1
    for (i, key) in oldKeys.enumerated() where key != 0 {
      let bit = Int(truncatingIfNeeded: (key &>> 32) | (key &<< 32)) & filterMask
      filter[bit >> 6] |= 1 << UInt64(bit & 63)
      var slot = Int(truncatingIfNeeded: key) & mask
      while keys[slot] != 0 { slot = (slot + 1) & mask }
      keys[slot] = key
      values[slot] = oldValues[i]
    }
  }
}
