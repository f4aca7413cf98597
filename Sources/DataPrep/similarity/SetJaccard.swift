/// The exact Jaccard similarity of two sorted sets of hashes, by a merge: what dedup's exact
/// verification and instruct's question dedup confirm a candidate pair with.
enum SetJaccard {
  /// |a ∩ b| / |a ∪ b| of two sorted sets without repeats (1 when both are empty).
  static func of(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Double {
    if a.isEmpty && b.isEmpty { return 1 }
    var x = a.startIndex
    var y = b.startIndex
    var common = 0
    while x < a.endIndex && y < b.endIndex {
      if a[x] == b[y] {
        common += 1
        x += 1
        y += 1
      } else if a[x] < b[y] {
        x += 1
      } else {
        y += 1
      }
    }
    return Double(common) / Double(a.count + b.count - common)
  }
}
