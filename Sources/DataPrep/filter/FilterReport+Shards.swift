extension FilterReport {
  /// Reads back a report written by ``json(rules:annotated:)`` (a shard keeps one per piece of
  /// input in its marker); `nil` when a member is missing or of the wrong kind.
  public init?(json: JSONValue) {
    guard let records = json["records"]?.integerValue, let passed = json["passed"]?.integerValue,
      let written = json["written"]?.integerValue, let rules = json["rules"]?.objectValue,
      let samples = json["samples"]?.arrayValue
    else { return nil }
    self.init()
    self.records = Int(records)
    self.passed = Int(passed)
    self.written = Int(written)
    for member in rules {
      guard let set = QualityRuleSet(rawValue: member.key), let failed = member.value["failed"]?.integerValue,
        let reasons = member.value["reasons"]?.objectValue
      else { return nil }
      if failed > 0 { failuresByRuleSet[set] = Int(failed) }
      for reason in reasons {
        guard let n = reason.value.integerValue else { return nil }
        failuresByReason["\(set.rawValue)/\(reason.key)"] = Int(n)
      }
    }
    for sample in samples {
      guard let set = sample["rules"]?.stringValue.flatMap(QualityRuleSet.init(rawValue:)),
        let reason = sample["reason"]?.stringValue, let path = sample["file"]?.stringValue, let line = sample["line"]?.integerValue
      else { return nil }
      self.samples.append(Sample(rules: set, reason: reason, path: path, line: Int(line)))
    }
  }

  /// Adds the report of the input that follows this one (the next piece of a sharded run, in
  /// input order): counts summed, and `other`'s samples of each reason kept while this report
  /// holds fewer than `samplesPerReason` of it, so that joining the pieces' reports in input
  /// order gives the report one process writes.
  public mutating func append(_ other: FilterReport, samplesPerReason: Int) {
    records += other.records
    passed += other.passed
    written += other.written
    for (set, n) in other.failuresByRuleSet { failuresByRuleSet[set, default: 0] += n }
    var held: [String: Int] = [:]
    for sample in samples { held["\(sample.rules.rawValue)/\(sample.reason)", default: 0] += 1 }
    for sample in other.samples {
      let key = "\(sample.rules.rawValue)/\(sample.reason)"
      guard held[key, default: 0] < samplesPerReason else { continue }
      held[key, default: 0] += 1
      samples.append(sample)
    }
    for (key, n) in other.failuresByReason { failuresByReason[key, default: 0] += n }
  }
}
