/// Everything one `dataprep build` did and found: the counts of each stage, the samples shown
/// side by side in the report, the findings, and the verdict.
public struct BuildResult: Sendable {
  /// One file written to the output folder, as listed in the manifest.
  public struct Output: Sendable, Equatable {
    /// Its name in the folder.
    public var name: String
    /// Size in bytes.
    public var bytes: Int
    /// Lower-case hex SHA-256.
    public var sha256: String
    /// JSONL records, for the splits.
    public var records: Int?
  }

  /// The recipe the build ran with (flags applied).
  public var recipe: BuildRecipe
  /// Whether the build added to a previous build of the same recipe.
  public var incremental = false
  /// Every source file with its digest.
  public var sources: [SourceFile] = []
  /// The extract stage's counts.
  public var extraction = ExtractionSummary()
  /// Sources that gave no document, as `path: reason`.
  public var extractionFailures: [String] = []
  /// Duplicate documents removed.
  public var documentDedup = DedupSummary()
  /// Examples made and dropped by instruct.
  public var instruct = Instructor.Summary()
  /// Duplicate examples removed (also against the previous build).
  public var exampleDedup = DedupSummary()
  /// Examples made again that the previous build already holds (not counted as duplicates).
  public var alreadyPresent = 0
  /// Examples removed because they duplicate one already in the previous build (beyond exact copies).
  public var duplicatesOfPrevious = 0
  /// Split names: train, validation[, test].
  public var splitNames: [String] = []
  /// Examples per split in the previous build (zeros on a fresh build).
  public var previousCounts: [Int] = []
  /// Examples added per split by this build.
  public var addedCounts: [Int] = []
  /// Examples per split in the output.
  public var finalCounts: [Int] = []
  /// The leakage check of the final splits.
  public var leakage: LeakageReport?
  /// The validation of the final splits.
  public var validation = ValidationReport()
  /// Statistics of each split.
  public var statistics: [SplitStatistics] = []
  /// How tokens were counted.
  public var tokenCounterName = TokenCounter.characterEstimate.name
  /// Duplicate pairs shown side by side (the first few clusters of each dedup stage).
  public var duplicateSamples: [DuplicateSample] = []
  /// Leaks shown side by side (the first few).
  public var leakSamples: [LeakSample] = []
  /// The files written (splits, card, reports), with digests.
  public var outputs: [Output] = []

  /// A result for `recipe`, before any stage ran.
  public init(recipe: BuildRecipe) {
    self.recipe = recipe
  }

  /// Leaks found between the final splits.
  public var leakCount: Int { leakage?.findings.count ?? 0 }

  /// Whether the data has problems the exit status reports (validation errors or leaks).
  public var hasProblems: Bool { validation.errorCount > 0 || leakCount > 0 }

  /// A one-line verdict a person reads first.
  public var verdict: String {
    let total = finalCounts.reduce(0, +)
    if total == 0 { return "Not ready: no examples were made from the sources." }
    if validation.errorCount > 0 {
      return "Not ready: \(validation.errorCount) validation error\(validation.errorCount == 1 ? "" : "s") to fix before training."
    }
    if leakCount > 0 {
      let leaked = leakage?.leakedHeldOut.count ?? 0
      return "Review: \(leaked) held-out example\(leaked == 1 ? "" : "s") share text with train (\(leakCount) finding\(leakCount == 1 ? "" : "s")); validation scores would be inflated."
    }
    if validation.warningCount > 0 {
      return "Usable, with \(validation.warningCount) warning\(validation.warningCount == 1 ? "" : "s") worth a look."
    }
    return "Ready to train: no errors, no leaks, no warnings."
  }
}
