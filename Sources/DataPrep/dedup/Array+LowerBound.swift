extension Array where Element: Comparable {
  /// The first position of this sorted array holding `value` or more (`count` when none does),
  /// by binary search.
  func lowerBound(of value: Element) -> Int {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      if self[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
