/// Partial copies over the signature parts of a sharded job without holding the corpus: the
/// same decisions, in the same order, as ``PartialCopyFinder`` over the whole table (the sharded
/// tests compare them), with memory bounded by a budget rather than by the records' shingles.
///
/// ``PartialCopyFinder`` counts, for every shingle a kept record is judged on, how many kept
/// records hold it; a record is a candidate when most of its judged shingles are held twice.
/// Here those counts are taken in passes over the parts, each over the shingles whose hash falls
/// in one of `passes` ranges: a pass holds only its range's count table, and adds to three
/// numbers per record (shingles judged, covered, held). The candidates are then decided by the
/// same sequential rule, on a count table of the candidates' shingles only (one more pass counts
/// their holders), and one last pass finds the kept records holding what was removed (the
/// sources). Memory: about 40 bytes per shingle occurrence of the largest range, about 22 bytes
/// per record, and about 30 bytes per shingle of the candidates.
struct StreamedPartialCopyFinder {
  let options: DedupOptions
  let store: DedupSignatureStore
  /// Bytes a pass's count table may take; more shingles mean more passes.
  var budget = 256 << 20
  /// At most this many holders of one shingle are credited when naming sources (as ``PartialCopyFinder``).
  let maxHoldersPerShingle = 64

  /// One record's keys, as the parts give them.
  typealias Visit = (Int, ArraySlice<UInt64>, ArraySlice<UInt64>) throws -> Void

