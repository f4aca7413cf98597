/// The built-in schemas (``BuiltinSchemas``) compiled once, by format.
public enum FormatSchemas {
  private static let compiled: [String: JSONSchema] = {
    var out: [String: JSONSchema] = [:]
    for name in BuiltinSchemas.names {
      guard let text = BuiltinSchemas.json(named: name),
        let value = try? JSONParser().parse(text), let schema = try? JSONSchema(value)
      else { continue }
      out[name] = schema
    }
    return out
  }()

  /// The compiled built-in schema of `format`.
  public static func schema(for format: DatasetFormat) -> JSONSchema? {
    compiled[format.rawValue]
  }

  /// The compiled built-in schema called `name` (`openai-chat`, `document`, ...).
  public static func schema(named name: String) -> JSONSchema? {
    compiled[name]
  }

  /// A built-in schema name, or else a schema file path: the schema and, for a built-in name, its format.
  /// - Throws: ``SchemaError`` when `nameOrPath` is neither, or the file is not a valid schema.
  public static func resolve(_ nameOrPath: String) throws(SchemaError) -> (schema: JSONSchema, format: DatasetFormat?) {
    if let schema = compiled[nameOrPath] {
      return (schema, DatasetFormat(rawValue: nameOrPath))
    }
    let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
    guard looksLikePath else { throw .unknownSchema(name: nameOrPath, known: BuiltinSchemas.names) }
    return (try JSONSchema(contentsOfFile: nameOrPath), nil)
  }
}
