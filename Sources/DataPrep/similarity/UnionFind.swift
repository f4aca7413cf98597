/// Disjoint sets over `0..<count` with path halving; the root of a set is always its smallest
/// member, so the partition and its representatives do not depend on the order of unions.
struct UnionFind: Sendable {
  private var parent: [Int32]

  /// `count` singleton sets.
  init(count: Int) {
    parent = (0..<count).map { Int32($0) }
  }

  /// The number of elements.
  var count: Int { parent.count }

  /// The representative (smallest member) of `x`'s set.
  mutating func find(_ x: Int) -> Int {
    var x = x
    while Int(parent[x]) != x {
      let grand = parent[Int(parent[x])]
      parent[x] = grand
      x = Int(grand)
    }
    return x
  }

  /// Merges the sets of `x` and `y`; returns `false` when they were already one set.
  @discardableResult
  mutating func union(_ x: Int, _ y: Int) -> Bool {
    let rx = find(x)
    let ry = find(y)
    if rx == ry { return false }
    if rx < ry { parent[ry] = Int32(rx) } else { parent[rx] = Int32(ry) }
    return true
  }
}