  /// The partial copies among `alive` records (references count as holders, never as copies).
  func find(alive aliveIn: [Bool], prefers: (Int, Int) -> Bool) throws -> [DedupCluster] {
    var alive = aliveIn
    let n = store.count
    let hasSets = store.parts.allSatisfy(\.hasSets)
    let sampling = options.partialSampling
    let limit = options.partialSampleLimit
    // Pass 0: which records are judged whole, and how many shingles there are.
    var whole = [Bool](repeating: false, count: n)
    var occurrences = 0
    try forEachRecord(sets: hasSets) { i, samples, set in
      guard alive[i] else { return }
      whole[i] = sampling <= 1 || (hasSets && set.count < options.partialWholeBelow)
      occurrences += whole[i] ? set.count : samples.count
      if hasSets && !whole[i] { occurrences += set.count - samples.count }
    }
    let extrasOn = hasSets && sampling > 1 && whole.contains(true)
    func judged(_ i: Int, _ samples: ArraySlice<UInt64>, _ set: ArraySlice<UInt64>) -> ArraySlice<UInt64> {
      whole[i] ? set : samples
    }
    // Counting passes, one per hash range.
    let passes = max(1, min(4096, (occurrences * 40 + budget - 1) / max(1, budget)))
    func range(_ key: UInt64) -> Int { Int(((key &* 0x9E37_79B9_7F4A_7C15) >> 32) % UInt64(passes)) }
    var judgedCount = [UInt32](repeating: 0, count: n)
    var heldCount = [UInt32](repeating: 0, count: n)
    var covered = [UInt32](repeating: 0, count: n)
    var expectedPerPass = [Int](repeating: 0, count: passes)
    if passes == 1 {
      expectedPerPass[0] = occurrences
    } else {
      try forEachRecord(sets: hasSets) { i, samples, set in
        guard alive[i] else { return }
        for key in judged(i, samples, set) { expectedPerPass[range(key)] += 1 }
      }
    }
    for pass in 0..<passes {
      let expected = expectedPerPass[pass]
      var counts = ShingleCountTable(expected: expected)
      var slots: [Int32] = []
      slots.reserveCapacity(expected)
      var perRecord = [UInt32](repeating: 0, count: n)
      var pending: [(record: Int32, key: UInt64)] = []
      try forEachRecord(sets: hasSets) { i, samples, set in
        guard alive[i] else { return }
        for key in judged(i, samples, set) where range(key) == pass {
          slots.append(counts.add(key))
          perRecord[i] += 1
        }
        if extrasOn && !whole[i] {
          for key in set where key > limit && range(key) == pass { pending.append((Int32(i), key)) }
        }
      }
      for entry in pending {
        if let slot = counts.slot(of: entry.key) {
          counts.increment(slot)
          heldCount[Int(entry.record)] += 1
        }
      }
      pending = []
      var position = 0
      for i in 0..<n where perRecord[i] > 0 {
        for e in position..<(position + Int(perRecord[i])) where counts.counts[Int(slots[e])] >= 2 { covered[i] += 1 }
        position += Int(perRecord[i])
        judgedCount[i] += perRecord[i]
      }
    }
    for i in 0..<n { heldCount[i] += judgedCount[i] }
    let threshold = options.containment - 1e-9
    func reaches(_ covered: Int, of total: Int) -> Bool { total > 0 && Double(covered) / Double(total) >= threshold }
    let minimum = options.partialMinimumSamples
    var candidates: [Int] = []
    for i in 0..<n where alive[i] && !store.isReference(i) {
      let count = Int(judgedCount[i])
      let enough = whole[i] ? count >= minimum * sampling : count >= minimum
      if enough && reaches(Int(covered[i]), of: count) { candidates.append(i) }
    }
    covered = []
    candidates.sort { a, b in heldCount[a] != heldCount[b] ? heldCount[a] > heldCount[b] : prefers(b, a) }
    heldCount = []
    guard !candidates.isEmpty else { return [] }

    // The candidates' shingles, flat in record order: judged ones, then those they may hold for
    // others (extras), as slots of one key table.
    var isCandidate = [Bool](repeating: false, count: n)
    for c in candidates { isCandidate[c] = true }
    let byRecord = candidates.sorted()
    var judgedKeys: [UInt64] = []
    var judgedStart: [Int] = [0]
    var extraKeys: [UInt64] = []
    var extraStart: [Int] = [0]
    try forEachRecord(sets: hasSets) { i, samples, set in
      guard isCandidate[i] else { return }
      judgedKeys += judged(i, samples, set)
      judgedStart.append(judgedKeys.count)
      if extrasOn && !whole[i] { extraKeys += set.filter { $0 > limit } }
      extraStart.append(extraKeys.count)
    }
    isCandidate = []
    let keys = SortedKeyIndex(judgedKeys + extraKeys)
    let judgedSlots = judgedKeys.map { Int32(keys.keys.lowerBound(of: $0)) }
    let extraSlots = extraKeys.map { Int32(keys.keys.lowerBound(of: $0)) }
    judgedKeys = []
    extraKeys = []
    // Their holders among the records present: judged (J) and held for others (E).
    var holdersJudged = [Int32](repeating: 0, count: keys.count)
    var holdersExtra = [Int32](repeating: 0, count: extrasOn ? keys.count : 0)
    try forEachRecord(sets: hasSets) { i, samples, set in
      guard alive[i] else { return }
      for key in judged(i, samples, set) {
        if let slot = keys.slot(of: key) { holdersJudged[Int(slot)] += 1 }
      }
      if extrasOn && !whole[i] {
        for key in set where key > limit {
          if let slot = keys.slot(of: key) { holdersExtra[Int(slot)] += 1 }
        }
      }
    }
    // Each candidate's slots: judged, then the extras some record present judges.
    var allSlots: [Int32] = []
    var allStart: [Int] = [0]
    for p in byRecord.indices {
      allSlots += judgedSlots[judgedStart[p]..<judgedStart[p + 1]]
      allSlots += extraSlots[extraStart[p]..<extraStart[p + 1]].filter { holdersJudged[Int($0)] > 0 }
      allStart.append(allSlots.count)
    }
    // The holders of each slot, as PartialCopyFinder counts them (extras only of judged shingles).
    var counts = holdersJudged
    holdersJudged = []
    if extrasOn {
      for slot in counts.indices where counts[slot] > 0 { counts[slot] += holdersExtra[slot] }
    }
    holdersExtra = []
    func judgedOf(_ record: Int) -> ArraySlice<Int32> {
      let p = byRecord.lowerBound(of: record)
      return judgedSlots[judgedStart[p]..<judgedStart[p + 1]]
    }
    func allOf(_ record: Int) -> ArraySlice<Int32> {
      let p = byRecord.lowerBound(of: record)
      return allSlots[allStart[p]..<allStart[p + 1]]
    }

    // The sequential rule of PartialCopyFinder, on the candidates' slots.
    func coverage(_ i: Int) -> Int { judgedOf(i).reduce(0) { $0 + (counts[Int($1)] >= 2 ? 1 : 0) } }
    var coveredOfRemoved: [Int: Int] = [:]
    // The removed records holding each slot, as linked lists through flat arrays.
    var holdingHead = [Int32](repeating: -1, count: keys.count)
    var holdingNext: [Int32] = []
    var holdingRecord: [Int32] = []
    var removed: [Int] = []
    for i in candidates {
      let total = judgedOf(i).count
      let now = coverage(i)
      guard reaches(now, of: total) else { continue }
      var losses: [Int: Int] = [:]
      for slot in allOf(i) where counts[Int(slot)] == 1 {
        var e = holdingHead[Int(slot)]
        while e >= 0 {
          losses[Int(holdingRecord[Int(e)]), default: 0] += 1
          e = holdingNext[Int(e)]
        }
      }
      let wouldLose = losses.contains { r, lost in !reaches((coveredOfRemoved[r] ?? 0) - lost, of: judgedOf(r).count) }
      if wouldLose { continue }
      for (r, lost) in losses { coveredOfRemoved[r, default: 0] -= lost }
      alive[i] = false
      for slot in allOf(i) { counts[Int(slot)] -= 1 }
      for slot in judgedOf(i) {
        holdingNext.append(holdingHead[Int(slot)])
        holdingRecord.append(Int32(i))
        holdingHead[Int(slot)] = Int32(holdingNext.count - 1)
      }
      coveredOfRemoved[i] = now
      removed.append(i)
    }
    holdingHead = []
    holdingNext = []
    holdingRecord = []
    counts = []
    guard !removed.isEmpty else { return [] }

    // Sources: the records present holding the removed records' judged shingles, at most
    // `maxHoldersPerShingle` each, in record order: (slot, record) pairs packed and sorted.
    var credits = [UInt8](repeating: 0, count: keys.count)
    for record in removed { for slot in judgedOf(record) { credits[Int(slot)] = 1 } }
    var holders: [UInt64] = []
    func credit(_ key: UInt64, _ i: Int) {
      guard let slot = keys.slot(of: key), credits[Int(slot)] > 0, Int(credits[Int(slot)]) <= maxHoldersPerShingle else { return }
      credits[Int(slot)] += 1
      holders.append(UInt64(UInt32(bitPattern: slot)) << 32 | UInt64(i))
    }
    try forEachRecord(sets: hasSets) { i, samples, set in
      guard alive[i] else { return }
      for key in judged(i, samples, set) { credit(key, i) }
      if extrasOn && !whole[i] {
        // A shingle is held for others only when some record judges it: true of every wanted one.
        for key in set where key > limit { credit(key, i) }
      }
    }
    holders.sort()
    func holdersOf(_ slot: Int32) -> [Int32] {
      let base = UInt64(UInt32(bitPattern: slot)) << 32
      let start = holders.lowerBound(of: base)
      var list: [Int32] = []
      var k = start
      while k < holders.count && holders[k] >> 32 == base >> 32 {
        list.append(Int32(truncatingIfNeeded: holders[k] & 0xFFFF_FFFF))
        k += 1
      }
      return list
    }
    return removed.sorted().compactMap { record in
      let lists = judgedOf(record).map(holdersOf)
      return PartialCopyFinder.cluster(removed: record, holders: lists, covered: coveredOfRemoved[record] ?? 0, prefers: prefers)
    }
  }

