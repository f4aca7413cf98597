import Foundation

/// Thresholds and rules for `validate`, from a config file (`dataprep.yaml`, key `validate`)
/// and command-line flags (which override the file).
public struct ValidationOptions: Sendable, Equatable {
  /// Report at most this many findings per check (all are counted). Default 20.
  public var maxFindingsPerCheck = 20
  /// At most this many schema violations reported per record. Default 3.
  public var maxSchemaViolationsPerRecord = 3
  /// Tokens (counted with the tokenizer, or estimated when none is installed) above which an example is too long. Default 65,536 (OpenAI's per-example limit).
  public var maxTokens: Int? = 65_536
  /// Bytes above which a file exceeds the service's upload limit. Default 512 MB (OpenAI).
  public var maxFileBytes: Int64? = 512 * 1_000_000
  /// Fewer training examples than this is an error. Default 10 (fine-tuning services' minimum).
  public var minTrainingExamplesError = 10
  /// Fewer training examples than this is a warning. Default 50.
  public var minTrainingExamplesWarning = 50
  /// Fewer training examples than this is a note. Default 100.
  public var minTrainingExamplesNote = 100
  /// A validation file with fewer examples gets a warning. Default 100.
  public var minValidationExamples = 100
  /// With `groupBy`, groups with fewer examples are reported. Default 10.
  public var minGroupExamples = 10
  /// With `groupBy`, a largest/smallest group ratio above this is reported. Default 100.
  public var maxGroupRatio = 100.0
  /// Distinct word 3-grams / all word 3-grams below this is low diversity. Default 0.3.
  public var minDistinctTrigramRatio = 0.3
  /// Diversity is judged only with at least this many word 3-grams. Default 2,000.
  public var minTrigramsForDiversity = 2_000
  /// The tokenizer `--max-tokens` counts with (a name or path, as `--tokenizer`); `nil`: the
  /// default, with the estimate as fallback when it is not installed.
  public var tokenizer: String?
  /// A share of records that are near duplicates of an earlier record above this is reported
  /// (the share dedup would remove). Default 0.1.
  public var maxNearDuplicateShare = 0.1
  /// Word 5-gram Jaccard similarity at or above which two records are near duplicates (as
  /// `dataprep dedup --threshold`). Default 0.8.
  public var nearDuplicateSimilarity = 0.8
  /// The dotted path of the group label (`metadata.task`), or `nil`.
  public var groupBy: String?
  /// Substrings that must not occur in text (`special-token`, an error): tokens the target model
  /// treats as special, beyond the tokenizer's own. Default none.
  public var specialTokens: [String] = []
  /// The target tokenizer's declared special tokens (`special-token`, an error), set from the
  /// tokenizer validate counts with; default o200k_base's.
  public var tokenizerSpecialTokens = Array(TiktokenEncoding.o200kBase.specialTokens.keys).sorted()
  /// Also report any `<|name|>` token (`<|endoftext|>`, `<|im_start|>`, `<|eot_id|>`, ...) as a
  /// `special-token` error: tiktoken-based services treat these as special. Default true.
  public var detectAngleBarTokens = true
  /// Chat-template markers that are ordinary text to the target tokenizer (`template-marker`, a
  /// note): literal `<s>` is common in real documentation (Perl's `C<s>`, HTML strikethrough, C).
  public var templateMarkers = ["</s>", "<s>", "[INST]", "[/INST]", "<<SYS>>", "<</SYS>>"]
  /// `boilerplate`: a line must be in the answers of at least this many distinct sources. Default 5.
  public var boilerplateMinSources = 5
  /// `boilerplate`: ... and of at least this share of all distinct sources. Default 0.01.
  public var boilerplateMinShare = 0.01
  /// `boilerplate`: at most this many distinct answer lines are tracked (memory bound, about 80
  /// bytes each). Default 4,000,000.
  public var boilerplateMaxLines = 4_000_000
  /// The kinds the `pii` check looks for (every kind by default; `build` narrows it to those
  /// its redact stage replaces).
  public var piiKinds = Set(PIIKind.allCases)
  /// Values the `pii` check does not report (public contact addresses): config `pii_keep`, a list
  /// of patterns as `dataprep redact --keep` takes them; `build` sets its redact stage's.
  public var piiAllowlist = PIIAllowlist()
  /// Severity per check, overriding the default; `nil` in the map means off.
  public var rules: [ValidationCheck: FindingSeverity?] = [:]
  /// Limits on the input (JSON nesting depth, line length).
  public var limits = InputLimits.standard

