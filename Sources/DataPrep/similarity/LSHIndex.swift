import Foundation

/// Locality-sensitive hashing over MinHash signatures: the signature is cut into `bands` bands
/// of `rows` values; two records whose signatures agree on every value of at least one band
/// become a candidate pair. A pair of Jaccard similarity `s` becomes a candidate with
/// probability `1 - (1 - s^rows)^bands`.
struct LSHIndex: Sendable {
  /// The number of bands.
  let bands: Int
  /// Signature values per band.
  let rows: Int
  /// Buckets larger than this pair each member only with the next `maxBucketWindow` members
  /// (in record order), so one huge bucket cannot produce a quadratic number of pairs; clusters
  /// stay connected through the chain.
  var maxBucketWindow: Int = 64

  /// An index with the given banding.
  init(bands: Int, rows: Int) {
    self.bands = max(1, bands)
    self.rows = max(1, rows)
  }

  /// An index whose banding minimises the weighted error areas under the S-curve around
  /// `threshold`, counting a missed pair `falseNegativeWeight` times as much as a spurious one,
  /// among the bandings that make a pair exactly at the threshold a candidate with probability at
  /// least `recallAtThreshold` (spurious candidates are removed by verification; missed pairs are lost).
  init(threshold: Double, permutations: Int, falseNegativeWeight: Double = 10, recallAtThreshold: Double = 0.995) {
    let (b, r) = Self.optimalBanding(
      threshold: threshold, permutations: permutations, falseNegativeWeight: falseNegativeWeight,
      recallAtThreshold: recallAtThreshold)
    self.init(bands: b, rows: r)
  }

  /// The (bands, rows) with `bands * rows <= permutations` minimising
  /// `FP + falseNegativeWeight * FN` (FP: the area under the S-curve below the threshold; FN: the
  /// area above it) among those reaching `recallAtThreshold` at the threshold, or among all when none does.
  static func optimalBanding(
    threshold: Double, permutations: Int, falseNegativeWeight: Double, recallAtThreshold: Double = 0
  ) -> (bands: Int, rows: Int) {
    var best = (bands: 1, rows: max(1, permutations))
    var bestError = Double.infinity
    var bestMeetsRecall = false
    for b in 1...max(1, permutations) {
      for r in 1...max(1, permutations / b) {
        let p = { (s: Double) in 1 - pow(1 - pow(s, Double(r)), Double(b)) }
        let meets = p(threshold) >= recallAtThreshold
        if bestMeetsRecall && !meets { continue }
        let fp = integrate(0, threshold, p)
        let fn = integrate(threshold, 1) { 1 - p($0) }
        let error = fp + falseNegativeWeight * fn
        if (meets && !bestMeetsRecall) || error < bestError - 1e-12 {
          bestError = error
          best = (b, r)
          bestMeetsRecall = meets
        }
      }
    }
    return best
  }

  /// The probability that a pair of Jaccard similarity `s` becomes a candidate.
  func candidateProbability(_ s: Double) -> Double {
    1 - pow(1 - pow(s, Double(rows)), Double(bands))
  }

  private static func integrate(_ lo: Double, _ hi: Double, _ f: (Double) -> Double) -> Double {
    let steps = 200
    let h = (hi - lo) / Double(steps)
    var sum = 0.5 * (f(lo) + f(hi))
    for i in 1..<steps { sum += f(lo + Double(i) * h) }
    return sum * h
  }

  /// The stable key of band `band` of `signature`.
  func bandKey(_ signature: UnsafeBufferPointer<UInt32>, band: Int) -> UInt64 {
    guard let base = signature.baseAddress else { return 0 }
    return XXH64.hash(UnsafeRawPointer(base + band * rows), count: rows * 4, seed: UInt64(band))
  }

  /// The candidate pairs among `members` (record numbers into `signatures`, a flat array of
  /// `stride` values per record) from the bands in `bandRange`, sorted and without repeats.
  /// Bands are independent: a cluster job array can give each job a band range and merge.
  func candidatePairs(
    signatures: [UInt32], stride: Int, members: [Int32], bandRange: Range<Int>? = nil, jobs: Int = 1
  ) -> [CandidatePair] {
    let range = bandRange ?? 0..<bands
    let bandList = Array(range.clamped(to: 0..<bands))
    var perBand = [[CandidatePair]](repeating: [], count: bandList.count)
    let work = { @Sendable (slot: Int) -> [CandidatePair] in
      self.pairs(inBand: bandList[slot], signatures: signatures, stride: stride, members: members)
    }
    if jobs <= 1 || bandList.count <= 1 {
      for slot in bandList.indices { perBand[slot] = work(slot) }
    } else {
      let results = ResultSlots<[CandidatePair]>(count: bandList.count)
      DispatchQueue.concurrentPerform(iterations: bandList.count) { slot in results.set(slot, work(slot)) }
      perBand = results.values.map { $0 ?? [] }
    }
    var all = perBand.flatMap { $0 }
    all.sort()
    var unique: [CandidatePair] = []
    unique.reserveCapacity(all.count)
    for pair in all where unique.last != pair { unique.append(pair) }
    return unique
  }

  private func pairs(inBand band: Int, signatures: [UInt32], stride: Int, members: [Int32]) -> [CandidatePair] {
    var keyed: [(key: UInt64, member: Int32)] = []
    keyed.reserveCapacity(members.count)
    signatures.withUnsafeBufferPointer { all in
      for member in members {
        let signature = UnsafeBufferPointer(rebasing: all[(Int(member) * stride)..<(Int(member) * stride + stride)])
        keyed.append((bandKey(signature, band: band), member))
      }
    }
    HashSort.sortByKey(&keyed)
    return pairs(inSorted: keyed)
  }

  /// The candidate pairs of one band's `(key, member)` entries sorted by key then member:
  /// members sharing a key pair up, within ``maxBucketWindow`` in large buckets.
  func pairs(inSorted keyed: [(key: UInt64, member: Int32)]) -> [CandidatePair] {
    var out: [CandidatePair] = []
    var start = 0
    while start < keyed.count {
      var end = start + 1
      while end < keyed.count && keyed[end].key == keyed[start].key { end += 1 }
      if end - start > 1 {
        let window = end - start > maxBucketWindow ? maxBucketWindow : end - start
        for i in start..<end {
          var j = i + 1
          while j < end && j <= i + window {
            out.append(CandidatePair(keyed[i].member, keyed[j].member))
            j += 1
          }
        }
      }
      start = end
    }
    return out
  }
}

/// Two record numbers, the smaller first.
struct CandidatePair: Sendable, Hashable, Comparable {
  /// The smaller record number.
  var first: Int32
  /// The larger record number.
  var second: Int32

  /// The pair of `x` and `y` in either order.
  init(_ x: Int32, _ y: Int32) {
    first = min(x, y)
    second = max(x, y)
  }

  /// Orders by first, then second.
  static func < (l: CandidatePair, r: CandidatePair) -> Bool {
    l.first != r.first ? l.first < r.first : l.second < r.second
  }
}
