import Foundation
@testable import DataPrep

/// Small documents for the instruct tests, and a way to run the stage on them.
enum InstructFixtures {
  /// The object a dictionary literal builds (JSONObject itself takes no literal).
  static func object(_ value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }

  static let manual = Document(
    id: "manual", source: "manual.html", format: "html", title: "Widget Manual",
    text: """
      # Widget Manual

      The widget is a small device that helps you manage your tasks every day without any fuss.

      ## Installation

      Plug the widget into a USB port and wait for the green light.

      ## How do I reset it?

      Hold the button for ten seconds until the light blinks.

      ## Wie lade ich den Akku

      Mit dem beiliegenden Kabel, etwa zwei Stunden lang.
      """,
    sections: [
      .init(heading: "Widget Manual", level: 1, text: "The widget is a small device that helps you manage your tasks every day without any fuss."),
      .init(heading: "Installation", level: 2, text: "Plug the widget into a USB port and wait for the green light."),
      .init(heading: "How do I reset it?", level: 2, text: "Hold the button for ten seconds until the light blinks."),
      .init(heading: "Wie lade ich den Akku", level: 2, text: "Mit dem beiliegenden Kabel, etwa zwei Stunden lang."),
    ],
    metadata: object([
      "description": "A manual for the widget, a small device for your daily tasks: how to install it and reset it.",
      "qa": [["question": "Is it waterproof?", "answer": "No, keep it dry."]],
    ]))

  static let article = Document(
    id: "article", source: "paper.xml", format: "jats", title: "On Widgets",
    text: "# On Widgets\n\nWe study widgets. " + String(repeating: "Widgets are useful in many settings and we measured them carefully. ", count: 6),
    sections: [.init(heading: "On Widgets", level: 1, text: "We study widgets.")],
    metadata: object(["abstract": "We study widgets and find that they are useful in many settings, after measuring them carefully."]))

  static func post(_ id: String, type: String, title: String = "", body: String, accepted: String? = nil) -> Document {
    var fields = object(["Id": .string(id), "PostTypeId": .string(type), "Body": .string(body)])
    if !title.isEmpty { fields["Title"] = .string(title) }
    if let accepted { fields["AcceptedAnswerId"] = .string(accepted) }
    return Document(
      id: "post-\(id)", source: "Posts.xml#\(id)", format: "record", title: "", text: "", sections: [],
      metadata: object(["fields": .object(fields)]))
  }

  /// Runs `instruct` over `documents` and returns the summary and the written records.
  static func run(_ documents: [Document], _ options: InstructOptions) throws -> (Instructor.Summary, [JSONValue]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instruct-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("docs.jsonl").path
    let output = folder.appendingPathComponent("out.jsonl").path
    let lines = documents.map { JSONWriter().string(of: $0.jsonValue) }
    try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
    let writer = try JSONLWriter(path: output)
    let summary = try Instructor(options: options).run(try JSONLReader(path: input), to: writer)
    try writer.finish()
    let text = try String(contentsOfFile: output, encoding: .utf8)
    return (summary, try text.split(separator: "\n").map { try JSONParser().parse(String($0)) })
  }

  /// The raw output text, for byte-identity checks.
  static func outputText(_ documents: [Document], _ options: InstructOptions) throws -> String {
    try run(documents, options).1.map { JSONWriter().string(of: $0) }.joined(separator: "\n")
  }
}
