/// The text of a record, wherever a stage needs one (dedup, leakage, token counts).
///
/// A document's `text`; a chat example's `messages[].content` joined with `\n`; `prompt` and
/// `completion`; alpaca `instruction`, `input`, `output`; sharegpt `conversations[].value`.
/// A `--field PATH` (dotted, e.g. `metadata.summary` or `messages.1.content`) overrides.
public enum RecordText {
  /// Which shape the text was taken from.
  public enum Shape: String, Sendable {
    /// A document (or `text`-format example): the `text` member.
    case document
    /// `messages[].content` (openai-chat, openai-preference).
    case chat
    /// `prompt` + `completion`.
    case promptCompletion
    /// alpaca `instruction`, `input`, `output`.
    case alpaca
    /// sharegpt `conversations[].value`.
    case sharegpt
    /// A field named by the user.
    case field
  }

  /// The text of `record` and the shape it came from, or `nil` when the record has none.
  /// - Parameter field: a dotted path overriding the default; a string is used as is, an array of
  ///   strings (or of objects with `content` or `value`) is joined with `\n`.
  public static func text(of record: JSONObject, field: String? = nil) -> (text: String, shape: Shape)? {
    if let field {
      guard let value = JSONValue.object(record).value(atPath: field), let text = joined(value) else { return nil }
      return (text, .field)
    }
    if case .string(let text)? = record["text"] { return (text, .document) }
    if case .array(let messages)? = record["messages"], let text = joinContents(messages, key: "content") {
      return (text, .chat)
    }
    if case .string(let prompt)? = record["prompt"] {
      let completion = record["completion"]?.stringValue ?? ""
      return (completion.isEmpty ? prompt : prompt + "\n" + completion, .promptCompletion)
    }
    if case .string(let instruction)? = record["instruction"] {
      let parts = [instruction, record["input"]?.stringValue ?? "", record["output"]?.stringValue ?? ""]
      return (parts.filter { !$0.isEmpty }.joined(separator: "\n"), .alpaca)
    }
    if case .array(let turns)? = record["conversations"], let text = joinContents(turns, key: "value") {
      return (text, .sharegpt)
    }
    return nil
  }

  private static func joined(_ value: JSONValue) -> String? {
    switch value {
    case .string(let s): return s
    case .array(let elements):
      return joinContents(elements, key: "content") ?? joinContents(elements, key: "value")
    default: return nil
    }
  }

  /// Strings, or the `key` member of objects, joined with `\n` (parts with no text are skipped).
  private static func joinContents(_ elements: [JSONValue], key: String) -> String? {
    var parts: [String] = []
    for element in elements {
      switch element {
      case .string(let s): parts.append(s)
      case .object(let object):
        if let s = object[key]?.stringValue { parts.append(s) } else if case .array(let pieces)? = object[key] {
          // content given as parts: [{"type": "text", "text": ...}]
          for piece in pieces { if let s = piece["text"]?.stringValue { parts.append(s) } }
        }
      default: continue
      }
    }
    return parts.isEmpty && !elements.isEmpty ? nil : parts.joined(separator: "\n")
  }
}
