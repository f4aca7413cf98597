/// What one split holds, for the report: token lengths (``TokenStatistics``) and examples per
/// task, source and group.
///
/// Lengths are kept as a count per distinct length, so memory grows with the longest example,
/// not with the number of examples; tasks, sources and groups are counted per distinct value.
struct SplitStatistics: Sendable, Equatable {
  /// `train`, `validation` or `test`.
  var name: String
  /// The examples' token lengths (each example's text counted alone, no chat overhead).
  var lengths = TokenStatistics()
  /// Examples per `metadata.task`.
  var tasks: [String: Int] = [:]
  /// Examples per source file (the `source` of the document they came from).
  var sources: [String: Int] = [:]
  /// Examples per split group (``GroupKey``); examples without a group, which split places one
  /// by one, are counted together under `(none)`.
  var groups: [String: Int] = [:]

  /// The key examples without a group are counted under in ``groups``.
  static let noGroup = "(none)"

  /// Statistics of an empty split called `name`.
  init(name: String) {
    self.name = name
  }

  /// Examples in the split.
  var records: Int { lengths.records }

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
      stats.lengths.add(tokens: counter.count(RecordText.text(of: object) ?? ""))
      let metadata = object["metadata"]
      stats.tasks[metadata?["task"]?.stringValue ?? "(none)", default: 0] += 1
      let documentID = metadata?["source_id"]?.stringValue
      stats.sources[documentID.flatMap { sourceOfDocument[$0] } ?? "(unknown)", default: 0] += 1
      stats.groups[GroupKey.value(of: object, path: groupBy) ?? Self.noGroup, default: 0] += 1
      return true
    }
    return stats
  }

  /// `{name, records, tokens, longest, p50, p95, tasks, sources, groups}` (groups as a count).
  var json: JSONValue {
    func counts(_ d: [String: Int]) -> JSONValue {
      var o = JSONObject()
      for key in d.keys.sorted() { o.append(key, .integer(Int64(d[key] ?? 0))) }
      return .object(o)
    }
    return ["name": .string(name), "records": .integer(Int64(records)), "tokens": .integer(Int64(lengths.totalTokens)),
            "longest": .integer(Int64(lengths.longest)), "p50": .integer(Int64(lengths.percentile(50))),
            "p95": .integer(Int64(lengths.percentile(95))), "tasks": counts(tasks), "sources": counts(sources),
            "groups": .integer(Int64(groups.count))]
  }
}
