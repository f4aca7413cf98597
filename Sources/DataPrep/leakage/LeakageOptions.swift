/// Settings of a leakage check; the defaults are those of `dataprep leakage`.
public struct LeakageOptions: Sendable {
  /// Which kinds of leak to look for (all by default).
  public var kinds: Set<LeakKind> = Set(LeakKind.allCases)
  /// Words in a shared passage (13, as GPT-3 and lm-eval use; lower is stricter).
  public var ngram = 13
  /// Jaccard similarity at or above which two texts are near duplicates.
  public var threshold = 0.8
  /// Words per shingle for near-duplicate MinHash (the dedup default).
  public var shingle = 5
  /// MinHash signature length.
  public var permutations = 128
  /// MinHash seed (the dedup default).
  public var seed: UInt64 = 0x6461_7461_7072_6570
  /// How text is folded before comparing.
  public var normalization: NormalizationLevel = .basic
  /// A dotted path to the text to compare, instead of the record's default text.
  public var field: String?
  /// The dotted path of the group key for same-group leaks; records without it have no group.
  public var groupBy = GroupKey.defaultPath
  /// Worker threads; results do not depend on it.
  public var jobs = 1
  /// Limits on the input (JSON nesting depth, line length).
  public var limits = InputLimits.standard

  /// The defaults.
  public init() {}

  /// Checks the values are usable.
  /// - Throws: ``LeakageError/badOption(_:requirement:)`` naming the setting.
  public func validate() throws(LeakageError) {
    guard ngram >= 1 && ngram <= 1000 else { throw .badOption(.ngram, requirement: "must be 1...1000") }
    guard threshold > 0 && threshold <= 1 else { throw .badOption(.threshold, requirement: "must be in (0, 1]") }
    guard permutations >= 1 && permutations <= 4096 else { throw .badOption(.permutations, requirement: "must be 1...4096") }
    guard shingle >= 1 else { throw .badOption(.shingle, requirement: "must be at least 1") }
    guard jobs >= 1 else { throw .badOption(.jobs, requirement: "must be at least 1") }
  }
}