  /// Calls `visit` with every record's number, samples and (with exact verification) shingle
  /// set, in record order, reading the parts a run at a time.
  private func forEachRecord(sets: Bool, _ visit: Visit) throws {
    try store.forEachRun(batch: 2048) { start, part, range in
      let sampleBounds: [UInt64] = try part.read(.sampleOffsets, range.lowerBound..<(range.upperBound + 1))
      let samples: [UInt64] = try part.read(.samples, Int(sampleBounds[0])..<Int(sampleBounds[sampleBounds.count - 1]))
      var setBounds: [UInt64] = []
      var setKeys: [UInt64] = []
      if sets {
        setBounds = try part.read(.setOffsets, range.lowerBound..<(range.upperBound + 1))
        setKeys = try part.read(.shingleSets, Int(setBounds[0])..<Int(setBounds[setBounds.count - 1]))
      }
      for k in 0..<range.count {
        let s = (Int(sampleBounds[k]) - Int(sampleBounds[0]))..<(Int(sampleBounds[k + 1]) - Int(sampleBounds[0]))
        let t = sets ? (Int(setBounds[k]) - Int(setBounds[0]))..<(Int(setBounds[k + 1]) - Int(setBounds[0])) : 0..<0
        try visit(start + k, samples[s], setKeys[t])
      }
    }
  }
}
