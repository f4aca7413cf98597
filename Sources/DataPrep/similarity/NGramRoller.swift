/// Hashes every run of `n` consecutive words with a rolling polynomial hash over the words'
/// stable hashes: one multiply-add per word whatever `n`, and the same value for the same
/// n-gram in every record, run and machine.
struct NGramRoller: Sendable {
  /// Words per n-gram.
  let n: Int
  private let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
  /// `multiplier` to the power `n`, to take the word leaving the window out.
  private let leaving: UInt64

  init(n: Int) {
    self.n = max(1, n)
    var p: UInt64 = 1
    for _ in 0..<self.n { p = p &* 0x9E37_79B9_7F4A_7C15 }
    leaving = p
  }

  /// Calls `body(start, hash)` for each n-gram of `words` in order (none when there are fewer
  /// than `n` words).
  @inline(__always)
  func forEach(_ words: UnsafeBufferPointer<UInt64>, _ body: (Int, UInt64) -> Void) {
    let count = words.count
    guard count >= n else { return }
    var h: UInt64 = 0
    for k in 0..<n { h = h &* multiplier &+ words[k] }
    body(0, Self.finish(h))
    var start = 1
    while start + n <= count {
      h = h &* multiplier &- words[start - 1] &* leaving &+ words[start + n - 1]
      body(start, Self.finish(h))
      start += 1
    }
  }

  /// The hash of one n-gram (the same value ``forEach(_:_:)`` gives it).
  func hash(_ words: ArraySlice<UInt64>) -> UInt64 {
    var h: UInt64 = 0
    for w in words { h = h &* multiplier &+ w }
    return Self.finish(h)
  }

  @inline(__always)
  static func finish(_ h: UInt64) -> UInt64 {
    let v = XXH64.avalanche(h)
    return v == 0 ? 1 : v
  }
}
