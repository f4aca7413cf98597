/// The byte-pair merge loops: split one pre-tokenizer piece into tokens.
///
/// Both repeatedly merge the adjacent pair with the lowest rank, leftmost first on ties, which
/// is what tiktoken and Hugging Face `tokenizers` do. They differ in how a pair is ranked:
/// tiktoken ranks a pair by the rank of the merged bytes as a token; Hugging Face by the
/// position of the pair in the `merges` list.
enum BytePairMerge {
  /// tiktoken's merge over `piece[0..<length]` (`length >= 2`), ranks from `table`.
  /// `readable` is how many bytes may be read from `piece` (at least `length`).
  static func mergeByTokenRank<Sink: TokenSink>(
    _ piece: UnsafePointer<UInt8>, _ length: Int, readable: Int, table: TokenTable, into sink: inout Sink
  ) {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: length + 1) { starts in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: length + 1) { ranks in
        for i in 0...length { starts[i] = i }
        for i in 0..<(length - 1) {
          ranks[i] = table.lookup(piece + i, 2, readable: readable - i) ?? .max
        }
        ranks[length - 1] = .max
        ranks[length] = .max
        var parts = length + 1
        // The rank of parts i, i+1, i+2 merged into one, when parts i+1 and i+2 are about to merge.
        func rank(at i: Int) -> UInt32 {
          guard i + 3 < parts else { return .max }
          let start = starts[i]
          return table.lookup(piece + start, starts[i + 3] - start, readable: readable - start) ?? .max
        }
        while true {
          var best = UInt32.max
          var at = 0
          for i in 0..<(parts - 1) where ranks[i] < best {
            best = ranks[i]
            at = i
          }
          if best == .max { break }
          if at > 0 { ranks[at - 1] = rank(at: at - 1) }
          ranks[at] = rank(at: at)
          // Remove boundary at + 1.
          var j = at + 1
          while j < parts - 1 {
            starts[j] = starts[j + 1]
            ranks[j] = ranks[j + 1]
            j += 1
          }
          parts -= 1
        }
        for i in 0..<(parts - 1) {
          let start = starts[i]
          let id = table.lookup(piece + start, starts[i + 1] - start, readable: readable - start)
          sink.append(id ?? table.byteIDs[Int(piece[start])])
        }
      }
    }
  }

  /// Hugging Face's merge over the single-byte tokens of `piece[0..<length]`, ranked by
  /// `merges` (pair of ids packed as `left << 32 | right` to `rank << 32 | merged id`).
  static func mergeByPairRank<Sink: TokenSink>(
    _ piece: UnsafePointer<UInt8>, _ length: Int, table: TokenTable, merges: [UInt64: UInt64],
    into sink: inout Sink
  ) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: length) { ids in
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: length) { pairs in
        for i in 0..<length { ids[i] = table.byteIDs[Int(piece[i])] }
        var count = length
        func pair(at i: Int) -> UInt64 {
          guard i + 1 < count else { return .max }
          return merges[UInt64(ids[i]) << 32 | UInt64(ids[i + 1])] ?? .max
        }
        for i in 0..<length { pairs[i] = pair(at: i) }
        while true {
          var best = UInt64.max
          var at = 0
          for i in 0..<(count - 1) where pairs[i] < best {
            best = pairs[i]
            at = i
          }
          if best == .max { break }
          ids[at] = UInt32(truncatingIfNeeded: best)
          var j = at + 1
          while j < count - 1 {
            ids[j] = ids[j + 1]
            pairs[j] = pairs[j + 1]
            j += 1
          }
          count -= 1
          pairs[at] = pair(at: at)
          if at > 0 { pairs[at - 1] = pair(at: at - 1) }
        }
        for i in 0..<count { sink.append(ids[i]) }
      }
    }
  }
}
