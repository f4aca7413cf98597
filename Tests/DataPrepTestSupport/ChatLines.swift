import DataPrep
import Foundation

/// Chat records and JSONL files shared by the library tests and the binary-driven tests.
package enum ChatLines {
  /// Writes `text` to `name` in a fresh temporary folder and returns its path.
  package static func temporaryFile(_ text: String, name: String = "train.jsonl") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dataprep-validate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// `count` distinct, clean openai-chat lines (enough to pass the scarcity checks at 120).
  package static func clean(_ count: Int, task: (Int) -> String = { _ in "faq" }) -> [String] {
    let subjects = ["river", "mountain", "library", "engine", "garden", "planet", "violin", "harbor", "forest", "market"]
    let verbs = ["describe", "explain", "compare", "summarise", "list facts about", "give history of"]
    return (0..<count).map { i in
      let subject = subjects[i % subjects.count]
      let verb = verbs[(i / subjects.count) % verbs.count]
      return #"{"messages":[{"role":"system","content":"You are helpful."},{"role":"user","content":"Please \#(verb) the \#(subject) number \#(i)."},{"role":"assistant","content":"Item \#(i): the \#(subject) \#(i * 7 % 13) is notable for reason \#(i * 31 % 97) and also \#(i % 5) more things."}],"metadata":{"task":"\#(task(i))"}}"#
    }
  }

  /// One user/assistant openai-chat record as a JSONL line.
  package static func record(_ user: String, _ assistant: String) -> String {
    let record: JSONValue = ["messages": [["role": "user", "content": .string(user)], ["role": "assistant", "content": .string(assistant)]]]
    return JSONWriter().string(of: record)
  }

  /// Literal `<s>` and `[INST]` in documentation (Perl's `C<s>`, HTML strikethrough, C code, a log):
  /// template markers, not special tokens.
  package static let literalTemplateMarkers: [String] = [
    record("Explain what C<s> means in POD.", "In Perl's POD, C<s> marks the letter s as code."),
    record("How do I strike text in HTML?", "Wrap it in <s>old price</s> to strike it through."),
    record("Show the C declaration.", "struct node { char *s; };\nint f(struct node <s>);"),
    record("What does [INST] mean in this log?", "The log prints [INST] before each instance id."),
  ]

  /// `count` chat lines of 120 pseudo-random words each (distinct 5-grams), with the last
  /// `planted` lines near copies of the first ones (one word changed at the end).
  package static func withNearCopies(count: Int, planted: Int) -> [String] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    let vocabulary = (0..<600).map { "w\($0)x\($0 * 7 % 13)" }
    var answers = (0..<(count - planted)).map { _ in (0..<120).map { _ in vocabulary[next() % vocabulary.count] }.joined(separator: " ") }
    for i in 0..<planted {
      answers.append(answers[i] + " changed")
    }
    return answers.enumerated().map { i, answer in
      record("Question \(i) about the topic?", answer)
    }
  }
}
