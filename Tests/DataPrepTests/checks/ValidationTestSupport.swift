import Foundation
@testable import DataPrep

/// Writes JSONL text to a temporary file and runs ``DatasetValidator`` over it.
enum ValidationTestSupport {
  static func temporaryFile(_ text: String, name: String = "train.jsonl") throws -> String {
    try ChatLines.temporaryFile(text, name: name)
  }

  /// `count` distinct, clean openai-chat lines (enough to pass the scarcity checks at 120).
  static func cleanChatLines(_ count: Int, task: (Int) -> String = { _ in "faq" }) -> [String] {
    ChatLines.clean(count, task: task)
  }

  static func run(
    _ lines: [String], name: String = "train.jsonl", options: ValidationOptions = ValidationOptions(),
    schema: JSONSchema? = nil, format: DatasetFormat? = nil
  ) throws -> ValidationReport {
    let path = try temporaryFile(lines.joined(separator: "\n") + "\n", name: name)
    let validator = DatasetValidator(options: options, schema: schema, format: format, schemaLookup: { FormatSchemas.schema(for: $0) })
    try validator.validate(path: path)
    return validator.finish()
  }
}
