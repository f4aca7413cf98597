import Foundation
@testable import DataPrep

/// Runs the model generator over documents with a stand-in client.
enum ModelFixtures {
  /// Writes `documents` as JSONL in a new temporary folder and returns its path.
  static func input(_ documents: [Document]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("docs.jsonl").path
    let lines = documents.map { JSONWriter().string(of: $0.jsonValue) }
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// The summary and the output text of a model run.
  static func run(
    _ documents: [Document], generator: ModelGeneratorOptions, client: any ChatCompleting,
    options: InstructOptions = InstructOptions(format: .openAIChat, tasks: [])
  ) async throws -> (summary: Instructor.Summary, text: String) {
    let input = try input(documents)
    let output = (input as NSString).deletingLastPathComponent + "/out.jsonl"
    defer { try? FileManager.default.removeItem(atPath: (input as NSString).deletingLastPathComponent) }
    let writer = try JSONLWriter(path: output)
    let summary = try await ModelInstructor(options: options, generator: generator, client: client)
      .generate(try JSONLReader(path: input), to: writer)
    try writer.finish()
    return (summary, try String(contentsOfFile: output, encoding: .utf8))
  }

  /// The records of an output text.
  static func records(_ text: String) throws -> [JSONValue] {
    try text.split(separator: "\n").map { try JSONParser().parse(String($0)) }
  }

  /// A document of several sections whose texts share words, for dedup and grounding tests.
  static let guide = Document(
    id: "guide", source: "guide.html", format: "html", title: "Lamp Guide",
    text: "",
    sections: [
      .init(heading: "Lamp Guide", level: 1, text: "The lamp lights a desk with a warm and steady glow for reading at night."),
      .init(heading: "Bulbs", level: 2, text: "Replace the bulb with a twelve watt LED bulb after turning the lamp off."),
      .init(heading: "Cleaning", level: 2, text: "Wipe the shade with a dry cloth once a week to keep the dust away."),
    ])
}
