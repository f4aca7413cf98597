/// MinHash signatures: for each of `permutations` hash functions, the minimum over a set's
/// shingle hashes, so the fraction of equal positions in two signatures estimates the Jaccard
/// similarity of the two sets.
///
/// Hash function `i` is multiply-shift on the 64-bit shingle hash,
/// `(a[i] * x + b[i]) >> 32` (wrapping, `a[i]` odd), with `a` and `b` drawn by ``SplitMix64``
/// from `seed`: the same seed gives the same signatures on every machine. Values are `UInt32`
/// (half the memory of 64-bit values; collisions between distinct minima are negligible).
struct MinHasher: SignatureHasher {
  /// The number of hash functions (signature length).
  let permutations: Int
  /// The seed the coefficients were drawn from.
  let seed: UInt64
  private let a: [UInt64]
  private let b: [UInt64]

  /// A hasher with `permutations` functions drawn from `seed`.
  init(permutations: Int = 128, seed: UInt64 = 0x6461_7461_7072_6570) {
    self.permutations = max(1, permutations)
    self.seed = seed
    var rng = SplitMix64(seed: seed)
    var a: [UInt64] = []
    var b: [UInt64] = []
    for _ in 0..<self.permutations {
      a.append(rng.next() | 1)
      b.append(rng.next())
    }
    self.a = a
    self.b = b
  }

  /// Writes the signature of `shingles` into `out` (`permutations` values).
  func signature(of shingles: UnsafeBufferPointer<UInt64>, into out: UnsafeMutableBufferPointer<UInt32>) {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        // Four functions per pass over the shingles keeps the pass cost low and the minima in registers.
        var i = 0
        let k = permutations
        while i + 4 <= k {
          let a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3]
          let b0 = b[i], b1 = b[i + 1], b2 = b[i + 2], b3 = b[i + 3]
          var m0 = UInt64.max, m1 = UInt64.max, m2 = UInt64.max, m3 = UInt64.max
          for x in shingles {
            m0 = min(m0, a0 &* x &+ b0)
            m1 = min(m1, a1 &* x &+ b1)
            m2 = min(m2, a2 &* x &+ b2)
            m3 = min(m3, a3 &* x &+ b3)
          }
          out[i] = UInt32(truncatingIfNeeded: m0 >> 32)
          out[i + 1] = UInt32(truncatingIfNeeded: m1 >> 32)
          out[i + 2] = UInt32(truncatingIfNeeded: m2 >> 32)
          out[i + 3] = UInt32(truncatingIfNeeded: m3 >> 32)
          i += 4
        }
        while i < k {
          var m = UInt64.max
          for x in shingles { m = min(m, a[i] &* x &+ b[i]) }
          out[i] = UInt32(truncatingIfNeeded: m >> 32)
          i += 1
        }
      }
    }
  }

  /// The fraction of positions where two signatures agree: an unbiased estimate of the Jaccard
  /// similarity of the sets they came from.
  static func estimatedJaccard(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>) -> Double {
    let count = min(x.count, y.count)
    guard count > 0 else { return 0 }
    var equal = 0
    for i in 0..<count where x[i] == y[i] { equal += 1 }
    return Double(equal) / Double(count)
  }

  /// ``estimatedJaccard(_:_:)`` for arrays.
  static func estimatedJaccard(_ x: [UInt32], _ y: [UInt32]) -> Double {
    x.withUnsafeBufferPointer { xs in y.withUnsafeBufferPointer { estimatedJaccard(xs, $0) } }
  }
}

extension MinHasher {
  /// The signature length: one value per permutation.
  var signatureLength: Int { permutations }
}
