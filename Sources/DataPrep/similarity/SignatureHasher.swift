/// A MinHash-style signer (``MinHasher``, ``OnePermutationHasher``): a set of 64-bit shingle
/// hashes in, a fixed-length signature of 32-bit values out.
protocol SignatureHasher: Sendable {
  /// The number of values in a signature.
  var signatureLength: Int { get }
  /// Writes the signature of `shingles` into `out` (`signatureLength` values).
  func signature(of shingles: UnsafeBufferPointer<UInt64>, into out: UnsafeMutableBufferPointer<UInt32>)
}

extension SignatureHasher {
  /// The signature of the set of `shingles` (repeats do not matter). An empty set gives all
  /// `UInt32.max`.
  func signature(of shingles: [UInt64]) -> [UInt32] {
    var out = [UInt32](repeating: .max, count: signatureLength)
    shingles.withUnsafeBufferPointer { s in
      out.withUnsafeMutableBufferPointer { signature(of: s, into: $0) }
    }
    return out
  }
}
