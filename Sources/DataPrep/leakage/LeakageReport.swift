/// The result of a leakage check: every finding, counts by kind, and what was indexed.
public struct LeakageReport: Sendable {
  /// Every leak, in the order of the scanned files and their records.
  public var findings: [LeakFinding]
  /// Held-out records indexed.
  public var heldOutRecords: Int
  /// Distinct n-grams indexed.
  public var indexedNGrams: Int
  /// Approximate bytes held by the index.
  public var indexBytes: Int
  /// The options the check ran with.
  public var options: LeakageOptions

  /// A report of `findings`.
  public init(findings: [LeakFinding], heldOutRecords: Int, indexedNGrams: Int, indexBytes: Int, options: LeakageOptions) {
    self.findings = findings
    self.heldOutRecords = heldOutRecords
    self.indexedNGrams = indexedNGrams
    self.indexBytes = indexBytes
    self.options = options
  }

  /// How many findings of each kind.
  public var counts: [LeakKind: Int] {
    var counts: [LeakKind: Int] = [:]
    for finding in findings { counts[finding.kind, default: 0] += 1 }
    return counts
  }

  /// The held-out records that leaked (file and line), distinct.
  public var leakedHeldOut: Set<LeakRecordReference> { Set(findings.map(\.heldOut)) }

  /// A human-readable report: a summary line per kind, then up to `limit` findings.
  public func text(limit: Int = 50) -> String {
    var lines: [String] = []
    let counts = self.counts
    let leaked = leakedHeldOut.count
    lines.append("\(findings.count) leak(s); \(leaked) of \(heldOutRecords) held-out record(s) leaked")
    for kind in LeakKind.allCases where options.kinds.contains(kind) {
      lines.append("  \(kind.rawValue): \(counts[kind] ?? 0)")
    }
    for finding in findings.prefix(limit) {
      var line = "\(finding.kind.rawValue): \(finding.heldOut.description) in \(finding.found.description)"
      if let group = finding.group { line += " group \(group)" }
      if finding.kind == .nearDuplicate, let s = finding.similarity {
        line += " similarity \((s * 1000).rounded() / 1000)"
      }
      if let passage = finding.passage, let words = finding.passageWords {
        let quoted = passage.count > 200 ? String(passage.prefix(200)) + "…" : passage
        line += " \(words) words\(finding.part.map { $0 == .text ? "" : " (\($0.rawValue))" } ?? ""): \"\(quoted)\""
      }
      lines.append(line)
    }
    if findings.count > limit { lines.append("… \(findings.count - limit) more (use \(OptionName.naming(.output)) json for all)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The report as JSON: options, counts and every finding
  /// (`kind`, `held_out` and `found` as `{file, line, id}`, `similarity`, `passage`, `words`, `part`, `group`).
  public var json: JSONValue {
    var summary = JSONObject()
    for kind in LeakKind.allCases where options.kinds.contains(kind) {
      summary.append(kind.rawValue, .integer(Int64(counts[kind] ?? 0)))
    }
    var list: [JSONValue] = []
    list.reserveCapacity(findings.count)
    for finding in findings {
      var object = JSONObject()
      object.append("kind", .string(finding.kind.rawValue))
      object.append("held_out", finding.heldOut.json)
      object.append("found", finding.found.json)
      if let s = finding.similarity { object.append("similarity", .double((s * 10000).rounded() / 10000)) }
      if let passage = finding.passage { object.append("passage", .string(passage)) }
      if let words = finding.passageWords { object.append("words", .integer(Int64(words))) }
      if let part = finding.part { object.append("part", .string(part.rawValue)) }
      if let group = finding.group { object.append("group", .string(group)) }
      list.append(.object(object))
    }
    return [
      "leaks": .integer(Int64(findings.count)),
      "held_out_records": .integer(Int64(heldOutRecords)),
      "held_out_records_leaked": .integer(Int64(leakedHeldOut.count)),
      "by_kind": .object(summary),
      "ngram": .integer(Int64(options.ngram)),
      "threshold": .double(options.threshold),
      "indexed_ngrams": .integer(Int64(indexedNGrams)),
      "index_bytes": .integer(Int64(indexBytes)),
      "findings": .array(list),
    ]
  }
}
