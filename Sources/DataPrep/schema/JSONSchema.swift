import Foundation

/// A compiled JSON Schema (draft 2020-12) that validates ``JSONValue`` instances.
///
/// Compile once, validate many: keywords are parsed, `$ref`s resolved and patterns compiled up
/// front. ``isValid(_:)`` stops at the first failure and allocates nothing for error paths;
/// ``validate(_:limit:)`` reports every violation with its instance path and keyword.
/// References resolve within the document only (`$id`, JSON pointers, `$anchor`); `format` is an
/// annotation, and `$dynamicRef` resolves like `$ref`.
public struct JSONSchema: Sendable {
  private final class Program: Sendable {
    let evaluator: SchemaEvaluator
    let root: Int
    init(evaluator: SchemaEvaluator, root: Int) {
      self.evaluator = evaluator
      self.root = root
    }
  }

  private let program: Program
  /// The schema document as given.
  public let document: JSONValue

  /// Compiles `document`.
  /// - Throws: ``SchemaError`` naming the schema location of a malformed keyword, an unknown
  ///   `$ref` target or a bad pattern.
  public init(_ document: JSONValue) throws(SchemaError) {
    var compiler = SchemaCompiler()
    let root = try compiler.compile(document: document)
    self.document = document
    self.program = Program(evaluator: SchemaEvaluator(nodes: compiler.nodes), root: root)
  }

  /// Reads and compiles the schema file at `path`.
  public init(contentsOfFile path: String) throws(SchemaError) {
    let bytes: [UInt8]
    do {
      bytes = try ByteSource(path: path).readAll(limit: 64 << 20)
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
    let value: JSONValue
    do throws(JSONParseError) {
      value = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
        try JSONParser().parse(buffer)
      }
    } catch {
      throw .unreadable(path: path, reason: "invalid JSON: \(error.message)")
    }
    try self.init(value)
  }

  /// The schema's `title`, when it has one.
  public var title: String? { document["title"]?.stringValue }

  /// Whether `instance` is valid; stops at the first failure.
  public func isValid(_ instance: JSONValue) -> Bool {
    var annotations = SchemaAnnotations()
    return program.evaluator.evaluate(program.root, instance, collect: false, &annotations, nil)
  }

  /// Every violation of `instance` (at most `limit`); empty when it is valid.
  public func validate(_ instance: JSONValue, limit: Int = 32) -> [SchemaViolation] {
    if isValid(instance) { return [] }
    let collector = ViolationCollector(limit: max(1, limit))
    var annotations = SchemaAnnotations()
    _ = program.evaluator.evaluate(program.root, instance, collect: false, &annotations, collector)
    if collector.violations.isEmpty {
      return [SchemaViolation(instancePath: "", keyword: "", schemaPath: "", message: "does not match the schema")]
    }
    return collector.violations
  }
}
