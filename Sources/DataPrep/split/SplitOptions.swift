/// Settings of a split; the defaults are those of `dataprep split`.
public struct SplitOptions: Sendable {
  /// What to do with held-out records found leaking into train after the split.
  public enum LeakAction: String, Sendable, CaseIterable {
    /// Only report them (exit status 1 when there are any).
    case report
    /// Move them, with the rest of their group, to train.
    case move
    /// Drop them, with the rest of their group.
    case drop
  }

  /// Shares of train, validation (and test), summing to 1.
  public var ratios: [Double] = [0.9, 0.1]
  /// The key of the split hash: the same seed and group give the same side on every run.
  public var seed: UInt64 = 0
  /// The dotted path of the group key; `nil` means `metadata.source_id`, else the record's
  /// own normalised text. Records lacking the path are their own group.
  public var groupBy: String?
  /// The dotted path of a label whose share is kept in each split.
  public var stratifyBy: String?
  /// Exact counts (groups sorted by keyed hash and cut) instead of a hash threshold per group.
  public var exact = false
  /// Join groups whose records share a passage of the leakage check's length before splitting
  /// (exact mode), so that no shared-passage leak is made; large joined sets go to train first
  /// and the held-out sides are filled from the rest, to stay close to the ratios asked.
  public var linkSharedPassages = false
  /// A dotted path to the text used as the default group and by the leakage check.
  public var field: String?
  /// Text normalisation for the default group and the leakage check.
  public var normalization: NormalizationLevel = .basic
  /// Run the leakage check on the result.
  public var checkLeakage = true
  /// What to do with leaks found.
  public var leakAction: LeakAction = .report
  /// Settings of the leakage check (its `field` and `normalization` follow this split's).
  public var leakage = LeakageOptions()
  /// Replace existing output files.
  public var overwrite = false
  /// Accept a split that gets no records (otherwise ``SplitError/emptySplit(name:records:)``).
  /// `dataprep split` sets it to `false` unless `--allow-empty`; the library default accepts,
  /// since callers such as `build` split only the records a run adds, where a side may rightly
  /// get none.
  public var allowEmpty = true
  /// Worker threads (the leakage check); results do not depend on it.
  public var jobs = 1
  /// Limits on the input (JSON nesting depth, line length).
  public var limits = InputLimits.standard

  /// The defaults.
  public init() {}

  /// Parses `--ratio`: one share of train (`0.9`, validation gets the rest) or two or three
  /// comma-separated shares (`0.8,0.1,0.1`) that must sum to 1.
  /// - Throws: ``SplitError/badRatio(text:problem:)``.
  public static func parseRatios(_ text: String) throws(SplitError) -> [Double] {
    let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard !parts.isEmpty, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else {
      throw .badRatio(text: text, problem: "expected 0.9 or 0.8,0.1,0.1")
    }
    var ratios = parts.compactMap { $0 }
    if ratios.count == 1 { ratios.append(1 - ratios[0]) }
    guard ratios.allSatisfy({ $0 > 0 && $0 < 1 }) else {
      throw .badRatio(text: text, problem: "every share must be between 0 and 1 (exclusive)")
    }
    let sum = ratios.reduce(0, +)
    guard abs(sum - 1) < 1e-6 else { throw .badRatio(text: text, problem: "shares must sum to 1, not \(sum)") }
    return ratios
  }

  /// The names of the splits, in order: train, validation, test.
  public var splitNames: [String] { Array(["train", "validation", "test"].prefix(ratios.count)) }
}
