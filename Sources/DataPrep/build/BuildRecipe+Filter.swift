import Foundation

extension BuildRecipe {
  /// Reads the recipe's `filter:` section with `dataprep filter --config`'s reader
  /// (``QualityFilterOptions``): `rules`, `languages`, `min_language_score` and one mapping of
  /// thresholds per rule set; `enabled: false` turns the stage off whatever the rules say.
  /// `null` or no rules: the stage is off.
  /// - Throws: ``BuildError`` naming `path` and the key that is wrong.
  static func filterSettings(_ value: Any, path: String) throws(BuildError) -> BuildFilterSettings {
    if value is NSNull { return BuildFilterSettings() }
    guard var section = value as? [String: Any] else {
      throw .badRecipeValue(
        path: path, key: "filter",
        expected: "a mapping of \(BuildFilterSettings.keys.joined(separator: ", ")), e.g. {rules: [gopher-quality, gopher-repetition, c4, fineweb]}")
    }
    var enabled = true
    if let flag = section.removeValue(forKey: "enabled") {
      guard let b = flag as? Bool else { throw .badRecipeValue(path: path, key: "filter.enabled", expected: "true or false") }
      enabled = b
    }
    // Build drops what fails; annotating would keep every document (run `dataprep filter --annotate` on them instead).
    if section["annotate"] != nil { throw .unknownRecipeKey(path: path, key: "filter.annotate", known: BuildFilterSettings.keys) }
    var options = QualityFilterOptions()
    do {
      try options.apply(section: section, path: path)
    } catch {
      throw recipeError(error, path: path)
    }
    var settings = BuildFilterSettings()
    guard enabled, !options.rules.isEmpty else { return settings }
    settings.options = options
    var written = JSONObject()
    for key in section.keys.sorted() {
      written.append(key, key == "rules" ? .array(options.rules.map { .string($0.rawValue) }) : RecipeReader.json(section[key] as Any))
    }
    settings.section = written
    return settings
  }

  /// The filter reader's error as the recipe's: the key under `filter.`.
  private static func recipeError(_ error: FilterConfigError, path: String) -> BuildError {
    switch error {
    case .unreadable(_, let reason): return .badRecipe(path: path, reason: "filter: \(reason)")
    case .badValue(_, let key, let expected): return .badRecipeValue(path: path, key: "filter.\(key)", expected: expected)
    case .unknownKey(_, let key):
      return .badRecipe(path: path, reason: "unknown filter setting 'filter.\(key)' (see docs/filter.md for the names of each rule set's thresholds)")
    case .unknownRuleSet(_, let name):
      return .badRecipeValue(
        path: path, key: "filter.rules",
        expected: "a list of \(QualityRuleSet.allCases.map(\.rawValue).joined(separator: ", ")) or all ('\(name)' is none)")
    }
  }
}
