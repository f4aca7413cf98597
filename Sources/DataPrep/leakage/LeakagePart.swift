/// Which part of a record a shared passage was found in: instruction data is checked on its
/// prompts and its responses separately, so a report can tell a leaked question from a leaked answer.
public enum LeakagePart: String, Sendable, Codable, CaseIterable {
  /// The whole text of a document (or a `--field`).
  case text
  /// What the model is given: user and human turns, `prompt`, alpaca `instruction` and `input`.
  case prompt
  /// What the model learns to write: assistant turns, `completion`, alpaca `output`.
  case response

  /// The part a speaker's text belongs to; `nil` for system messages, which instruction sets
  /// repeat verbatim in every record and so would flag every pair.
  static func forRole(_ role: String?) -> LeakagePart? {
    guard let role = role?.lowercased() else { return .text }
    switch role {
    case "system", "developer": return nil
    case "assistant", "gpt", "model", "bot", "chatgpt", "completion", "output", "response", "chosen":
      return .response
    default:
      return .prompt
    }
  }

  /// The texts of `record` by part, in order: the whole text for documents and `field`, the
  /// prompt and response turns otherwise (system messages left out). Empty when the record has no text.
  static func texts(of record: JSONObject, field: String?) -> [(part: LeakagePart, text: String)] {
    if let field {
      return RecordText.text(of: record, field: field).map { [(.text, $0)] } ?? []
    }
    if let messages = record["messages"]?.arrayValue {
      return turns(messages, textKey: "content", roleKey: "role")
    }
    if let input = record["input"]?.objectValue, let messages = input["messages"]?.arrayValue {
      var out = turns(messages, textKey: "content", roleKey: "role")
      for key in ["preferred_output", "non_preferred_output"] {
        out += turns(record[key]?.arrayValue ?? [], textKey: "content", roleKey: "role")
      }
      return out
    }
    if let conversation = record["conversations"]?.arrayValue {
      return turns(conversation, textKey: "value", roleKey: "from")
    }
    if record["prompt"]?.stringValue != nil || record["completion"]?.stringValue != nil {
      var out: [(LeakagePart, String)] = []
      if let prompt = record["prompt"]?.stringValue { out.append((.prompt, prompt)) }
      if let completion = record["completion"]?.stringValue { out.append((.response, completion)) }
      return out
    }
    if let instruction = record["instruction"]?.stringValue {
      var out: [(LeakagePart, String)] = [(.prompt, instruction)]
      if let input = record["input"]?.stringValue, !input.isEmpty { out.append((.prompt, input)) }
      if let output = record["output"]?.stringValue { out.append((.response, output)) }
      return out
    }
    return RecordText.text(of: record).map { [(.text, $0)] } ?? []
  }

  private static func turns(_ elements: [JSONValue], textKey: String, roleKey: String) -> [(part: LeakagePart, text: String)] {
    var out: [(LeakagePart, String)] = []
    for element in elements {
      guard let object = element.objectValue else { continue }
      guard let part = forRole(object[roleKey]?.stringValue) else { continue }
      switch object[textKey] {
      case .string(let text)?: out.append((part == .text ? .prompt : part, text))
      case .array(let pieces)?:
        let texts = pieces.compactMap { $0.stringValue ?? $0["text"]?.stringValue }
        if !texts.isEmpty { out.append((part == .text ? .prompt : part, texts.joined(separator: "\n"))) }
      default: continue
      }
    }
    return out
  }
}
