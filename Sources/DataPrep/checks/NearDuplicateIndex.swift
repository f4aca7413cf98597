/// Finds the records of one file that are near duplicates of an earlier record, for validate's
/// near-duplicate share, with dedup's own pieces: ``TextNormalizer``, ``Shingler`` (word
/// 5-grams), ``MinHasher``, ``LSHIndex`` and ``UnionFind``, so validate and `dataprep dedup`
/// agree on what a near duplicate is (dedup's defaults, signatures verified by estimate).
///
/// Memory: one signature of ``permutations`` `UInt32` values and one line number per record
/// (about 260 bytes a record), held for the current file only: the one index validate keeps
/// besides its duplicate tables.
struct NearDuplicateIndex {
  /// Signature length: half dedup's default, as a share needs less precision than a removal.
  static let permutations = 64

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
  private let normalizer = TextNormalizer(level: .basic)
  private let shingler = Shingler(n: 5)
  private let hasher = MinHasher(permutations: NearDuplicateIndex.permutations)
  private var signatures: [UInt32] = []
  private var lines: [Int] = []

  /// An index calling records near duplicates at Jaccard `similarity` or above.
  init(similarity: Double) {
    self.similarity = similarity
  }

  /// Adds the text of the record at `line`; texts without words are left out.
  mutating func add(_ text: String, line: Int) {
    let shingles = shingler.shingles(ofNormalized: normalizer.normalize(text))
    if shingles.isEmpty { return }
    signatures += hasher.signature(of: shingles)
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
