extension BuildPipeline {
  /// The redact stage's progress line and counts: `redact: 2 of 12 records changed; email 1, secret 1`.
  static func redactReport(_ result: BuildResult) -> StageReport {
    guard let s = result.redaction else { return ("redact: off", ["enabled": false]) }
    return ("redact: " + s.line.replacingOccurrences(of: " records ", with: " documents "),
            ["documents": .integer(Int64(s.records)), "changed": .integer(Int64(s.changed)), "dropped": .integer(Int64(s.dropped)),
             "replacements": BuildState.kindCounts(s)])
  }

  /// The filter stage's progress line and counts: `filter: 12 documents, 10 kept, 2 dropped (c4 2, fineweb 1)`.
  static func filterReport(_ result: BuildResult) -> StageReport {
    guard let f = result.filtering else { return ("filter: off", ["enabled": false]) }
    var dropped = JSONObject()
    for set in result.recipe.filter.options.rules { dropped.append(set.rawValue, .integer(Int64(f.failuresByRuleSet[set] ?? 0))) }
    let perSet = result.recipe.filter.options.rules.map { "\($0.rawValue) \(f.failuresByRuleSet[$0] ?? 0)" }.joined(separator: ", ")
    return ("filter: \(f.records) documents, \(f.passed) kept, \(f.failed) dropped (\(perSet))",
            ["documents": .integer(Int64(f.records)), "kept": .integer(Int64(f.passed)), "dropped": .integer(Int64(f.failed)),
             "rules": .object(dropped)])
  }
}
