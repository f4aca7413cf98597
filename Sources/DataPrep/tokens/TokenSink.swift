/// Where an encoder puts token ids: an array of ids, or just a count.
///
/// Generic (not a closure) so the encoder specialises for each and counting allocates nothing.
protocol TokenSink {
  /// Takes the next token id.
  mutating func append(_ id: UInt32)
}

/// A sink that only counts.
struct TokenCountSink: TokenSink {
  var count = 0
  @inline(__always) mutating func append(_ id: UInt32) { count += 1 }
}

/// A sink that collects ids.
struct TokenIDSink: TokenSink {
  var ids: [Int] = []
  @inline(__always) mutating func append(_ id: UInt32) { ids.append(Int(id)) }
}
