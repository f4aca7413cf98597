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
    // (hash, record) for every sampled shingle of every alive record, sorted by hash.
    var entries: [(hash: UInt64, record: Int32)] = []
    entries.reserveCapacity(table.samples.count)
    for i in 0..<n where alive[i] {
      for h in table.samples(i) { entries.append((h, Int32(i))) }
    }
    entries.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.record < $1.record }
    var keys: [UInt64] = []
    var groupStart: [Int] = []
    for (position, entry) in entries.enumerated() where keys.last != entry.hash {
      keys.append(entry.hash)
      groupStart.append(position)
    }
    groupStart.append(entries.count)
    var counts = (0..<keys.count).map { Int32(groupStart[$0 + 1] - groupStart[$0]) }

    func group(_ h: UInt64) -> Int {
      var lo = 0
      var hi = keys.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if keys[mid] < h { lo = mid + 1 } else { hi = mid }
      }
      return lo
    }
    func coverage(_ i: Int) -> Double {
      let samples = table.samples(i)
      guard !samples.isEmpty else { return 0 }
      var covered = 0
      for h in samples where counts[group(h)] >= 2 { covered += 1 }
      return Double(covered) / Double(samples.count)
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
      for h in table.samples(i) { counts[group(h)] -= 1 }
      removed.append((i, c))
    }

    var clusters: [DedupCluster] = []
    for (record, cover) in removed.sorted(by: { $0.record < $1.record }) {
      let samples = table.samples(record)
      var tally: [Int: Int] = [:]
      for h in samples {
        let g = group(h)
        var credited = 0
        for position in groupStart[g]..<groupStart[g + 1] where credited < maxHoldersPerShingle {
          let holder = Int(entries[position].record)
          if holder != record && alive[holder] {
            tally[holder, default: 0] += 1
            credited += 1
          }
        }
      }
      let ranked = tally.sorted { $0.value != $1.value ? $0.value > $1.value : prefers($0.key, $1.key) }
      guard let top = ranked.first else { continue }
      let total = Double(samples.count)
      let sources = ranked.prefix(5).map { (record: $0.key, containment: Double($0.value) / total) }
      let member = DedupCluster.Member(
        record: record, kind: .partial, similarity: Double(top.value) / total, coverage: cover, sources: sources)
      clusters.append(DedupCluster(kind: .partial, kept: top.key, representative: top.key, removed: [member], pairs: []))
    }
    return clusters
  }
}
