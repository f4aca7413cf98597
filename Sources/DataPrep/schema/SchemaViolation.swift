/// One way an instance fails a ``JSONSchema``: where in the instance, which keyword, and why.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
  /// The JSON pointer of the failing value in the instance (`""` is the whole instance).
  public var instancePath: String
  /// The failing keyword, such as `required` or `type`.
  public var keyword: String
  /// The JSON pointer of the failing keyword in the schema document (through `$ref`s, the target's location).
  public var schemaPath: String
  /// What is wrong, in words a user can act on.
  public var message: String

  /// A violation at `instancePath` of `keyword` (at `schemaPath`) saying `message`.
  public init(instancePath: String, keyword: String, schemaPath: String, message: String) {
    self.instancePath = instancePath
    self.keyword = keyword
    self.schemaPath = schemaPath
    self.message = message
  }

  /// `at /messages/0: message (keyword)`, or `message (keyword)` at the root.
  public var description: String {
    instancePath.isEmpty ? "\(message) (\(keyword))" : "at \(instancePath): \(message) (\(keyword))"
  }
}
