import Foundation

/// What `dataprep filter` checks and how: the rule sets to run, their thresholds, and whether to
/// annotate or drop. Settable by flags and by the `filter:` section of a config or recipe.
public struct QualityFilterOptions: Sendable, Equatable {
  /// The rule sets to run, in the order given.
  public var rules: [QualityRuleSet] = []
  /// Keep every record and write each rule set's values and verdict under `metadata.quality`.
  public var annotate = false
  /// Threads (1: everything on the calling thread); output is the same whatever the count.
  public var jobs = 1
  /// The text read from each record: a dotted path, or `nil` for the record's own text.
  public var field: String?
  /// Samples kept per failure reason in the report.
  public var samplesPerReason = 3
  /// `gopher-quality` thresholds.
  public var gopherQuality = GopherQualitySettings()
  /// `gopher-repetition` thresholds.
  public var gopherRepetition = GopherRepetitionSettings()
  /// `c4` rules.
  public var c4 = C4Settings()
  /// `fineweb` thresholds.
  public var fineweb = FineWebSettings()
  /// `language` rule.
  public var language = LanguageSettings()

  /// No rule set chosen, published thresholds.
  public init() {}

  /// Applies a YAML config: the `filter:` section of `dataprep.yaml`, or the whole document.
  /// - Throws: ``FilterConfigError`` naming the key that is wrong.
  public mutating func apply(yaml text: String, path: String) throws(FilterConfigError) {
    switch BoundedYAML.section("filter", of: text) {
    case .failure(let failure): throw .unreadable(path: path, reason: failure.reason)
    case .success(let section?): try apply(section: section, path: path)
    case .success(nil): return
    }
  }

  /// Applies the keys of a parsed `filter:` mapping: `rules`, `annotate`, `languages`,
  /// `min_language_score`, and one mapping per rule set of its thresholds (`null` turns one off).
  mutating func apply(section: [String: Any], path: String) throws(FilterConfigError) {
    for key in section.keys.sorted() {
      guard let value = section[key] else { continue }
      switch key {
      case "rules":
        let names: [String]
        if let s = value as? String {
          names = s.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        } else if let list = value as? [Any], list.allSatisfy({ $0 is String }) {
          names = list.compactMap { $0 as? String }
        } else {
          throw .badValue(path: path, key: key, expected: "a list of rule sets")
        }
        rules = try Self.ruleSets(names, path: path)
      case "annotate":
        guard let b = value as? Bool else { throw .badValue(path: path, key: key, expected: "true or false") }
        annotate = b
      case "languages":
        if let s = value as? String {
          language.languages = s.split(separator: ",").map(String.init)
        } else if let list = value as? [Any], list.allSatisfy({ $0 is String }) {
          language.languages = list.compactMap { $0 as? String }
        } else {
          throw .badValue(path: path, key: key, expected: "a list of language codes")
        }
      case "min_language_score":
        try set("language.min_score", to: value, path: path)
      default:
        guard let map = value as? [String: Any], QualityRuleSet(rawValue: key.replacingOccurrences(of: "_", with: "-")) != nil else {
          throw .unknownKey(path: path, key: key)
        }
        let ruleSet = key.replacingOccurrences(of: "_", with: "-")
        for name in map.keys.sorted() {
          try set("\(ruleSet).\(name)", to: map[name] ?? NSNull(), path: path)
        }
      }
    }
  }

  /// The rule sets named in `names` (`all` is every one but `language`); `path` names where
  /// the names came from in an error.
  public static func ruleSets(_ names: [String], path: String) throws(FilterConfigError) -> [QualityRuleSet] {
    var out: [QualityRuleSet] = []
    for name in names where !name.isEmpty {
      if name == "all" {
        out += [.gopherQuality, .gopherRepetition, .c4, .fineweb].filter { !out.contains($0) }
        continue
      }
      guard let set = QualityRuleSet(rawValue: name) else { throw .unknownRuleSet(path: path, name: name) }
      if !out.contains(set) { out.append(set) }
    }
    return out
  }

