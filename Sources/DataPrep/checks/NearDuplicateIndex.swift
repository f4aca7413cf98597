/// Finds the records of one file that are near duplicates of an earlier record, for validate's
/// near-duplicate share, with dedup's own pieces: ``Shingler`` (word 5-grams over word hashes),
/// ``MinHasher``, ``LSHIndex`` and ``UnionFind``, so validate and `dataprep dedup` agree on what
/// a near duplicate is (5-word shingles, Jaccard threshold, signatures verified by estimate).
///
/// The words are those validate's own scan already hashes (runs of non-whitespace bytes, as
/// written), so the check reads no text a second time; unlike dedup's default `basic`
/// normalisation, case and punctuation count (dedup's `--normalize none`). The signature is
/// taken over a hash-chosen 1/``shingleSampling`` of the shingles (the same shingles in every
/// record, so the Jaccard of the sampled sets estimates the whole sets'; texts with few sampled
/// shingles use all of them).
///
/// Memory: one signature of ``permutations`` `UInt32` values and one line number per record
/// (about 260 bytes a record), held for the current file only: the one index validate keeps
/// besides its duplicate tables.
struct NearDuplicateIndex {
  /// Signature length: half dedup's default, as a share needs less precision than a removal.
  static let permutations = 64
  /// One shingle in this many (by hash) enters the signature.
  static let shingleSampling: UInt64 = 4
  /// Texts with fewer sampled shingles than this use all their shingles.
  static let minimumSampled = 16

  /// What was found: how many records are near copies of an earlier one, and one example pair.
  struct Result {
    /// Records indexed (those with text).
    var records: Int
    /// Records that are a near duplicate of an earlier record (the count dedup would remove).
    var nearCopies: Int
    /// The lines of one near-duplicate pair (earlier, later), for the message.
    var example: (earlier: Int, later: Int)?
  }

  private let similarity: Double
  private let shingler = Shingler(n: 5)
  private let hasher = MinHasher(permutations: NearDuplicateIndex.permutations)
  private var signatures: [UInt32] = []
  private var lines: [Int] = []
  private var shingles: [UInt64] = []
  private var sampled: [UInt64] = []

  /// An index calling records near duplicates at Jaccard `similarity` or above.
  init(similarity: Double) {
    self.similarity = similarity
  }

  /// Adds the record at `line` by the hashes of its words in order; records without words are
  /// left out.
  mutating func add(wordHashes words: [UInt64], line: Int) {
    guard let signature = signature(ofWordHashes: words) else { return }
    add(signature: signature, line: line)
  }

  /// The signature of a record by the hashes of its words in order (``permutations`` values),
  /// or `nil` when it has no shingle (it is then left out of the index).
  mutating func signature(ofWordHashes words: [UInt64]) -> [UInt32]? {
    shingler.shingles(ofWordHashes: words, into: &shingles)
    if shingles.isEmpty { return nil }
    let limit = UInt64.max / Self.shingleSampling
    sampled.removeAll(keepingCapacity: true)
    for shingle in shingles where shingle < limit { sampled.append(shingle) }
    let chosen = sampled.count >= Self.minimumSampled ? sampled : shingles
    var signature = [UInt32](repeating: UInt32.max, count: Self.permutations)
    chosen.withUnsafeBufferPointer { set in
      signature.withUnsafeMutableBufferPointer { hasher.signature(of: set, into: $0) }
    }
    return signature
  }

  /// Adds the record at `line` by its signature (from ``signature(ofWordHashes:)``).
  mutating func add(signature: [UInt32], line: Int) {
    signatures.append(contentsOf: signature)
    lines.append(line)
  }

  /// The near duplicates among the records added.
  func result() -> Result {
    let count = lines.count
    guard count > 1 else { return Result(records: count, nearCopies: 0, example: nil) }
    let stride = Self.permutations
    let index = LSHIndex(threshold: similarity, permutations: stride)
    let members = (0..<count).map { Int32($0) }
    var clusters = UnionFind(count: count)
    var example: (earlier: Int, later: Int)?
    signatures.withUnsafeBufferPointer { all in
      for pair in index.candidatePairs(signatures: signatures, stride: stride, members: members) {
        let x = Int(pair.first), y = Int(pair.second)
        let a = UnsafeBufferPointer(rebasing: all[(x * stride)..<(x * stride + stride)])
        let b = UnsafeBufferPointer(rebasing: all[(y * stride)..<(y * stride + stride)])
        guard MinHasher.estimatedJaccard(a, b) >= similarity else { continue }
        if clusters.union(x, y), example == nil { example = (lines[x], lines[y]) }
      }
    }
    var roots = 0
    for record in 0..<count where clusters.find(record) == record { roots += 1 }
    return Result(records: count, nearCopies: count - roots, example: example)
  }
}
