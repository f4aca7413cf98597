extension BuildState {
  /// The counts of the redact and filter stages of one extract shard (`null` for a stage that
  /// is off), the filter's samples with their input's listing position, for its marker.
  static func json(of screen: DocumentScreen) -> JSONValue {
    ["redaction": screen.redaction.map { json(of: $0) } ?? .null,
     "filter": screen.filtering.map { json(of: $0, rules: screen.rules, positions: screen.samplePositions) } ?? .null]
  }

  /// The counts of every extract shard's redact and filter stages added up, the filter's
  /// samples the first `samplesPerReason` of each reason in listing order: what one process
  /// finds.
  /// - Parameter screens: the shards' ``json(of:)-(DocumentScreen)`` objects.
  static func joinedScreens(_ screens: [BuildStateReader], samplesPerReason: Int) throws(BuildError) -> (RedactionSummary?, FilterReport?) {
    var redaction: RedactionSummary?
    var filtering: FilterReport?
    var samples: [(position: Int, sample: FilterReport.Sample)] = []
    for screen in screens {
      if try screen.value("redaction") != .null {
        let shard = try self.redaction(try screen.reader("redaction"))
        var total = redaction ?? RedactionSummary()
        total.records += shard.records
        total.changed += shard.changed
        total.dropped += shard.dropped
        for (kind, count) in shard.counts { total.counts[kind, default: 0] += count }
        redaction = total
      }
      if try screen.value("filter") != .null {
        let (shard, positions) = try self.filtering(try screen.reader("filter"))
        var total = filtering ?? FilterReport()
        total.records += shard.records
        total.passed += shard.passed
        total.written += shard.written
        for (set, count) in shard.failuresByRuleSet { total.failuresByRuleSet[set, default: 0] += count }
        for (reason, count) in shard.failuresByReason { total.failuresByReason[reason, default: 0] += count }
        filtering = total
        samples += zip(positions, shard.samples).map { ($0, $1) }
      }
    }
    // Stable: a shard's samples of one input keep their order.
    let ordered = samples.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
    var perReason: [String: Int] = [:]
    for (_, entry) in ordered {
      let key = "\(entry.sample.rules.rawValue)/\(entry.sample.reason)"
      guard perReason[key, default: 0] < samplesPerReason else { continue }
      perReason[key, default: 0] += 1
      filtering?.samples.append(entry.sample)
    }
    return (redaction, filtering)
  }

  /// Redact's counts: documents read, changed and dropped, replacements per kind (in kind order).
  static func json(of s: RedactionSummary) -> JSONValue {
    ["records": .integer(Int64(s.records)), "changed": .integer(Int64(s.changed)), "dropped": .integer(Int64(s.dropped)),
     "counts": kindCounts(s)]
  }

  /// Replacements per kind, the kinds found only, in kind order.
  static func kindCounts(_ s: RedactionSummary) -> JSONValue {
    var counts = JSONObject()
    for kind in PIIKind.allCases { if let n = s.counts[kind] { counts.append(kind.rawValue, .integer(Int64(n))) } }
    return .object(counts)
  }

  static func redaction(_ r: BuildStateReader) throws(BuildError) -> RedactionSummary {
    var s = RedactionSummary()
    s.records = try r.int("records")
    s.changed = try r.int("changed")
    s.dropped = try r.int("dropped")
    let counts = try r.reader("counts")
    for member in counts.object {
      guard let kind = PIIKind(rawValue: member.key) else {
        throw BuildError.badPlan(path: r.path, reason: "the saved state names an unknown kind '\(member.key)'")
      }
      s.counts[kind] = try counts.int(member.key)
    }
    return s
  }

  /// The filter's counts and samples in `dataprep filter --report`'s form, with each sample's
  /// input position (`sample_inputs`) when `positions` are given.
  static func json(of f: FilterReport, rules: [QualityRuleSet], positions: [Int]? = nil) -> JSONValue {
    var o = f.json(rules: rules, annotated: false).objectValue ?? JSONObject()
    if let positions { o.append("sample_inputs", .array(positions.map { .integer(Int64($0)) })) }
    return .object(o)
  }

  /// The report saved by ``json(of:rules:positions:)``, and its samples' positions (empty when not saved).
  static func filtering(_ r: BuildStateReader) throws(BuildError) -> (FilterReport, [Int]) {
    func ruleSet(_ name: String) throws(BuildError) -> QualityRuleSet {
      guard let set = QualityRuleSet(rawValue: name) else {
        throw BuildError.badPlan(path: r.path, reason: "the saved state names an unknown rule set '\(name)'")
      }
      return set
    }
    var f = FilterReport()
    f.records = try r.int("records")
    f.passed = try r.int("passed")
    f.written = try r.int("written")
    let sets = try r.reader("rules")
    for member in sets.object {
      let set = try ruleSet(member.key)
      let entry = try sets.reader(member.key)
      let failed = try entry.int("failed")
      if failed > 0 { f.failuresByRuleSet[set] = failed }
      let reasons = try entry.reader("reasons")
      for reason in reasons.object { f.failuresByReason["\(set.rawValue)/\(reason.key)"] = try reasons.int(reason.key) }
    }
    for sample in try r.readers("samples") {
      f.samples.append(FilterReport.Sample(
        rules: try ruleSet(try sample.string("rules")), reason: try sample.string("reason"), path: try sample.string("file"),
        line: try sample.int("line")))
    }
    let positions = r.object["sample_inputs"] == nil ? [] : try r.ints("sample_inputs")
    return (f, positions)
  }
}
