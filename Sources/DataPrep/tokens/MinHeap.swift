/// A binary min-heap of `UInt64` keys (`rank << 32 | position`).
struct MinHeap {
  private var keys: [UInt64] = []

  /// Adds `key`.
  mutating func push(_ key: UInt64) {
    keys.append(key)
    var child = keys.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard keys[child] < keys[parent] else { break }
      keys.swapAt(child, parent)
      child = parent
    }
  }

  /// Removes and returns the smallest key, or `nil` when empty.
  mutating func pop() -> UInt64? {
    guard let first = keys.first else { return nil }
    let last = keys.removeLast()
    if keys.isEmpty { return first }
    keys[0] = last
    var parent = 0
    while true {
      let left = 2 * parent + 1
      guard left < keys.count else { break }
      var smallest = left
      if left + 1 < keys.count && keys[left + 1] < keys[left] { smallest = left + 1 }
      guard keys[smallest] < keys[parent] else { break }
      keys.swapAt(smallest, parent)
      parent = smallest
    }
    return first
  }
}
