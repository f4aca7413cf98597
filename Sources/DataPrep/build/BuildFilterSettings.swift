/// The `filter:` section of a build recipe: the quality rule sets (`dataprep filter`'s) that
/// every extracted document must pass, with the thresholds `dataprep filter --config` reads.
/// Off by default: documentation is not a crawl, and the presets are one line away
/// (`filter: {rules: [gopher-quality, gopher-repetition, c4, fineweb]}`).
public struct BuildFilterSettings: Sendable, Equatable {
  /// The rule sets and thresholds, decoded by the filter's own config reader.
  public internal(set) var options = QualityFilterOptions()
  /// The section as the recipe wrote it (keys sorted, `rules` as the rule set names, `enabled`
  /// left out): the settings the card and the manifest record and a plan reads back.
  public internal(set) var section = JSONObject()

  /// No rule set: the stage is off.
  public init() {}

  /// Whether the stage runs (at least one rule set).
  public var enabled: Bool { !options.rules.isEmpty }

  /// The keys of the section besides the rule sets' own mappings (`dataprep filter --config`'s,
  /// less `annotate`, and `enabled`).
  static let keys = ["enabled", "rules", "languages", "min_language_score"] + QualityRuleSet.allCases.map(\.rawValue)

  /// The section as recorded: `{"rules": []}` when off, else ``section``.
  var json: JSONValue {
    enabled ? .object(section) : ["rules": .array([])]
  }
}
