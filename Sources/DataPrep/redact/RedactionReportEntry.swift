/// One replacement as `redact --report` lists it: where (file, line, field) and what kind, never
/// the value. A sharded run keeps its entries as a part, one JSON object a line, for `merge`.
public struct RedactionReportEntry: Sendable, Equatable {
  /// The input file, as given.
  public var file: String
  /// The line of the record in it.
  public var line: Int
  /// The field's path in the record (e.g. `messages[1].content`).
  public var field: String
  /// The kind replaced.
  public var kind: PIIKind

  /// An entry for a replacement of `kind` in `field` of the record at `file:line`.
  public init(file: String, line: Int, field: String, kind: PIIKind) {
    self.file = file
    self.line = line
    self.field = field
    self.kind = kind
  }

  /// `{"file", "line", "field", "kind"}`, in that order (the report's entry).
  public var json: JSONObject {
    var entry = JSONObject()
    entry.append("file", .string(file))
    entry.append("line", .integer(Int64(line)))
    entry.append("field", .string(field))
    entry.append("kind", .string(kind.rawValue))
    return entry
  }

  /// Reads an entry back from ``json``; `nil` when a member is missing or wrong.
  public init?(json: JSONObject) {
    guard let file = json["file"]?.stringValue, let line = json["line"]?.integerValue,
      let field = json["field"]?.stringValue, let kind = json["kind"]?.stringValue.flatMap(PIIKind.init(rawValue:))
    else { return nil }
    self.init(file: file, line: Int(line), field: field, kind: kind)
  }
}
