/// Finds partial copies: records most of whose content (`containment` of their shingles) also
/// occurs in other records that are kept, such as a page that embeds another, or half of one
/// document glued to half of another, which MinHash (a whole-set similarity) misses.
///
/// Every surviving record's shingles go into one hash table with a count of holders per shingle
/// (``ShingleCountTable``). Long records are judged on one shingle in `partialSampling` (chosen
/// by hash, so the same in every record); records with fewer than `partialWholeBelow`
/// distinct shingles are judged on all of them, since a sample of a short record is too small
/// to measure (with exact verification, which keeps the shingle sets; long records then index
/// every shingle a short record has, so a short record's shingles are found in them).
///
/// Records whose coverage (share of their judged shingles held by some other record) reaches
/// the threshold are candidates. They are decided largest first (a compilation of other
/// records goes before its parts), then least preferred first, each re-checked
/// against the records still present; a record is removed only when that leaves every record
/// removed before it still covered by the records present, so what is removed is always held
/// by kept records (never by records that went too, in a chain or a cycle of containment).
/// Deterministic: it depends only on the records and the keep order.
struct PartialCopyFinder {
  let options: DedupOptions
  let table: SketchTable
  /// At most this many holders of one shingle are credited when naming sources.
  let maxHoldersPerShingle = 64

  init(options: DedupOptions, table: SketchTable) {
    self.options = options
    self.table = table
  }

  /// The slots of each record's shingles in the count table: `judged` (the shingles its
  /// coverage is measured on) then `extra` (shingles it only holds for others).
  private struct Entries {
    var slots: [Int32] = []
    var offsets: [Int] = [0]
    /// End of record `i`'s judged slots (its extras run to `offsets[i + 1]`).
    var judgedEnds: [Int] = []

    func judged(_ i: Int) -> Range<Int> { offsets[i]..<judgedEnds[i] }
    func all(_ i: Int) -> Range<Int> { offsets[i]..<offsets[i + 1] }
  }

  /// Whether record `i` is judged on all its shingles rather than a sample.
  private func isWhole(_ i: Int, hasSets: Bool) -> Bool {
    options.partialSampling <= 1 || (hasSets && table.shingleSet(i).count < options.partialWholeBelow)
  }

  /// The partial copies among `alive` records (references count as holders, never as copies),
  /// one cluster per copy naming the kept record holding most of it.
  func find(alive aliveIn: [Bool], prefers: (Int, Int) -> Bool) -> [DedupCluster] {
    var alive = aliveIn
    let n = table.count
    let hasSets = table.setOffsets.count == n + 1
    let sampleLimit = options.partialSampleLimit
    let whole = (0..<n).map { alive[$0] && isWhole($0, hasSets: hasSets) }
    func judgedKeys(_ i: Int) -> ArraySlice<UInt64> { whole[i] ? table.shingleSet(i) : table.samples(i) }

    var expected = 0
    for i in 0..<n where alive[i] { expected += judgedKeys(i).count }
    var counts = ShingleCountTable(expected: expected)
    var entries = Entries()
    entries.slots.reserveCapacity(expected)
    for i in 0..<n {
      if alive[i] {
        for key in judgedKeys(i) { entries.slots.append(counts.add(key)) }
      }
      entries.judgedEnds.append(entries.slots.count)
      entries.offsets.append(entries.slots.count)
    }
    // Long records also hold the unsampled shingles of whole records: add them as extras.
    if hasSets && options.partialSampling > 1 && whole.contains(true) {
      var extras: [[Int32]] = Array(repeating: [], count: n)
      for i in 0..<n where alive[i] && !whole[i] {
        for key in table.shingleSet(i) where key > sampleLimit {
          if let slot = counts.slot(of: key) { extras[i].append(slot) }
        }
      }
      var merged = Entries()
      merged.slots.reserveCapacity(entries.slots.count + extras.reduce(0) { $0 + $1.count })
      for i in 0..<n {
        merged.slots += entries.slots[entries.all(i)]
        merged.judgedEnds.append(merged.slots.count)
        for slot in extras[i] {
          counts.increment(slot)
          merged.slots.append(slot)
        }
        merged.offsets.append(merged.slots.count)
      }
      entries = merged
    }

    let threshold = options.containment - 1e-9
    func judgedCount(_ i: Int) -> Int { entries.judged(i).count }
    func coverage(_ i: Int, holders: Int32) -> Int {
      var covered = 0
      for e in entries.judged(i) where counts.counts[Int(entries.slots[e])] >= holders { covered += 1 }
      return covered
    }
    func reaches(_ covered: Int, of total: Int) -> Bool { total > 0 && Double(covered) / Double(total) >= threshold }

    let minimum = options.partialMinimumSamples
    var candidates: [Int] = []
    for i in 0..<n where alive[i] && !table.isReference(i) {
      // A whole record needs as many shingles as a sampled one needs samples, times the sampling.
      let enough = whole[i] ? judgedCount(i) >= minimum * options.partialSampling : judgedCount(i) >= minimum
      if enough && reaches(coverage(i, holders: 2), of: judgedCount(i)) { candidates.append(i) }
    }
    // The largest covered records first: a record covered by others while bigger than each of
    // them is a compilation of them (a one-page "all" view of a chunked manual), and removing it
    // keeps the parts, which are then held by nothing else and stay. Between records of one
    // size, the least preferred first: they are the ones to remove when two cover each other.
    candidates.sort { a, b in
      let (ca, cb) = (entries.all(a).count, entries.all(b).count)
      return ca != cb ? ca > cb : prefers(b, a)
    }
    // For removed records: how many of their judged shingles records present still hold, and
    // which removed records hold each slot.
    var coveredOfRemoved: [Int: Int] = [:]
    var removedHolding: [Int32: [Int32]] = [:]
    var removed: [Int] = []
    for i in candidates {
      let covered = coverage(i, holders: 2)
      guard reaches(covered, of: judgedCount(i)) else { continue }
      // Shingles only `i` still holds: removing it uncovers them in the records removed before.
      var losses: [Int: Int] = [:]
      for e in entries.all(i) where counts.counts[Int(entries.slots[e])] == 1 {
        for r in removedHolding[entries.slots[e]] ?? [] { losses[Int(r), default: 0] += 1 }
      }
      let wouldLose = losses.contains { r, lost in !reaches((coveredOfRemoved[r] ?? 0) - lost, of: judgedCount(r)) }
      if wouldLose { continue }
      for (r, lost) in losses { coveredOfRemoved[r, default: 0] -= lost }
      alive[i] = false
      for e in entries.all(i) { counts.decrement(entries.slots[e]) }
      for e in entries.judged(i) { removedHolding[entries.slots[e], default: []].append(Int32(i)) }
      coveredOfRemoved[i] = covered
      removed.append(i)
    }
    return clusters(
      removed: removed, coveredOfRemoved: coveredOfRemoved, entries: entries, alive: alive, capacity: counts.capacity,
      prefers: prefers)
  }

