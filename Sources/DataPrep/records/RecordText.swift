/// The text of a record, wherever a stage needs one (dedup, leakage, tokens, stats).
///
/// One definition for every stage, so they all agree on what a record "says":
///
/// | record | parts, in order |
/// |---|---|
/// | `openai-chat` `{messages}` | each message's `content` (string, or the `text` of its parts), role = `role` |
/// | `openai-preference` `{input: {messages}, preferred_output, non_preferred_output}` | input messages, then preferred, then non-preferred output messages |
/// | `sharegpt` `{conversations}` | each turn's `value`, role = `from` |
/// | `prompt-completion` | `prompt`, `completion` (roles `prompt`, `completion`) |
/// | `alpaca` `{instruction, input, output}` | the three, empty `input` skipped (roles as named) |
/// | document, `text` example | `text` (no role) |
///
/// The whole text is the parts joined with `"\n"`. Records of none of these shapes have no text.
public enum RecordText {
  /// One piece of a record's text and who says it.
  public struct Part: Sendable, Hashable {
    /// The speaker: a chat role (`system`, `user`, `assistant`, ...), a ShareGPT `from`, a field
    /// name (`prompt`, `completion`, `instruction`, `input`, `output`), or `nil` for plain text.
    public var role: String?
    /// The text.
    public var text: String

    /// A part with the given role and text.
    public init(role: String?, text: String) {
      self.role = role
      self.text = text
    }
  }

  /// The parts of `record`'s text in order; empty when it has none of the known shapes.
  public static func parts(of record: JSONObject) -> [Part] {
    if let messages = record["messages"]?.arrayValue {
      return messageParts(messages)
    }
    if let input = record["input"]?.objectValue, let messages = input["messages"]?.arrayValue {
      var parts = messageParts(messages)
      for key in ["preferred_output", "non_preferred_output"] {
        parts += messageParts(record[key]?.arrayValue ?? [])
      }
      return parts
    }
    if let turns = record["conversations"]?.arrayValue {
      return turns.compactMap { turn in
        turn["value"]?.stringValue.map { Part(role: turn["from"]?.stringValue, text: $0) }
      }
    }
    if record["prompt"]?.stringValue != nil || record["completion"]?.stringValue != nil {
      return ["prompt", "completion"].compactMap { key in record[key]?.stringValue.map { Part(role: key, text: $0) } }
    }
    if let instruction = record["instruction"]?.stringValue {
      var parts = [Part(role: "instruction", text: instruction)]
      if let input = record["input"]?.stringValue, !input.isEmpty { parts.append(Part(role: "input", text: input)) }
      if let output = record["output"]?.stringValue { parts.append(Part(role: "output", text: output)) }
      return parts
    }
    if let text = record["text"]?.stringValue {
      return [Part(role: nil, text: text)]
    }
    return []
  }

  /// The text of `record`: its parts joined with `"\n"`, or `nil` when it has no text.
  public static func text(of record: JSONObject) -> String? {
    let parts = parts(of: record)
    if parts.isEmpty { return nil }
    if parts.count == 1 { return parts[0].text }
    return parts.map(\.text).joined(separator: "\n")
  }

  /// The text at the dotted `field` path (`--field PATH`, e.g. `metadata.summary` or
  /// `messages.1.content`): a string as is, an array's strings joined with `"\n"`, otherwise
  /// the text of an object found there; `nil` when there is none.
  public static func text(of record: JSONObject, field: String) -> String? {
    guard let value = JSONValue.object(record).value(atPath: field) else { return nil }
    switch value {
    case .string(let text): return text
    case .array(let elements):
      let texts = elements.compactMap { element -> String? in
        if let text = element.stringValue { return text }
        return element.objectValue.flatMap { text(of: $0) }
      }
      return texts.isEmpty ? nil : texts.joined(separator: "\n")
    case .object(let object): return text(of: object)
    default: return nil
    }
  }

  /// The text of one chat message's `content`: a string, or the `text` of its content parts
  /// (multimodal messages) joined with `"\n"`; `nil` when there is none (e.g. a tool call).
  public static func content(of message: JSONObject) -> String? {
    switch message["content"] {
    case .string(let text)?: return text
    case .array(let parts)?:
      let texts = parts.compactMap { part -> String? in part.stringValue ?? part["text"]?.stringValue }
      return texts.isEmpty ? nil : texts.joined(separator: "\n")
    default: return nil
    }
  }

  private static func messageParts(_ messages: [JSONValue]) -> [Part] {
    messages.compactMap { message in
      guard let object = message.objectValue, let text = content(of: object) else { return nil }
      return Part(role: object["role"]?.stringValue, text: text)
    }
  }

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

  /// The text of `record` and the shape it came from (dedup and split: documents first, then
  /// examples), or `nil` when the record has none.
  /// - Parameter field: a dotted path overriding the default; a string is used as is, an array of
  ///   strings (or of objects with `content` or `value`) is joined with `\n`.
  public static func textWithShape(of record: JSONObject, field: String? = nil) -> (text: String, shape: Shape)? {
    if let field {
      guard let value = JSONValue.object(record).value(atPath: field), let text = joinedText(value) else { return nil }
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

  private static func joinedText(_ value: JSONValue) -> String? {
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
