/// Finds partial copies: records most of whose content (`containment` of their sampled
/// shingles) also occurs in other surviving records, such as a page that embeds another, or
/// half of one document glued to half of another, which MinHash (a whole-set similarity) misses.
///
/// Every surviving record's sampled shingles go into one sorted index with a count per shingle.
/// Records whose coverage (fraction of their shingles held by some other record) reaches the
/// threshold are candidates; they are removed least-preferred first, each time re-checking its
/// coverage against the records still present, so of two records that cover each other only one
/// goes. Deterministic: it depends only on the records and the keep order.
struct PartialCopyFinder {
  let options: DedupOptions
  let table: SketchTable
  /// At most this many holders of one shingle are credited when naming sources.
  let maxHoldersPerShingle = 64

  init(options: DedupOptions, table: SketchTable) {
    self.options = options
    self.table = table
  }

  /// The partial copies among `alive` records (references count as holders, never as copies),
  /// one cluster per copy naming the record holding most of it as kept.
  func find(alive aliveIn: [Bool], prefers: (Int, Int) -> Bool) -> [DedupCluster] {
    var alive = aliveIn
    let n = table.count
    // Count, for every sampled shingle, how many alive records hold it (open addressing).
    var aliveSamples = 0
    for i in 0..<n where alive[i] { aliveSamples += table.sampleOffsets[i + 1] - table.sampleOffsets[i] }
    var capacity = 16
    while capacity < aliveSamples + aliveSamples / 2 { capacity <<= 1 }
    let mask = capacity - 1
    var keys = [UInt64](repeating: 0, count: capacity)
    var counts = [Int32](repeating: 0, count: capacity)
    // The slot of each sample (flat index into table.samples), -1 for samples of dead records.
    var slotOfSample = [Int32](repeating: -1, count: table.samples.count)
    table.samples.withUnsafeBufferPointer { samples in
      for i in 0..<n where alive[i] {
        for f in table.sampleOffsets[i]..<table.sampleOffsets[i + 1] {
          let h = samples[f]
          var slot = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
          while counts[slot] != 0 && keys[slot] != h { slot = (slot + 1) & mask }
          keys[slot] = h
          counts[slot] += 1
          slotOfSample[f] = Int32(slot)
        }
      }
    }

    func coverage(_ i: Int) -> Double {
      let range = table.sampleOffsets[i]..<table.sampleOffsets[i + 1]
      guard !range.isEmpty else { return 0 }
      var covered = 0
      for f in range where counts[Int(slotOfSample[f])] >= 2 { covered += 1 }
      return Double(covered) / Double(range.count)
    }

    let threshold = options.containment - 1e-9
    var candidates: [Int] = []
    for i in 0..<n where alive[i] && !table.isReference(i) && table.samples(i).count >= options.partialMinimumSamples {
      if coverage(i) >= threshold { candidates.append(i) }
    }
    // Least preferred first: they are the ones to remove when two records cover each other.
    candidates.sort { prefers($1, $0) }
    var removed: [(record: Int, coverage: Double)] = []
    for i in candidates {
      let c = coverage(i)
      guard c >= threshold else { continue }
      alive[i] = false
      for f in table.sampleOffsets[i]..<table.sampleOffsets[i + 1] { counts[Int(slotOfSample[f])] -= 1 }
      removed.append((i, c))
    }

    // Name the holders of each removed record's shingles: index the records' samples that occur
    // in some removed record (holders still present are credited first).
    var holders: [Int32: [Int32]] = [:]  // slot -> records still present holding it
    var removedHolders: [Int32: [Int32]] = [:]  // slot -> partial copies holding it (a fallback)
    var wanted = [Bool](repeating: false, count: capacity)
    for (record, _) in removed {
      for f in table.sampleOffsets[record]..<table.sampleOffsets[record + 1] { wanted[Int(slotOfSample[f])] = true }
    }
    for i in 0..<n where aliveIn[i] && !removed.isEmpty {
      for f in table.sampleOffsets[i]..<table.sampleOffsets[i + 1] {
        let slot = slotOfSample[f]
        guard wanted[Int(slot)] else { continue }
        if alive[i] {
          if holders[slot, default: []].count < maxHoldersPerShingle { holders[slot, default: []].append(Int32(i)) }
        } else if removedHolders[slot, default: []].count < maxHoldersPerShingle {
          removedHolders[slot, default: []].append(Int32(i))
        }
      }
    }
    var clusters: [DedupCluster] = []
    for (record, cover) in removed.sorted(by: { $0.record < $1.record }) {
      let total = Double(table.sampleOffsets[record + 1] - table.sampleOffsets[record])
      var tally: [Int: Int] = [:]
      var fallback: [Int: Int] = [:]
      for f in table.sampleOffsets[record]..<table.sampleOffsets[record + 1] {
        for holder in holders[slotOfSample[f]] ?? [] { tally[Int(holder), default: 0] += 1 }
        for holder in removedHolders[slotOfSample[f]] ?? [] where Int(holder) != record {
          fallback[Int(holder), default: 0] += 1
        }
      }
      if tally.isEmpty { tally = fallback }
      let ranked = tally.sorted { $0.value != $1.value ? $0.value > $1.value : prefers($0.key, $1.key) }
      guard let top = ranked.first else { continue }
      let sources = ranked.prefix(5).map { (record: $0.key, containment: Double($0.value) / total) }
      let member = DedupCluster.Member(
        record: record, kind: .partial, similarity: Double(top.value) / total, coverage: cover, sources: sources)
      clusters.append(DedupCluster(kind: .partial, kept: top.key, representative: top.key, removed: [member], pairs: []))
    }
    return clusters
  }
}
