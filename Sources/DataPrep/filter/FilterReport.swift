/// What `dataprep filter` did: records read, kept and dropped, failures per rule set and
/// reason, and a few samples of each reason with their file and line.
public struct FilterReport: Sendable, Equatable {
  /// One dropped (or, annotating, failing) record shown as an example of a reason.
  public struct Sample: Sendable, Equatable {
    /// The rule set.
    public var rules: QualityRuleSet
    /// The failing rule.
    public var reason: String
    /// The input file.
    public var path: String
    /// The line in it.
    public var line: Int
  }

  /// Records read.
  public var records = 0
  /// Records that passed every rule set.
  public var passed = 0
  /// Records written (all of them when annotating).
  public var written = 0
  /// Records failing each rule set.
  public var failuresByRuleSet: [QualityRuleSet: Int] = [:]
  /// Records failing each reason, keyed `rule-set/reason`.
  public var failuresByReason: [String: Int] = [:]
  /// The first few records failing each reason, in input order.
  public var samples: [Sample] = []

  /// An empty report.
  public init() {}

  /// Records that failed at least one rule set.
  public var failed: Int { records - passed }

  mutating func add(_ outcomes: [QualityRuleOutcome], path: String, line: Int, samplesPerReason: Int) {
    records += 1
    var passedAll = true
    for outcome in outcomes {
      guard let reason = outcome.failure else { continue }
      passedAll = false
      failuresByRuleSet[outcome.rules, default: 0] += 1
      let key = "\(outcome.rules.rawValue)/\(reason)"
      let seen = failuresByReason[key, default: 0]
      failuresByReason[key] = seen + 1
      if seen < samplesPerReason { samples.append(Sample(rules: outcome.rules, reason: reason, path: path, line: line)) }
    }
    if passedAll { passed += 1 }
  }

  /// The report as JSON: `records`, `kept`, `dropped`, `rules` {rule set: {failed, reasons}},
  /// `samples` [{rules, reason, file, line}]; keys in a fixed order.
  public func json(rules: [QualityRuleSet], annotated: Bool) -> JSONValue {
    var root = JSONObject()
    root.append("records", .integer(Int64(records)))
    root.append("passed", .integer(Int64(passed)))
    root.append("failed", .integer(Int64(failed)))
    root.append("written", .integer(Int64(written)))
    root.append("mode", .string(annotated ? "annotate" : "drop"))
    var byRule = JSONObject()
    for set in rules {
      var entry = JSONObject()
      entry.append("failed", .integer(Int64(failuresByRuleSet[set] ?? 0)))
      var reasons = JSONObject()
      let prefix = set.rawValue + "/"
      for key in failuresByReason.keys.sorted() where key.hasPrefix(prefix) {
        reasons.append(String(key.dropFirst(prefix.count)), .integer(Int64(failuresByReason[key] ?? 0)))
      }
      entry.append("reasons", .object(reasons))
      byRule.append(set.rawValue, .object(entry))
    }
    root.append("rules", .object(byRule))
    root.append(
      "samples",
      .array(
        samples.map { sample in
          var object = JSONObject()
          object.append("rules", .string(sample.rules.rawValue))
          object.append("reason", .string(sample.reason))
          object.append("file", .string(sample.path))
          object.append("line", .integer(Int64(sample.line)))
          return .object(object)
        }))
    return .object(root)
  }

  /// The one-paragraph summary for stderr.
  public func summary(rules: [QualityRuleSet], annotated: Bool) -> String {
    var lines = ["\(records) records: \(passed) passed, \(failed) failed" + (annotated ? " (all written, annotated)" : " (dropped)")]
    for set in rules {
      let prefix = set.rawValue + "/"
      let reasons = failuresByReason.keys.sorted().filter { $0.hasPrefix(prefix) }
        .map { "\($0.dropFirst(prefix.count)) \(failuresByReason[$0] ?? 0)" }
      lines.append("  \(set.rawValue): \(failuresByRuleSet[set] ?? 0) failed" + (reasons.isEmpty ? "" : " (" + reasons.joined(separator: ", ") + ")"))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
