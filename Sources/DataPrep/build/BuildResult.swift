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

  /// How the split kept examples that share text on one side.
  public struct SplitRepair: Sendable, Equatable {
    /// Groups (documents, by default) among the new examples.
    public var groups = 0
    /// Sets of two or more groups joined because their examples share a passage.
    public var linkedSets = 0
    /// Examples in the largest joined set.
    public var largestLinkedSet = 0
    /// Held-out examples moved to train because they still leaked (near duplicates).
    public var moved = 0
  }

  /// The recipe the build ran with (flags applied).
  public var recipe: BuildRecipe
  /// Whether the build added to a previous build of the same recipe.
  public var incremental = false
  /// Every source file with its digest.
  var sources: [SourceFile] = []
  /// The extract stage's counts.
  public var extraction = ExtractionSummary()
  /// What the redact stage replaced and dropped (`nil` when the recipe turned it off).
  public var redaction: RedactionSummary?
  /// What the filter stage kept and dropped, per rule set and reason (`nil` when it is off).
  public var filtering: FilterReport?
  /// What the site-furniture filter removed (`nil` when the recipe turned it off).
  public var furniture: SiteFurnitureFilter.Summary?
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
  /// The sources as the outputs name them (a folder by its own name, never a path of the
  /// machine that built it); see `SourceNames`.
  public var sourceNames: [String] = []
  /// How the split joined groups and repaired leaks.
  public var splitRepair = SplitRepair()
  /// The leakage check of the final splits.
  public var leakage: LeakageReport?
  /// The validation of the final splits.
  public var validation = ValidationReport()
  /// Statistics of each split.
  var statistics: [SplitStatistics] = []
  /// How tokens were counted.
  public var tokenCounterName = TokenCounter.characterEstimate.name
  /// A few train examples of each task, shown in the card and the report.
  var taskSamples: [TaskSamples.Sample] = []
  /// Duplicate pairs shown side by side (the first few clusters of each dedup stage).
  var duplicateSamples: [DuplicateSample] = []
  /// Leaks shown side by side (the first few).
  var leakSamples: [LeakSample] = []
  /// The files written (splits, card, reports), with digests.
  public var outputs: [Output] = []

  /// A result for `recipe`, before any stage ran.
  public init(recipe: BuildRecipe) {
    self.recipe = recipe
  }

  /// Groups needed before a ratio far from the one asked is reported (fewer cannot be cut finely).
  static let groupsForRatioCheck = 50
  /// How far (in points of share) a held-out split may fall from its ratio before it is reported.
  static let ratioTolerance = 0.03

  /// A sentence when a held-out split's share is more than `ratioTolerance` from the ratio
  /// asked, while there were enough groups to cut finely or the split got less than half its
  /// share; `nil` otherwise.
  public var ratioWarning: String? {
    let total = finalCounts.reduce(0, +)
    guard total > 0, recipe.ratios.count == finalCounts.count else { return nil }
    for index in finalCounts.indices.dropFirst() {
      let obtained = Double(finalCounts[index]) / Double(total)
      let asked = recipe.ratios[index]
      guard abs(obtained - asked) > Self.ratioTolerance,
            splitRepair.groups >= Self.groupsForRatioCheck || obtained < asked / 2 else { continue }
      let largest = splitRepair.largestLinkedSet
      return "\(splitNames[index]) holds \(Self.percent(obtained)) of the examples where \(Self.percent(asked)) was asked: "
        + "examples that share text must stay on one side, and the largest such set holds \(largest) example\(largest == 1 ? "" : "s") "
        + "(\(Self.percent(Double(largest) / Double(total)))) of \(splitRepair.groups) group\(splitRepair.groups == 1 ? "" : "s"); \(splitRepair.moved) leaking example\(splitRepair.moved == 1 ? " was" : "s were") moved to train"
    }
    return nil
  }

  private static func percent(_ x: Double) -> String {
    let tenths = (x * 1000).rounded() / 10
    return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
  }

  /// The recipe as written to the card, the report and the manifest: sources by their names.
  var recipeJSON: JSONValue {
    guard case .object(var object) = recipe.json else { return recipe.json }
    object["sources"] = .array(sourceNames.map { .string($0) })
    return .object(object)
  }

  /// Leaks found between the final splits.
  public var leakCount: Int { leakage?.findings.count ?? 0 }

  /// Whether source files were read and none of them gave a document (on an incremental build
  /// the previous examples would otherwise hide that nothing new came in).
  public var everySourceFailed: Bool { extraction.skipped > 0 && extraction.files == 0 }

  /// Whether the data has problems the exit status reports (validation errors, leaks, or no
  /// source read).
  public var hasProblems: Bool { validation.errorCount > 0 || leakCount > 0 || everySourceFailed }

  /// A one-line verdict a person reads first.
  public var verdict: String {
    let total = finalCounts.reduce(0, +)
    if everySourceFailed {
      return "Not ready: none of the \(extraction.skipped) source file\(extraction.skipped == 1 ? "" : "s") read gave a document (see the extraction failures)."
    }
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
