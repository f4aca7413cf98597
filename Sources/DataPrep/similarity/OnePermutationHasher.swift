/// One-permutation MinHash signatures with optimal densification (Shrivastava, ICML 2017): one
/// hash per shingle instead of one per permutation, so signing costs O(shingles + bins).
///
/// Each shingle hash is re-mixed with the seed; its high 32 bits choose one of `bins` bins, its
/// low 32 bits are the value kept if it is the bin's minimum. A bin no shingle fell into copies
/// the value of the first non-empty bin along a fixed pseudo-random probe sequence of its own, so
/// two sets agree at a position with probability equal to their Jaccard similarity, as with
/// ``MinHasher``; signatures plug into ``LSHIndex`` and ``MinHasher/estimatedJaccard(_:_:)``
/// unchanged. Deterministic: the same seed gives the same signatures on every machine.
struct OnePermutationHasher: SignatureHasher {
  /// The number of bins (signature length).
  let bins: Int
  /// The seed of the re-mixing and of the probe sequences.
  let seed: UInt64
  private let mix: UInt64
  private let probeSeed: UInt64
  /// Probes tried before falling back to the lowest non-empty bin (never reached in practice).
  private let probeLimit: Int
  /// `firstProbe[j * bins + b]`: the first probe of empty bin `j` landing on bin `b`
  /// (`UInt32.max` if none within the limit); for sets filling few bins. Empty for large `bins`.
  private let firstProbe: [UInt32]
  /// The first ``earlyProbes`` probes of every bin, precomputed (`bins × earlyProbes`).
  private let probes: [Int32]
  private static let earlyProbes = 8

  /// A hasher of `bins` bins (signature length) drawn from `seed`.
  init(bins: Int = 128, seed: UInt64 = 0x6461_7461_7072_6570) {
    let k = max(1, bins)
    self.bins = k
    self.seed = seed
    var rng = SplitMix64(seed: seed ^ 0x4F50_4800_0000_0000)
    mix = rng.next()
    probeSeed = rng.next()
    probeLimit = 64 * k
    var table: [UInt32] = []
    if k <= 512 {
      table = [UInt32](repeating: .max, count: k * k)
      for j in 0..<k {
        var seen = 0
        var t = 0
        while seen < k && t < 64 * k {
          let b = Self.probe(j, t, seed: probeSeed, bins: k)
          if table[j * k + b] == .max {
            table[j * k + b] = UInt32(t)
            seen += 1
          }
          t += 1
        }
      }
    }
    firstProbe = table
    var probes: [Int32] = []
    probes.reserveCapacity(k * Self.earlyProbes)
    for j in 0..<k {
      for t in 0..<Self.earlyProbes { probes.append(Int32(Self.probe(j, t, seed: probeSeed, bins: k))) }
    }
    self.probes = probes
  }

  @inline(__always)
  static func reduce(_ x: UInt64, _ bins: Int) -> Int {
    Int(truncatingIfNeeded: ((x >> 32) &* UInt64(truncatingIfNeeded: bins)) >> 32)
  }

  @inline(__always)
  static func probe(_ bin: Int, _ attempt: Int, seed: UInt64, bins: Int) -> Int {
    let key = (UInt64(truncatingIfNeeded: bin) << 32) | UInt64(truncatingIfNeeded: attempt)
    return reduce(XXH64.avalanche(key ^ seed), bins)
  }

  /// Writes the signature of `shingles` into `out` (`bins` values).
  func signature(of shingles: UnsafeBufferPointer<UInt64>, into out: UnsafeMutableBufferPointer<UInt32>) {
    let k = bins
    guard out.count >= k else { return }
    for i in 0..<k { out[i] = .max }
    if shingles.isEmpty { return }
    withUnsafeTemporaryAllocation(of: Bool.self, capacity: k) { filled in
      filled.initialize(repeating: false)
      let mix = self.mix
      var filledCount = 0
      for x in shingles {
        let g = XXH64.avalanche(x ^ mix)
        let bin = Self.reduce(g, k)
        let v = UInt32(truncatingIfNeeded: g)
        if v < out[bin] { out[bin] = v }
        filledCount &+= filled[bin] ? 0 : 1
        filled[bin] = true
      }
      if filledCount == k { return }
      // Empty bins copy from the first filled bin of their probe sequence. Values are read from
      // filled bins only, which never change, so the order bins are densified in does not matter.
      let useTable = !firstProbe.isEmpty && filledCount * 8 < k
      var filledBins: [Int] = []
      if useTable {
        filledBins.reserveCapacity(filledCount)
        for i in 0..<k where filled[i] { filledBins.append(i) }
      }
      for j in 0..<k where !filled[j] {
        var source = -1
        if useTable {
          var best = UInt32.max
          firstProbe.withUnsafeBufferPointer { table in
            for b in filledBins where table[j &* k &+ b] < best {
              best = table[j &* k &+ b]
              source = b
            }
          }
        } else {
          probes.withUnsafeBufferPointer { early in
            for t in 0..<Self.earlyProbes {
              let b = Int(early[j &* Self.earlyProbes &+ t])
              if filled[b] {
                source = b
                break
              }
            }
          }
          var t = source < 0 ? Self.earlyProbes : probeLimit
          while t < probeLimit {
            let b = Self.probe(j, t, seed: probeSeed, bins: k)
            if filled[b] {
              source = b
              break
            }
            t += 1
          }
        }
        if source < 0 {
          // Nothing within the probe limit: the lowest filled bin (the same rule in both paths).
          for b in 0..<k where filled[b] {
            source = b
            break
          }
        }
        out[j] = out[source]
      }
    }
  }
}

extension OnePermutationHasher {
  /// The signature length: one value per bin.
  var signatureLength: Int { bins }
}
