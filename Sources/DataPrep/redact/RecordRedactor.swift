/// Redacts every string of a record: a document's `text`, `title`, sections and metadata, every
/// message, turn and field of every example format, tool-call arguments and nested values.
///
/// It walks the whole record rather than the parts `RecordText` reads, because private data
/// hides wherever text goes (a metadata field, a system prompt, a tool result). Strings under
/// structural keys (``structuralKeys``: ids, roles, formats) are identifiers, not text, and stay.
public struct RecordRedactor: Sendable {
  /// Keys whose string values name things rather than hold text.
  public static let structuralKeys: Set<String> = [
    "id", "source_id", "role", "from", "format", "type", "language", "task", "tool_call_id", "weight",
  ]

  /// The text redactor applied to each string.
  public var text: TextRedactor

  /// A record redactor over `text`.
  public init(text: TextRedactor) {
    self.text = text
  }

  /// One replacement in a record: where (a dotted path such as `messages[1].content`) and what kind.
  public struct Replacement: Sendable, Hashable {
    /// The field's path in the record.
    public var field: String
    /// The kind replaced.
    public var kind: PIIKind
  }

  /// The redacted record and its replacements, or nil when the record holds nothing to replace.
  public func redact(_ record: JSONObject) -> (record: JSONObject, replacements: [Replacement])? {
    var replacements: [Replacement] = []
    var path: [PathStep] = []
    let result = redact(object: record, path: &path, into: &replacements)
    guard let result, !replacements.isEmpty else { return nil }
    return (result, replacements)
  }

  private enum PathStep {
    case key(String)
    case index(Int)
  }

  private static func render(_ path: [PathStep]) -> String {
    var out = ""
    for step in path {
      switch step {
      case .key(let key): out += out.isEmpty ? key : ".\(key)"
      case .index(let index): out += "[\(index)]"
      }
    }
    return out
  }

  /// The object with its strings redacted, or nil if none changed.
  private func redact(object: JSONObject, path: inout [PathStep], into replacements: inout [Replacement]) -> JSONObject? {
    var copy: JSONObject?
    for (index, member) in object.members.enumerated() {
      if Self.structuralKeys.contains(member.key) { continue }
      path.append(.key(member.key))
      if let value = redact(value: member.value, path: &path, into: &replacements) {
        if copy == nil { copy = object }
        copy?.members[index].value = value
      }
      path.removeLast()
    }
    return copy
  }

  private func redact(value: JSONValue, path: inout [PathStep], into replacements: inout [Replacement]) -> JSONValue? {
    switch value {
    case .string(let string):
      guard let (redacted, kinds) = text.redact(string) else { return nil }
      let field = Self.render(path)
      for kind in kinds { replacements.append(Replacement(field: field, kind: kind)) }
      return .string(redacted)
    case .array(let elements):
      var copy: [JSONValue]?
      for (index, element) in elements.enumerated() {
        path.append(.index(index))
        if let value = redact(value: element, path: &path, into: &replacements) {
          if copy == nil { copy = elements }
          copy?[index] = value
        }
        path.removeLast()
      }
      return copy.map { .array($0) }
    case .object(let object):
      return redact(object: object, path: &path, into: &replacements).map { .object($0) }
    default:
      return nil
    }
  }
}
