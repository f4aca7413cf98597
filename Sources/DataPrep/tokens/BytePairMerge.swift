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
    if length > largePiece {
      mergeWindowedByTokenRank(piece, length, readable: readable, table: table, into: &sink)
      return
    }
    withUnsafeTemporaryAllocation(of: Int.self, capacity: length + 1) { starts in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: length + 1) { ranks in
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: length) { ids in
          for i in 0...length { starts[i] = i }
          for i in 0..<length { ids[i] = table.byteIDs[Int(piece[i])] }
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
            // A tiktoken rank is the merged token's id.
            ids[at] = best
            // Remove boundary at + 1.
            var j = at + 1
            while j < parts - 1 {
              starts[j] = starts[j + 1]
              ranks[j] = ranks[j + 1]
              if j < parts - 2 { ids[j] = ids[j + 1] }
              j += 1
            }
            parts -= 1
          }
          for i in 0..<(parts - 1) { sink.append(ids[i]) }
        }
      }
    }
  }

  /// Pieces longer than this merge through a heap (O(n log n)) instead of rescanning every pair
  /// after each merge (O(n²), faster for the short pieces that make up nearly all text).
  static let largePiece = 256

  /// Pieces longer than this (a run of one character, a line of base64 or of NULs) merge one
  /// window at a time, so the merge's memory (about 45 bytes per byte of the window) stays
  /// fixed instead of growing with the piece: 128 KiB, about 6 MB.
  ///
  /// Each window keeps the tokens that end at least ``windowMargin`` bytes before its end and
  /// the next window starts where the last kept token ends. The whole-piece merge has no limit
  /// (tiktoken's neither), so this is exact when what follows a window's margin does not change
  /// the tokens before it: merges are local and ties go to the leftmost pair, so runs of one
  /// byte and periodic text merge from the left. `LongPieceTests` checks windowed against
  /// whole-piece merges on long runs, random letters and random bytes with windows of a few
  /// hundred bytes; at 8 KiB of margin the effect of the right context never reaches a kept token.
  static let window = 128 << 10
  /// The bytes at the end of each window whose tokens are merged again in the next window.
  static let windowMargin = 8 << 10

  /// ``mergeLargeByTokenRank(_:_:readable:table:emitUpTo:into:)`` one `window` at a time
  /// (see ``window``); `window` and `margin` are parameters for the tests.
  static func mergeWindowedByTokenRank<Sink: TokenSink>(
    _ piece: UnsafePointer<UInt8>, _ length: Int, readable: Int, table: TokenTable,
    window: Int = window, margin: Int = windowMargin, into sink: inout Sink
  ) {
    var start = 0
    while length - start > window {
      start += mergeLargeByTokenRank(
        piece + start, window, readable: readable - start, table: table, emitUpTo: window - margin, into: &sink)
    }
    mergeLargeByTokenRank(piece + start, length - start, readable: readable - start, table: table, into: &sink)
  }

  /// ``mergeLargeByPairRank(_:_:table:merges:emitUpTo:into:)`` one `window` at a time.
  static func mergeWindowedByPairRank<Sink: TokenSink>(
    _ piece: UnsafePointer<UInt8>, _ length: Int, table: TokenTable, merges: [UInt64: UInt64],
    window: Int = window, margin: Int = windowMargin, into sink: inout Sink
  ) {
    var start = 0
    while length - start > window {
      start += mergeLargeByPairRank(
        piece + start, window, table: table, merges: merges, emitUpTo: window - margin, into: &sink)
    }
    mergeLargeByPairRank(piece + start, length - start, table: table, merges: merges, into: &sink)
  }

  /// ``mergeByTokenRank(_:_:readable:table:into:)`` for long pieces: a linked list of parts and a
  /// min-heap of `(rank, position)` pair merges, stale entries skipped. Same result: the lowest
  /// rank merges first, the leftmost on ties.
  /// Emits only the tokens that end at or before `emitUpTo` and returns where the last one ends.
  @discardableResult
  static func mergeLargeByTokenRank<Sink: TokenSink>(
    _ piece: UnsafePointer<UInt8>, _ length: Int, readable: Int, table: TokenTable, emitUpTo: Int = .max,
    into sink: inout Sink
  ) -> Int {
    // Part i starts at byte i while alive; next[i] is the start of the following part (length: none).
    var next = [Int](unsafeUninitializedCapacity: length) { buffer, count in
      for i in 0..<length { buffer[i] = i + 1 }
      count = length
    }
    var previous = [Int](unsafeUninitializedCapacity: length) { buffer, count in
      for i in 0..<length { buffer[i] = i - 1 }
      count = length
    }
    var alive = [Bool](repeating: true, count: length)
    var pairRank = [UInt32](repeating: .max, count: length)
    var heap = MinHeap()
    func rank(_ i: Int) -> UInt32 {
      let following = next[i]
      guard following < length else { return .max }
      let end = next[following]
      return table.lookup(piece + i, end - i, readable: readable - i) ?? .max
    }
    for i in 0..<(length - 1) {
      pairRank[i] = rank(i)
      if pairRank[i] != .max { heap.push(UInt64(pairRank[i]) << 32 | UInt64(i)) }
    }
    while let top = heap.pop() {
      let i = Int(top & 0xFFFF_FFFF)
      let r = UInt32(top >> 32)
      guard alive[i], pairRank[i] == r, next[i] < length else { continue }
      let removed = next[i]
      alive[removed] = false
      next[i] = next[removed]
      if next[i] < length { previous[next[i]] = i }
      pairRank[i] = rank(i)
      if pairRank[i] != .max { heap.push(UInt64(pairRank[i]) << 32 | UInt64(i)) }
      let before = previous[i]
      if before >= 0 {
        pairRank[before] = rank(before)
        if pairRank[before] != .max { heap.push(UInt64(pairRank[before]) << 32 | UInt64(before)) }
      }
    }
    var i = 0
    while i < length {
      let end = next[i]
      // Always at least one token, so a window makes progress.
      if end > emitUpTo && i > 0 { break }
      let id = table.lookup(piece + i, end - i, readable: readable - i)
      sink.append(id ?? table.byteIDs[Int(piece[i])])
      i = end
    }
    return i
  }

  /// Hugging Face's merge over the single-byte tokens of `piece[0..<length]`, ranked by
  /// `merges` (pair of ids packed as `left << 32 | right` to `rank << 32 | merged id`).
  static func mergeByPairRank<Sink: TokenSink>(
    _ piece: UnsafePointer<UInt8>, _ length: Int, table: TokenTable, merges: [UInt64: UInt64],
    into sink: inout Sink
  ) {
    if length > largePiece {
      mergeWindowedByPairRank(piece, length, table: table, merges: merges, into: &sink)
      return
    }
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

extension BytePairMerge {
  /// ``mergeByPairRank(_:_:table:merges:into:)`` for long pieces, through a heap.
  /// Emits only the tokens that end at or before `emitUpTo` and returns where the last one ends.
  @discardableResult
  static func mergeLargeByPairRank<Sink: TokenSink>(
    _ piece: UnsafePointer<UInt8>, _ length: Int, table: TokenTable, merges: [UInt64: UInt64],
    emitUpTo: Int = .max, into sink: inout Sink
  ) -> Int {
    var ids = (0..<length).map { table.byteIDs[Int(piece[$0])] }
    var next = Array(1...length)
    var previous = Array(-1..<(length - 1))
    var alive = [Bool](repeating: true, count: length)
    var pair = [UInt64](repeating: .max, count: length)
    var heap = MinHeap()
    func lookup(_ i: Int) -> UInt64 {
      let following = next[i]
      guard following < length else { return .max }
      return merges[UInt64(ids[i]) << 32 | UInt64(ids[following])] ?? .max
    }
    func schedule(_ i: Int) {
      pair[i] = lookup(i)
      if pair[i] != .max { heap.push((pair[i] >> 32) << 32 | UInt64(i)) }
    }
    for i in 0..<(length - 1) { schedule(i) }
    while let top = heap.pop() {
      let i = Int(top & 0xFFFF_FFFF)
      guard alive[i], pair[i] != .max, pair[i] >> 32 == top >> 32, next[i] < length else { continue }
      let removed = next[i]
      alive[removed] = false
      ids[i] = UInt32(truncatingIfNeeded: pair[i])
      next[i] = next[removed]
      if next[i] < length { previous[next[i]] = i }
      schedule(i)
      if previous[i] >= 0 { schedule(previous[i]) }
    }
    var i = 0
    while i < length {
      if next[i] > emitUpTo && i > 0 { break }
      sink.append(ids[i])
      i = next[i]
    }
    return i
  }
}
