/// A named set of quality rules `dataprep filter --rules` runs, with the published thresholds.
public enum QualityRuleSet: String, CaseIterable, Sendable, Codable {
  /// Gopher's quality heuristics (word count, word length, symbols, bullets, ellipses, alphabetic
  /// words, stop words).
  case gopherQuality = "gopher-quality"
  /// Gopher's repetition heuristics (duplicate lines and paragraphs, top and duplicated n-grams).
  case gopherRepetition = "gopher-repetition"
  /// C4's line and document rules.
  case c4
  /// FineWeb's rules (line punctuation, short lines, duplicated lines, newlines per word).
  case fineweb
  /// The language of the text, among the wanted ones above a score.
  case language
}

/// What one rule set found on one text: each measured value and the first rule that failed.
public struct QualityRuleOutcome: Sendable, Equatable {
  /// The rule set.
  public var rules: QualityRuleSet
  /// The name of the first failing rule (datatrove's reason names), `nil` when the text passes.
  public var failure: String?
  /// Measured values, by name, in the order computed.
  public var values: [(name: String, value: Double)]
  /// The language identified (the `language` rule set only).
  public var language: String?
  /// The text a passing `c4` rewrites the document to (``C4Settings/rewrite``), `nil` otherwise.
  var rewritten: String?

  /// Whether the text passes this rule set.
  public var passes: Bool { failure == nil }

  public static func == (a: QualityRuleOutcome, b: QualityRuleOutcome) -> Bool {
    a.rules == b.rules && a.failure == b.failure && a.language == b.language && a.rewritten == b.rewritten
      && a.values.map(\.name) == b.values.map(\.name)
      && a.values.map(\.value) == b.values.map(\.value)
  }
}