  /// The defaults.
  public init() {}

  /// The severity `check` reports at (its default, or the rule), `nil` when it is off.
  public func severity(of check: ValidationCheck, default fallback: FindingSeverity? = nil) -> FindingSeverity? {
    if let rule = rules[check] { return rule }
    return fallback ?? check.defaultSeverity
  }

  /// Whether `check` runs at all.
  public func isEnabled(_ check: ValidationCheck) -> Bool {
    if let rule = rules[check] { return rule != nil }
    return true
  }

  /// Applies a YAML config: the `validate:` section of `dataprep.yaml`, or the whole document.
  /// - Throws: ``ValidationConfigError`` naming the key that is wrong.
  public mutating func apply(yaml text: String, path: String) throws(ValidationConfigError) {
    switch BoundedYAML.section("validate", of: text) {
    case .failure(let failure): throw .unreadable(path: path, reason: failure.reason)
    case .success(let section?): try apply(section: section, path: path)
    case .success(nil): return
    }
  }

  /// Applies the keys of a parsed `validate:` mapping (YAML values), as a config file's are:
  /// `dataprep build` decodes its recipe's section with it.
  mutating func apply(section: [String: Any], path: String) throws(ValidationConfigError) {
    for (key, value) in section {
      try apply(key: key, value: value, path: path)
    }
  }

