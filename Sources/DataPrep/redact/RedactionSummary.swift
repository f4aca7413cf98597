/// What one `redact` run did: records read, changed and dropped, and replacements per kind.
public struct RedactionSummary: Sendable, Equatable {
  /// Records read.
  public var records = 0
  /// Records written with at least one replacement.
  public var changed = 0
  /// Records left out (`--mode drop-record`).
  public var dropped = 0
  /// Replacements (or, when dropping, findings) per kind.
  public var counts: [PIIKind: Int] = [:]

  /// An empty summary.
  public init() {}

  /// Every replacement.
  public var total: Int { counts.values.reduce(0, +) }

  /// The one-line summary printed on stderr: `redact: 3 of 120 records changed; email 2, secret 1`.
  public var line: String {
    let kinds = PIIKind.allCases.compactMap { kind in counts[kind].map { "\(kind.rawValue) \($0)" } }
    let action = dropped > 0 ? "\(dropped) of \(records) records dropped" : "\(changed) of \(records) records changed"
    return kinds.isEmpty ? "\(action); nothing found" : "\(action); \(kinds.joined(separator: ", "))"
  }
}