  /// Sets one threshold named `rule-set.key` (e.g. `gopher-quality.min_words`, as
  /// `--set gopher-quality.min_words=30` and the YAML mapping name them); `null` or `off` turns
  /// a rule off.
  public mutating func set(_ name: String, to value: Any, path: String) throws(FilterConfigError) {
    let off = value is NSNull || (value as? String) == "off" || (value as? String) == "null"
    func number() throws(FilterConfigError) -> Double? {
      if off { return nil }
      if let d = value as? Double, d.isFinite { return d }
      if let i = value as? Int { return Double(i) }
      if let s = value as? String, let d = Double(s), d.isFinite { return d }
      throw .badValue(path: path, key: name, expected: "a number (or null to turn the rule off)")
    }
    func flag() throws(FilterConfigError) -> Bool {
      if off { return false }
      if let b = value as? Bool { return b }
      if let s = value as? String, let b = Bool(s) { return b }
      throw .badValue(path: path, key: name, expected: "true or false")
    }
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { throw .unknownKey(path: path, key: name) }
    let key = parts[1]
    switch parts[0].replacingOccurrences(of: "_", with: "-") {
    case "gopher-quality":
      switch key {
      case "min_words": gopherQuality.minWords = try number()
      case "max_words": gopherQuality.maxWords = try number()
      case "min_mean_word_length": gopherQuality.minMeanWordLength = try number()
      case "max_mean_word_length": gopherQuality.maxMeanWordLength = try number()
      case "max_symbol_word_ratio": gopherQuality.maxSymbolWordRatio = try number()
      case "max_bullet_lines_ratio": gopherQuality.maxBulletLinesRatio = try number()
      case "max_ellipsis_lines_ratio": gopherQuality.maxEllipsisLinesRatio = try number()
      case "min_alpha_words_ratio": gopherQuality.minAlphaWordsRatio = try number()
      case "min_stop_words": gopherQuality.minStopWords = try number()
      case "stop_words":
        if let list = value as? [Any], list.allSatisfy({ $0 is String }) {
          gopherQuality.stopWords = list.compactMap { $0 as? String }
        } else if let s = value as? String {
          gopherQuality.stopWords = s.split(separator: ",").map(String.init)
        } else {
          throw .badValue(path: path, key: name, expected: "a list of words")
        }
      default: throw .unknownKey(path: path, key: name)
      }
    case "gopher-repetition":
      switch key {
      case "max_duplicate_line_fraction": gopherRepetition.maxDuplicateLineFraction = try number()
      case "max_duplicate_paragraph_fraction": gopherRepetition.maxDuplicateParagraphFraction = try number()
      case "max_duplicate_line_char_fraction": gopherRepetition.maxDuplicateLineCharFraction = try number()
      case "max_duplicate_paragraph_char_fraction": gopherRepetition.maxDuplicateParagraphCharFraction = try number()
      default:
        if let n = Self.ngramSize(key, prefix: "max_top_", suffix: "gram_char_fraction") {
          gopherRepetition.maxTopNGramCharFraction[n] = try number()
        } else if let n = Self.ngramSize(key, prefix: "max_duplicate_", suffix: "gram_char_fraction") {
          gopherRepetition.maxDuplicateNGramCharFraction[n] = try number()
        } else {
          throw .unknownKey(path: path, key: name)
        }
      }
    case "c4":
      switch key {
      case "remove_citations": c4.removeCitations = try flag()
      case "require_terminal_punctuation": c4.requireTerminalPunctuation = try flag()
      case "min_sentences": c4.minSentences = try number()
      case "min_words_per_line": c4.minWordsPerLine = try number()
      case "max_word_length": c4.maxWordLength = try number()
      case "drop_lorem_ipsum": c4.dropLoremIpsum = try flag()
      case "drop_javascript_lines": c4.dropJavascriptLines = try flag()
      case "drop_curly_bracket": c4.dropCurlyBracket = try flag()
      case "drop_policy_lines": c4.dropPolicyLines = try flag()
      case "rewrite": c4.rewrite = try flag()
      default: throw .unknownKey(path: path, key: name)
      }
    case "fineweb":
      switch key {
      case "min_line_punctuation_ratio": fineweb.minLinePunctuationRatio = try number()
      case "max_short_line_ratio": fineweb.maxShortLineRatio = try number()
      case "short_line_length":
        guard let n = try number(), n >= 0, n == n.rounded() else {
          throw .badValue(path: path, key: name, expected: "a whole number of characters")
        }
        fineweb.shortLineLength = Int(n)
      case "max_duplicate_line_char_ratio": fineweb.maxDuplicateLineCharRatio = try number()
      case "max_newline_word_ratio": fineweb.maxNewlineWordRatio = try number()
      default: throw .unknownKey(path: path, key: name)
      }
    case "language":
      switch key {
      case "min_score":
        guard let score = try number(), (0...1).contains(score) else {
          throw .badValue(path: path, key: name, expected: "a score between 0 and 1")
        }
        language.minScore = score
      case "languages":
        guard let s = value as? String else { throw .badValue(path: path, key: name, expected: "a comma list of language codes") }
        language.languages = s.split(separator: ",").map(String.init)
      default: throw .unknownKey(path: path, key: name)
      }
    default:
      throw .unknownKey(path: path, key: name)
    }
  }

  private static func ngramSize(_ key: String, prefix: String, suffix: String) -> Int? {
    guard key.hasPrefix(prefix), key.hasSuffix(suffix) else { return nil }
    let middle = key.dropFirst(prefix.count).dropLast(suffix.count)
    guard let n = Int(middle), (1...100).contains(n) else { return nil }
    return n
  }
}
