/// What a split did: counts, ratios, warnings, the input digest and the leakage findings; it
/// is written as `split.json`.
public struct SplitResult: Sendable {
  /// The split names in order (train, validation[, test]).
  public var names: [String]
  /// Records per split, after leak repair.
  public var counts: [Int]
  /// Groups per split, as split (before leak repair).
  public var groups: [Int]
  /// Records per split per label (with `--stratify-by`).
  public var labelCounts: [String: [Int]] = [:]
  /// The ratios asked for.
  public var ratiosAsked: [Double]
  /// Hex SHA-256 of the input's lines, each followed by `\n`.
  public var inputDigest: String
  /// Records without the group path, grouped by their own text.
  public var ungrouped = 0
  /// Problems worth telling the user (labels too small to appear on every side).
  public var warnings: [String] = []
  /// The leakage check on the first result (`nil` when not run).
  public var leakage: LeakageReport?
  /// Held-out records moved to train or dropped by the leak repair.
  public var repaired = 0
  /// Leaks left at the end (0 when clean).
  public var leaksRemaining = 0
  /// Sets of two or more groups joined because their records share a passage (with
  /// ``SplitOptions/linkSharedPassages``).
  public var linkedSets = 0
  /// Records in the largest joined set (or group).
  public var largestLinkedSet = 0
  /// Groups before they were joined (with ``SplitOptions/linkSharedPassages``; ``groups``
  /// counts the joined sets).
  public var groupsBeforeLinking = 0

  /// All records written.
  public var total: Int { counts.reduce(0, +) }

  /// The obtained share of each split.
  public var ratiosObtained: [Double] {
    counts.map { total == 0 ? 0 : Double($0) / Double(total) }
  }

  /// `split.json`: the settings and the outcome.
  public func json(options: SplitOptions, input: String) -> JSONValue {
    func round(_ x: Double) -> JSONValue { .double((x * 1_000_000).rounded() / 1_000_000) }
    var countsObject = JSONObject()
    var groupsObject = JSONObject()
    for (i, name) in names.enumerated() {
      countsObject.append(name, .integer(Int64(counts[i])))
      groupsObject.append(name, .integer(Int64(groups[i])))
    }
    var object = JSONObject()
    object.append("input", .string(input))
    object.append("input_sha256", .string(inputDigest))
    object.append("seed", .integer(Int64(bitPattern: options.seed)))
    object.append("mode", .string(options.exact || options.stratifyBy != nil ? "exact" : "stable"))
    object.append("ratio_asked", .array(ratiosAsked.map(round)))
    object.append("ratio_obtained", .array(ratiosObtained.map(round)))
    object.append("records", .integer(Int64(total)))
    object.append("counts", .object(countsObject))
    object.append("groups", .object(groupsObject))
    object.append("group_key", .string(options.groupBy ?? GroupKey.defaultPath))
    object.append("records_grouped_by_text", .integer(Int64(ungrouped)))
    if options.linkSharedPassages {
      object.append("linked_sets", .integer(Int64(linkedSets)))
      object.append("largest_linked_set", .integer(Int64(largestLinkedSet)))
      object.append("groups_before_linking", .integer(Int64(groupsBeforeLinking)))
    }
    if let stratify = options.stratifyBy {
      object.append("stratify_by", .string(stratify))
      var labels = JSONObject()
      for label in labelCounts.keys.sorted() {
        var perSplit = JSONObject()
        for (i, name) in names.enumerated() { perSplit.append(name, .integer(Int64(labelCounts[label]?[i] ?? 0))) }
        labels.append(label, .object(perSplit))
      }
      object.append("labels", .object(labels))
    }
    if let leakage {
      var leaks = JSONObject()
      leaks.append("found", .integer(Int64(leakage.findings.count)))
      var byKind = JSONObject()
      for kind in LeakKind.allCases where leakage.options.kinds.contains(kind) {
        byKind.append(kind.rawValue, .integer(Int64(leakage.counts[kind] ?? 0)))
      }
      leaks.append("by_kind", .object(byKind))
      leaks.append("ngram", .integer(Int64(leakage.options.ngram)))
      leaks.append("action", .string(options.leakAction.rawValue))
      leaks.append(options.leakAction == .drop ? "dropped" : "moved", .integer(Int64(repaired)))
      leaks.append("remaining", .integer(Int64(leaksRemaining)))
      object.append("leakage", .object(leaks))
    }
    object.append("warnings", .array(warnings.map { .string($0) }))
    return .object(object)
  }
}
