/// Sorting of hash values (uniformly distributed `UInt64`s) without the cost of a generic
/// comparison sort: one counting pass by the top bits puts every value near its place, then an
/// insertion sort finishes (expected linear time for hash values).
enum HashSort {
  /// Sorts `values` ascending and removes repeats. `scratch` and `counts` are reusable buffers.
  static func sortUnique(_ values: inout [UInt64], scratch: inout [UInt64], counts: inout [Int]) {
    let n = values.count
    guard n > 1 else { return }
    if n > 1 << 22 {
      values.sort()
      removeRepeats(&values)
      return
    }
    var bits = 1
    while (1 << bits) < n && bits < 16 { bits += 1 }
    let shift = UInt64(64 - bits)
    let buckets = 1 << bits
    if counts.count < buckets + 1 { counts = [Int](repeating: 0, count: buckets + 1) }
    if scratch.count < n { scratch = [UInt64](repeating: 0, count: n) }
    var written = 0
    values.withUnsafeMutableBufferPointer { v in
      scratch.withUnsafeMutableBufferPointer { s in
        counts.withUnsafeMutableBufferPointer { c in
          for b in 0...buckets { c[b] = 0 }
          for x in v { c[Int(truncatingIfNeeded: x >> shift) &+ 1] &+= 1 }
          for b in 1...buckets { c[b] &+= c[b &- 1] }
          for x in v {
            let b = Int(truncatingIfNeeded: x >> shift)
            s[c[b]] = x
            c[b] &+= 1
          }
          for i in 1..<n {
            let x = s[i]
            var j = i
            while j > 0 && s[j &- 1] > x {
              s[j] = s[j &- 1]
              j &-= 1
            }
            s[j] = x
          }
          v[0] = s[0]
          written = 1
          for i in 1..<n where s[i] != v[written &- 1] {
            v[written] = s[i]
            written &+= 1
          }
        }
      }
    }
    values.removeLast(n - written)
  }

  /// Sorts `(key, member)` entries by hash key, then member.
  static func sortByKey(_ entries: inout [(key: UInt64, member: Int32)]) {
    let n = entries.count
    guard n > 1 else { return }
    if n > 1 << 26 {
      entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.member < $1.member }
      return
    }
    var bits = 1
    while (1 << bits) < n && bits < 20 { bits += 1 }
    let shift = UInt64(64 - bits)
    let buckets = 1 << bits
    var counts = [Int](repeating: 0, count: buckets + 1)
    var scratch = entries
    entries.withUnsafeMutableBufferPointer { v in
      scratch.withUnsafeMutableBufferPointer { s in
        counts.withUnsafeMutableBufferPointer { c in
          for x in v { c[Int(truncatingIfNeeded: x.key >> shift) &+ 1] &+= 1 }
          for b in 1...buckets { c[b] &+= c[b &- 1] }
          for x in v {
            let b = Int(truncatingIfNeeded: x.key >> shift)
            s[c[b]] = x
            c[b] &+= 1
          }
          for i in 1..<n {
            let x = s[i]
            var j = i
            while j > 0 && (s[j &- 1].key > x.key || (s[j &- 1].key == x.key && s[j &- 1].member > x.member)) {
              s[j] = s[j &- 1]
              j &-= 1
            }
            s[j] = x
          }
        }
      }
    }
    entries = scratch
  }

  /// Removes adjacent repeats from sorted `values`.
  static func removeRepeats(_ values: inout [UInt64]) {
    guard values.count > 1 else { return }
    var write = 1
    values.withUnsafeMutableBufferPointer { v in
      for read in 1..<v.count where v[read] != v[write - 1] {
        v[write] = v[read]
        write += 1
      }
    }
    values.removeLast(values.count - write)
  }
}
