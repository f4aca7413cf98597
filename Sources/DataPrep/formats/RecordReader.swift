/// Reads the turns of a record of a known format as they are written (``RecordTurn``), the one
/// reader of the record shapes behind validate's checks, a record's text and its token count.
///
/// Lenient by design: a member of the wrong type reads as absent or empty and the readings
/// decide what that means; ``ExampleParser`` is the strict reading that refuses such records.
enum RecordReader {
  /// Calls `visit` with each turn of `record` read as `format`, in order: prompt, response,
  /// then alternative responses.
  static func forEachTurn(of record: JSONObject, as format: DatasetFormat, _ visit: (RecordTurn) -> Void) {
    switch format {
    case .openaiChat:
      messages(record["messages"], in: "messages", section: .conversation, visit)
    case .openaiPreference:
      messages(record["input"]?["messages"], in: "input.messages", section: .prompt, visit)
      messages(record["preferred_output"], in: "preferred_output", section: .response, visit)
      messages(record["non_preferred_output"], in: "non_preferred_output", section: .alternative, visit)
    case .promptCompletion:
      visit(RecordTurn(field: "prompt", record["prompt"], role: .user, section: .prompt, speaker: "prompt"))
      visit(RecordTurn(field: "completion", record["completion"], role: .assistant, section: .response, speaker: "completion"))
    case .alpaca:
      alpaca(record, visit)
    case .sharegpt:
      shareGPT(record, visit)
    case .text, .document:
      visit(RecordTurn(field: "text", record["text"], role: .assistant, section: .response, speaker: nil))
    }
  }

  /// The role a chat `role` or ShareGPT `from` names, leniently: an unknown name is a user.
  static func role(named name: String?, shareGPT: Bool) -> ExampleMessage.Role {
    guard shareGPT else { return name.flatMap(ExampleMessage.Role.init(rawValue:)) ?? .user }
    switch name {
    case "gpt", "assistant", "function_call": return .assistant
    case "observation", "tool": return .tool
    case "system": return .system
    default: return .user
    }
  }

  /// The object elements of an OpenAI message list (other elements are left out).
  private static func messages(
    _ list: JSONValue?, in container: String, section: RecordTurn.Section, _ visit: (RecordTurn) -> Void
  ) {
    guard let elements = list?.arrayValue else { return }
    for (index, element) in elements.enumerated() {
      guard case .object(let message) = element else { continue }
      let speaker = message["role"]?.stringValue
      var turn = RecordTurn(
        element: index, of: container, field: "content", value: message["content"],
        role: role(named: speaker, shareGPT: false), speaker: speaker, section: section)
      turn.message = message
      visit(turn)
    }
  }

  /// Alpaca: `system`, the `history` pairs, the instruction (with its `input`), the `output`.
  private static func alpaca(_ record: JSONObject, _ visit: (RecordTurn) -> Void) {
    if let system = record["system"] {
      var turn = RecordTurn(field: "system", system, role: .system, section: .prompt, speaker: "system")
      turn.isSideMember = true
      visit(turn)
    }
    for (index, pair) in (record["history"]?.arrayValue ?? []).enumerated() {
      let parts = pair.arrayValue ?? []
      for (position, role) in [ExampleMessage.Role.user, .assistant].enumerated() {
        var turn = RecordTurn(
          element: index, of: "history", field: String(position), value: position < parts.count ? parts[position] : nil,
          role: role, speaker: nil, section: .prompt)
        turn.isSideMember = true
        visit(turn)
      }
    }
    var instruction = RecordTurn(
      field: "instruction", record["instruction"], role: .user, section: .prompt, speaker: "instruction")
    instruction.input = record["input"]
    visit(instruction)
    visit(RecordTurn(field: "output", record["output"], role: .assistant, section: .response, speaker: "output"))
  }

  /// ShareGPT: a non-empty `system` string, then each `conversations` entry.
  private static func shareGPT(_ record: JSONObject, _ visit: (RecordTurn) -> Void) {
    if let system = record["system"]?.stringValue, !system.isEmpty {
      var turn = RecordTurn(field: "system", .string(system), role: .system, section: .prompt, speaker: "system")
      turn.isSideMember = true
      visit(turn)
    }
    for (index, entry) in (record["conversations"]?.arrayValue ?? []).enumerated() {
      let from = entry["from"]?.stringValue
      visit(
        RecordTurn(
          element: index, of: "conversations", field: "value", value: entry["value"],
          role: role(named: from, shareGPT: true), speaker: from, section: .conversation))
    }
  }
}
