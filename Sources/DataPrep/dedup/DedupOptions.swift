/// Settings of a dedup run; the defaults are those of `dataprep dedup`.
public struct DedupOptions: Sendable {
  /// Which record of a duplicate cluster survives.
  public enum KeepPolicy: String, Sendable, CaseIterable {
    /// The earliest in the input.
    case first
    /// The one with the longest text (earliest on ties).
    case longest
    /// The one with the shortest text (earliest on ties).
    case shortest
  }

  /// How a candidate pair from LSH is confirmed.
  public enum Verification: String, Sendable, CaseIterable {
    /// Estimated Jaccard from the two MinHash signatures.
    case estimate
    /// Exact Jaccard of the two shingle sets (keeps every record's shingle set in memory).
    case exact
  }

  /// How MinHash signatures are computed.
  public enum SignatureScheme: String, Sendable, CaseIterable {
    /// One hash per shingle spread over the positions, empty positions densified
    /// (`OnePermutationHasher`): the same collision probability, a fraction of the cost.
    case onePermutation = "one-permutation"
    /// One multiply-shift hash function per position (`MinHasher`), the classic scheme.
    case minhash
  }

  /// A dotted path to the text to compare, instead of the record's default text.
  public var field: String?
  /// How text is folded before hashing.
  public var normalization: NormalizationLevel = .basic
  /// Words per shingle.
  public var ngram = 5
  /// MinHash signature length.
  public var permutations = 128
  /// Jaccard similarity at or above which two records are near duplicates.
  public var threshold = 0.8
  /// How candidate pairs are confirmed.
  public var verification: Verification = .exact
  /// How signatures are computed.
  public var signatureScheme: SignatureScheme = .onePermutation
  /// Partial-copy detection: `nil` turns it on when every input record is a document.
  public var partial: Bool?
  /// Fraction of a record's shingles found in other records for it to be a partial copy.
  public var containment = 0.8
  /// One shingle in `partialSampling` (chosen by hash, so the same in every record) is indexed
  /// for partial-copy detection; 1 indexes all of them.
  public var partialSampling = 4
  /// Records with fewer sampled shingles than this (or, judged whole, fewer than this times
  /// `partialSampling` shingles) are never called partial copies.
  public var partialMinimumSamples = 8
  /// Records with fewer distinct shingles than this are judged on all of them for partial
  /// copies, not a sample (a sample of a short record is too small to measure); needs the
  /// shingle sets of exact verification.
  public var partialWholeBelow = 1024
  /// Which record of a cluster survives.
  public var keep: KeepPolicy = .first
  /// Remove every member of a duplicate cluster, the kept one too.
  public var dropAll = false
  /// Worker threads; results do not depend on it.
  public var jobs = 1
  /// Seed of the MinHash functions (records hashed with different seeds are not comparable).
  public var seed: UInt64 = 0x6461_7461_7072_6570
  /// LSH banding override; `nil` chooses it from the threshold.
  public var bands: Int?
  /// LSH rows per band override; `nil` chooses it from the threshold.
  public var rows: Int?
  /// Limits on the input (JSON nesting depth, line length).
  public var limits = InputLimits.standard

  /// The defaults.
  public init() {}

  /// A shingle is sampled for partial copies when its hash is at most this: the lowest
  /// 1/`partialSampling` of the range (no division per shingle).
  var partialSampleLimit: UInt64 { UInt64.max / UInt64(max(1, partialSampling)) }

  /// The settings the stage files' contents depend on, as one line: a stage refuses files made
  /// with others.
  var fileSettings: String {
    "field=\(field ?? "-") normalize=\(normalization.rawValue) ngram=\(ngram) permutations=\(permutations) "
      + "seed=\(seed) sampling=\(partialSampling) verify=\(verification.rawValue) "
      + "signature=\(signatureScheme.rawValue)"
  }

  /// The LSH index these options describe.
  var lshIndex: LSHIndex {
    if let bands, let rows { return LSHIndex(bands: bands, rows: rows) }
    if let rows { return LSHIndex(bands: max(1, permutations / rows), rows: rows) }
    if let bands { return LSHIndex(bands: bands, rows: max(1, permutations / bands)) }
    return LSHIndex(threshold: threshold, permutations: permutations)
  }

  /// Checks the values are usable.
  /// - Throws: ``DedupError/badOption(_:requirement:)`` naming the setting.
  public func validate() throws(DedupError) {
    guard ngram >= 1 else { throw .badOption(.ngram, requirement: "must be at least 1") }
    guard permutations >= 1 && permutations <= 4096 else { throw .badOption(.permutations, requirement: "must be 1...4096") }
    guard threshold > 0 && threshold <= 1 else { throw .badOption(.threshold, requirement: "must be in (0, 1]") }
    guard containment > 0 && containment <= 1 else { throw .badOption(.containment, requirement: "must be in (0, 1]") }
    guard partialSampling >= 1 else { throw .badOption(.partialSampling, requirement: "must be at least 1") }
    guard partialWholeBelow >= 0 else { throw .badOption(.partialWholeBelow, requirement: "must be at least 0") }
    if let bands, let rows, bands * rows > permutations {
      throw .bandsExceedPermutations(product: bands * rows, permutations: permutations)
    }
  }
}