  private mutating func apply(key: String, value: Any, path: String) throws(ValidationConfigError) {
    func int() throws(ValidationConfigError) -> Int {
      if let i = value as? Int { return i }
      throw .badValue(path: path, key: key, expected: "an integer")
    }
    func double() throws(ValidationConfigError) -> Double {
      if let d = value as? Double { return d }
      if let i = value as? Int { return Double(i) }
      throw .badValue(path: path, key: key, expected: "a number")
    }
    func share() throws(ValidationConfigError) -> Double {
      let share = try double()
      guard (0...1).contains(share) else { throw .badValue(path: path, key: key, expected: "a share between 0 and 1") }
      return share
    }
    func countOfAtLeastOne() throws(ValidationConfigError) -> Int {
      let n = try int()
      guard n >= 1 else { throw .badValue(path: path, key: key, expected: "an integer of at least 1") }
      return n
    }
    func strings() throws(ValidationConfigError) -> [String] {
      guard let list = value as? [Any], list.allSatisfy({ $0 is String }) else {
        throw .badValue(path: path, key: key, expected: "a list of strings")
      }
      return list.compactMap { $0 as? String }
    }
    switch key {
    case "validate": return
    case "max_errors", "max_findings_per_check": maxFindingsPerCheck = try int()
    case "max_tokens":
      if value is NSNull {
        maxTokens = nil
      } else {
        let tokens = try int()
        guard tokens >= 1 else { throw .badValue(path: path, key: key, expected: "a token count of at least 1 (or null for no limit)") }
        maxTokens = tokens
      }
    case "max_file_bytes":
      if value is NSNull { maxFileBytes = nil } else { maxFileBytes = Int64(try int()) }
    case "max_file_mb":
      if value is NSNull { maxFileBytes = nil } else { maxFileBytes = Int64(try double() * 1_000_000) }
    case "min_train_examples_error": minTrainingExamplesError = try int()
    case "min_train_examples_warning": minTrainingExamplesWarning = try int()
    case "min_train_examples_note": minTrainingExamplesNote = try int()
    case "min_validation_examples": minValidationExamples = try int()
    case "min_group_examples": minGroupExamples = try int()
    case "max_group_ratio": maxGroupRatio = try double()
    case "min_distinct_trigram_ratio": minDistinctTrigramRatio = try double()
    case "min_trigrams_for_diversity": minTrigramsForDiversity = try int()
    case "tokenizer":
      guard let s = value as? String, !s.isEmpty else { throw .badValue(path: path, key: key, expected: "a tokenizer name or path") }
      tokenizer = s
    case "max_near_duplicate_share": maxNearDuplicateShare = try share()
    case "near_duplicate_similarity":
      let similarity = try double()
      guard similarity > 0 && similarity <= 1 else { throw .badValue(path: path, key: key, expected: "a similarity above 0 and at most 1") }
      nearDuplicateSimilarity = similarity
    case "group_by":
      guard let s = value as? String else { throw .badValue(path: path, key: key, expected: "a dotted path") }
      groupBy = s
    case "special_tokens": specialTokens = try strings()
    case "pii_keep":
      let patterns = try strings()
      do {
        piiAllowlist = try PIIAllowlist(patterns: patterns)
      } catch {
        throw .badValue(path: path, key: key, expected: "a list of values or patterns with * (\(error.localizedDescription))")
      }
    case "template_markers": templateMarkers = try strings()
    case "boilerplate_min_sources": boilerplateMinSources = try countOfAtLeastOne()
    case "boilerplate_min_share": boilerplateMinShare = try share()
    case "boilerplate_max_lines": boilerplateMaxLines = try countOfAtLeastOne()
    case "detect_angle_bar_tokens":
      guard let b = value as? Bool else { throw .badValue(path: path, key: key, expected: "true or false") }
      detectAngleBarTokens = b
    case "rules":
      guard let map = value as? [String: Any] else {
        throw .badValue(path: path, key: key, expected: "a mapping of check to error|warning|note|off")
      }
      for (name, level) in map {
        guard let check = ValidationCheck(rawValue: name) else {
          throw .unknownCheck(path: path, name: name)
        }
        let text = (level as? String) ?? ((level as? Bool) == false ? "off" : "")
        if text == "off" {
          rules[check] = .some(nil)
        } else if let severity = FindingSeverity(rawValue: text) {
          rules[check] = .some(severity)
        } else {
          throw .badValue(path: path, key: "rules.\(name)", expected: "error, warning, note or off")
        }
      }
    default:
      throw .unknownKey(path: path, key: key)
    }
  }
}

extension ValidationOptions {
  /// Chooses what the length check counts with and sets ``tokenizerSpecialTokens`` to that
  /// tokenizer's: `name` (else ``tokenizer``) must load when given; without one the default
  /// is loaded only when the length check is on, falling back to the character estimate.
  /// - Parameter warn: receives the warning when the default tokenizer is not installed.
  /// - Throws: ``TokenizerError`` when a named tokenizer cannot be loaded.
  public mutating func selectTokenCounter(tokenizer name: String?, warn: (String) -> Void) throws(TokenizerError) -> TokenCounter {
    let tokenizerName = name ?? tokenizer
    if let encoding = TiktokenEncoding(rawValue: tokenizerName ?? TokenizerLocator.defaultName) {
      tokenizerSpecialTokens = encoding.specialTokens.keys.sorted()
    }
    guard (maxTokens != nil && isEnabled(.tooLong)) || tokenizerName != nil else { return .characterEstimate }
    let selection = try TokenizerSelection.resolve(tokenizerName, fallback: .characterEstimate)
    if let warning = selection.warning { warn(warning) }
    if let tokenizer = selection.tokenizer { tokenizerSpecialTokens = tokenizer.specialTokens.keys.sorted() }
    return selection.counter
  }
}
