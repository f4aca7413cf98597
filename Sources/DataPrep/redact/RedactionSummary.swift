/// What one `redact` run did: records read, changed and dropped, and replacements per kind.
public struct RedactionSummary: Sendable, Equatable {
  /// Records read.
  public var records = 0
  /// Records written with at least one replacement.
  public var changed = 0
  /// Records left out (`--mode drop-record`).
  public var dropped = 0
  /// Values replaced (or, when dropping, found) per kind: one per occurrence in a record as a
  /// user reads it, so a value in a document's `text` and in its `sections` counts once
  /// (``valueCounts(of:)``).
  public var counts: [PIIKind: Int] = [:]

  /// An empty summary.
  public init() {}

  /// Every value replaced.
  public var total: Int { counts.values.reduce(0, +) }

  /// The one-line summary printed on stderr: `redact: 3 of 120 records changed; email 2, secret 1`.
  public var line: String {
    let kinds = PIIKind.allCases.compactMap { kind in counts[kind].map { "\(kind.rawValue) \($0)" } }
    let action = dropped > 0 ? "\(dropped) of \(records) records dropped" : "\(changed) of \(records) records changed"
    return kinds.isEmpty ? "\(action); nothing found" : "\(action); \(kinds.joined(separator: ", "))"
  }

  /// `{"counts": {kind: n, ...every kind}, "records", "changed", "dropped"}`: the report's tail,
  /// and what a shard keeps in its marker.
  public var json: JSONValue {
    var object = JSONObject()
    var byKind = JSONObject()
    for kind in PIIKind.allCases { byKind.append(kind.rawValue, .integer(Int64(counts[kind] ?? 0))) }
    object.append("counts", .object(byKind))
    object.append("records", .integer(Int64(records)))
    object.append("changed", .integer(Int64(changed)))
    object.append("dropped", .integer(Int64(dropped)))
    return .object(object)
  }

  /// Reads a summary back from ``json``; `nil` when a member is missing or wrong.
  public init?(json: JSONValue) {
    guard let records = json["records"]?.integerValue, let changed = json["changed"]?.integerValue,
      let dropped = json["dropped"]?.integerValue, let byKind = json["counts"]?.objectValue
    else { return nil }
    self.init()
    self.records = Int(records)
    self.changed = Int(changed)
    self.dropped = Int(dropped)
    for member in byKind {
      guard let kind = PIIKind(rawValue: member.key), let n = member.value.integerValue else { return nil }
      // A kind with no finding stays out of `counts`, as one run leaves it.
      if n > 0 { counts[kind] = Int(n) }
    }
  }

  /// Adds one record read and its replacements (empty: nothing found): changed, or dropped
  /// when `drops`, and its values counted per kind by ``valueCounts(of:)``. The one place
  /// `redact` and build's redact stage count, so they agree.
  mutating func add(record replacements: [RecordRedactor.Replacement], drops: Bool) {
    records += 1
    guard !replacements.isEmpty else { return }
    if drops { dropped += 1 } else { changed += 1 }
    for (kind, n) in Self.valueCounts(of: replacements) { counts[kind, default: 0] += n }
  }

  /// The values a record's replacements stand for, per kind: one per replacement, except that
  /// a document's `sections` repeat its `text` (as a user reads it), so a kind's replacements
  /// under `sections` count only beyond those in `text`. A value in both counts once; a
  /// document whose `text` is empty counts what its sections hold.
  static func valueCounts(of replacements: [RecordRedactor.Replacement]) -> [PIIKind: Int] {
    var counts: [PIIKind: Int] = [:]
    var inText: [PIIKind: Int] = [:]
    var inSections: [PIIKind: Int] = [:]
    for replacement in replacements {
      if replacement.field == "text" {
        inText[replacement.kind, default: 0] += 1
      } else if replacement.field.hasPrefix("sections[") {
        inSections[replacement.kind, default: 0] += 1
        continue
      }
      counts[replacement.kind, default: 0] += 1
    }
    for (kind, n) in inSections where n > inText[kind, default: 0] {
      counts[kind, default: 0] += n - inText[kind, default: 0]
    }
    return counts
  }

  /// Adds the counts of another part of the same run (a shard's).
  public mutating func add(_ other: RedactionSummary) {
    records += other.records
    changed += other.changed
    dropped += other.dropped
    for (kind, n) in other.counts { counts[kind, default: 0] += n }
  }
}
