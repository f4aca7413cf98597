/// What one split holds, for the report: token lengths and examples per task, source and group.
///
/// Lengths are kept as a count per distinct length, so memory grows with the longest example,
/// not with the number of examples; tasks, sources and groups are counted per distinct value.
public struct SplitStatistics: Sendable, Equatable {
  /// `train`, `validation` or `test`.
  public var name: String
  /// Examples in the split.
  public var records = 0
  /// Examples per token length.
  public var lengths: [Int: Int] = [:]
  /// Examples per `metadata.task`.
  public var tasks: [String: Int] = [:]
  /// Examples per source file (the `source` of the document they came from).
  public var sources: [String: Int] = [:]
  /// Examples per split group key.
  public var groups: [String: Int] = [:]

  /// Statistics of an empty split called `name`.
  public init(name: String) {
    self.name = name
  }

  /// The longest example in tokens (0 when empty).
  public var longest: Int { lengths.keys.max() ?? 0 }
  /// All tokens in the split.
  public var tokens: Int { lengths.reduce(0) { $0 + $1.key * $1.value } }
  /// Examples longer than `limit` tokens.
  public func over(_ limit: Int) -> Int { lengths.reduce(0) { $0 + ($1.key > limit ? $1.value : 0) } }

  /// The length below which `fraction` of the examples fall (nearest rank).
  public func percentile(_ fraction: Double) -> Int {
    guard records > 0 else { return 0 }
    let rank = max(1, Int((fraction * Double(records)).rounded(.up)))
    var seen = 0
    for length in lengths.keys.sorted() {
      seen += lengths[length] ?? 0
      if seen >= rank { return length }
    }
    return longest
  }

  /// Reads the split at `path`, counting tokens with `counter`.
  /// - Parameters:
  ///   - sourceOfDocument: a document id's source file.
  ///   - groupBy: the dotted path of the split group key.
  ///   - onRecord: called with each record, for what else the report gathers in the same pass.
  static func read(
    path: String, name: String, counter: TokenCounter, sourceOfDocument: [String: String], groupBy: String,
    onRecord: (JSONObject) -> Void = { _ in }
  ) throws -> SplitStatistics {
    var stats = SplitStatistics(name: name)
    try JSONLReader(path: path).forEachRecord { record in
      let object = record.object
      onRecord(object)
      stats.records += 1
      stats.lengths[counter.count(RecordText.text(of: object) ?? ""), default: 0] += 1
      let metadata = object["metadata"]
      stats.tasks[metadata?["task"]?.stringValue ?? "(none)", default: 0] += 1
      let documentID = metadata?["source_id"]?.stringValue
      stats.sources[documentID.flatMap { sourceOfDocument[$0] } ?? "(unknown)", default: 0] += 1
      let group = JSONValue.object(object).value(atPath: groupBy).map(Self.key) ?? "(none)"
      stats.groups[group, default: 0] += 1
      return true
    }
    return stats
  }

  private static func key(_ value: JSONValue) -> String {
    if let s = value.stringValue { return s }
    return JSONWriter().string(of: value)
  }

  /// `{name, records, tokens, longest, p50, p95, tasks, sources, groups}` (groups as a count).
  var json: JSONValue {
    func counts(_ d: [String: Int]) -> JSONValue {
      var o = JSONObject()
      for key in d.keys.sorted() { o.append(key, .integer(Int64(d[key] ?? 0))) }
      return .object(o)
    }
    return ["name": .string(name), "records": .integer(Int64(records)), "tokens": .integer(Int64(tokens)),
            "longest": .integer(Int64(longest)), "p50": .integer(Int64(percentile(0.5))),
            "p95": .integer(Int64(percentile(0.95))), "tasks": counts(tasks), "sources": counts(sources),
            "groups": .integer(Int64(groups.count))]
  }
}
