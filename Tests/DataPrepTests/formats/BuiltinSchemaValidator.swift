@testable import DataPrep

/// The built-in schemas compiled once, for tests that check records against their format.
enum BuiltinSchemaValidator {
  static let compiled: [String: JSONSchema] = {
    var schemas: [String: JSONSchema] = [:]
    for name in BuiltinSchemas.names {
      guard let text = BuiltinSchemas.json(named: name), let value = try? JSONParser().parse(text),
        let schema = try? JSONSchema(value)
      else { continue }
      schemas[name] = schema
    }
    return schemas
  }()

  /// The violations of `record` against the schema called `name` (one "no schema" entry when absent).
  static func violations(_ record: JSONValue, schema name: String) -> [String] {
    guard let schema = compiled[name] else { return ["no compiled schema \(name)"] }
    return schema.validate(record).map(\.description)
  }
}