  /// One cluster per removed record, naming the records present that hold most of it.
  private func clusters(
    removed: [Int], coveredOfRemoved: [Int: Int], entries: Entries, alive: [Bool], capacity: Int,
    prefers: (Int, Int) -> Bool
  ) -> [DedupCluster] {
    guard !removed.isEmpty else { return [] }
    var holders: [Int32: [Int32]] = [:]  // slot -> records present holding it
    var wanted = [Bool](repeating: false, count: capacity)
    for record in removed {
      for e in entries.judged(record) { wanted[Int(entries.slots[e])] = true }
    }
    for i in 0..<table.count where alive[i] {
      for e in entries.all(i) {
        let slot = entries.slots[e]
        if wanted[Int(slot)] && holders[slot, default: []].count < maxHoldersPerShingle { holders[slot, default: []].append(Int32(i)) }
      }
    }
    var clusters: [DedupCluster] = []
    for record in removed.sorted() {
      let lists = entries.judged(record).map { holders[entries.slots[$0]] ?? [] }
      if let cluster = Self.cluster(removed: record, holders: lists, covered: coveredOfRemoved[record] ?? 0, prefers: prefers) {
        clusters.append(cluster)
      }
    }
    return clusters
  }

  /// The cluster of the removed record `record`, given the records present holding each of
  /// its judged shingles and how many of them records present cover: the record holding most
  /// of it is the kept one, the five holding most its sources (ties to the preferred record).
  static func cluster(removed record: Int, holders: [[Int32]], covered: Int, prefers: (Int, Int) -> Bool) -> DedupCluster? {
    let total = Double(holders.count)
    var tally: [Int: Int] = [:]
    for list in holders {
      for holder in list { tally[Int(holder), default: 0] += 1 }
    }
    let ranked = tally.sorted { $0.value != $1.value ? $0.value > $1.value : prefers($0.key, $1.key) }
    guard let top = ranked.first else { return nil }
    let sources = ranked.prefix(5).map { (record: $0.key, containment: Double($0.value) / total) }
    let member = DedupCluster.Member(
      record: record, kind: .partial, similarity: Double(top.value) / total, coverage: Double(covered) / total, sources: sources)
    return DedupCluster(kind: .partial, kept: top.key, representative: top.key, removed: [member], pairs: [])
  }
}
