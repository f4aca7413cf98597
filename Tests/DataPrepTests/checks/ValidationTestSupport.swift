import Foundation
@testable import DataPrep

/// Writes JSONL text to a temporary file and runs ``DatasetValidator`` over it.
enum ValidationTestSupport {
  static func temporaryFile(_ text: String, name: String = "train.jsonl") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dataprep-validate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// `count` distinct, clean openai-chat lines (enough to pass the scarcity checks at 120).
  static func cleanChatLines(_ count: Int, task: (Int) -> String = { _ in "faq" }) -> [String] {
    let subjects = ["river", "mountain", "library", "engine", "garden", "planet", "violin", "harbor", "forest", "market"]
    let verbs = ["describe", "explain", "compare", "summarise", "list facts about", "give history of"]
    return (0..<count).map { i in
      let subject = subjects[i % subjects.count]
      let verb = verbs[(i / subjects.count) % verbs.count]
      return #"{"messages":[{"role":"system","content":"You are helpful."},{"role":"user","content":"Please \#(verb) the \#(subject) number \#(i)."},{"role":"assistant","content":"Item \#(i): the \#(subject) \#(i * 7 % 13) is notable for reason \#(i * 31 % 97) and also \#(i % 5) more things."}],"metadata":{"task":"\#(task(i))"}}"#
    }
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
