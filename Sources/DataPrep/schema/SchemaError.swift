import Foundation

/// Why a schema could not be compiled; each case names the place in the schema.
public enum SchemaError: Error, Sendable, Equatable, LocalizedError {
  /// A keyword holds a value of the wrong kind (say, `minLength: "3"`).
  case invalidKeyword(schemaPath: String, keyword: String, reason: String)
  /// A `$ref` names no schema in this document (remote references are not fetched).
  case unresolvedReference(schemaPath: String, reference: String)
  /// `$ref`s or in-place applicators loop without consuming any of the instance.
  case referenceCycle(schemaPath: String)
  /// A `pattern` or `patternProperties` key is not a valid regular expression.
  case invalidPattern(schemaPath: String, pattern: String)
  /// The schema file could not be read or parsed.
  case unreadable(path: String, reason: String)
  /// No built-in schema has this name and no file exists at this path.
  case unknownSchema(name: String, known: [String])

  /// A message naming the schema location and what to fix.
  public var errorDescription: String? {
    switch self {
    case .invalidKeyword(let path, let keyword, let reason):
      return "schema \(path.isEmpty ? "root" : path): keyword '\(keyword)' \(reason)"
    case .unresolvedReference(let path, let reference):
      return "schema \(path.isEmpty ? "root" : path): $ref '\(reference)' names no schema in this document (remote references are not fetched)"
    case .referenceCycle(let path):
      return "schema \(path.isEmpty ? "root" : path): $ref/allOf loop that never reaches a keyword checking the data"
    case .invalidPattern(let path, let pattern):
      return "schema \(path.isEmpty ? "root" : path): '\(pattern)' is not a valid regular expression"
    case .unreadable(let path, let reason):
      return "\(path): cannot read schema: \(reason)"
    case .unknownSchema(let name, let known):
      return "no schema named '\(name)' and no such file; built-in schemas: \(known.joined(separator: ", "))"
    }
  }
}
