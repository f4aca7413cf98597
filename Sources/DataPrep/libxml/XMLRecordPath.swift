/// Which elements ``XMLRecordReader`` returns as records: a path of element names, from the
/// outermost to the record itself, anchored at the root or found anywhere, with an optional
/// XPath predicate on the record.
///
/// The reader's own path type; `extract` parses the user's `--record` XPath into one.
struct XMLRecordPath: Sendable, Equatable {
  /// The element names from outermost to the record itself (`*` matches any).
  var steps: [String]
  /// Whether the path starts at the root (`/a/b`) rather than anywhere (`//b`).
  var anchored: Bool
  /// The predicate of the last step, without brackets, if any.
  var predicate: String?
  /// The XPath as the user wrote it, for error messages.
  var text: String

  /// Whether an element whose ancestors-and-self names (root first) are `names` is a record.
  /// Each name is (qualified, local).
  func matches(_ names: [(qualified: String, local: String)]) -> Bool {
    if anchored {
      guard names.count == steps.count else { return false }
    } else {
      guard names.count >= steps.count else { return false }
    }
    let offset = names.count - steps.count
    for (i, step) in steps.enumerated() where !XMLRecordPath.stepMatches(step, names[offset + i]) {
      return false
    }
    return true
  }

  /// Whether one step matches one element name.
  static func stepMatches(_ step: String, _ name: (qualified: String, local: String)) -> Bool {
    if step == "*" { return true }
    return step.contains(":") ? step == name.qualified : step == name.local
  }
}
