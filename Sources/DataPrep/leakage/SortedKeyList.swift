/// A multimap from 64-bit key to record number as one array sorted by key: 16 bytes an entry
/// instead of a dictionary of arrays, for the exact-hash and LSH band lookups of the index.
/// Append everything, ``sort()`` once, then look up by binary search.
struct SortedKeyList: Sendable {
  private var entries: [Entry] = []
  private(set) var isSorted = true

  private struct Entry: Sendable {
    var key: UInt64
    var record: Int32
  }

  /// How many entries there are.
  var count: Int { entries.count }

  /// Adds `record` under `key` (call ``sort()`` before looking up).
  mutating func append(_ key: UInt64, _ record: Int32) {
    entries.append(Entry(key: key, record: record))
    isSorted = false
  }

  /// Sorts by key, then record, so lookups give records in increasing order.
  mutating func sort() {
    entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.record < $1.record }
    isSorted = true
  }

  /// Calls `body` with each record stored under `key`.
  @inline(__always)
  func forEach(_ key: UInt64, _ body: (Int32) -> Void) {
    entries.withUnsafeBufferPointer { e in
      var lo = 0
      var hi = e.count
      while lo < hi {
        let mid = (lo + hi) >> 1
        if e[mid].key < key { lo = mid + 1 } else { hi = mid }
      }
      while lo < e.count && e[lo].key == key {
        body(e[lo].record)
        lo += 1
      }
    }
  }
}
