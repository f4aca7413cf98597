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
enum RecordText {
  /// One piece of a record's text and who says it.
  struct Part: Sendable, Hashable {
    /// The speaker: a chat role (`system`, `user`, `assistant`, ...), a ShareGPT `from`, a field
    /// name (`prompt`, `completion`, `instruction`, `input`, `output`), or `nil` for plain text.
    var role: String?
    /// The text.
    var text: String

    /// A part with the given role and text.
    init(role: String?, text: String) {
      self.role = role
      self.text = text
    }
  }

  /// The parts of `record`'s text in order; empty when it has none of the known shapes.
  ///
  /// The shape is detected under ``DetectionRule/textual`` and the turns read by
  /// ``RecordReader``; the text leaves out the members beside it (a `system` field, Alpaca's
  /// `history`) and the turns with no text.
  static func parts(of record: JSONObject) -> [Part] {
    guard let format = DatasetFormat.detect(record, rule: .textual) else { return [] }
    return parts(of: record, as: format)
  }

  /// The parts of `record`'s text read as `format`, already detected under ``DetectionRule/textual``.
  /// - Parameter shareGPTValueParts: whether a ShareGPT `value` that is a list of content parts
  ///   is read as chat content is (leakage does); otherwise only string values have text.
  static func parts(of record: JSONObject, as format: DatasetFormat, shareGPTValueParts: Bool = false) -> [Part] {
    var parts: [Part] = []
    RecordReader.forEachTurn(of: record, as: format) { turn in
      guard !turn.isSideMember else { return }
      let text: String?
      if let message = turn.message {
        text = content(of: message)
      } else if shareGPTValueParts && format == .sharegpt {
        text = contentText(turn.value)
      } else {
        text = turn.value?.stringValue
      }
      if let text { parts.append(Part(role: turn.speaker, text: text)) }
      if let input = turn.input?.stringValue, !input.isEmpty { parts.append(Part(role: "input", text: input)) }
    }
    return parts
  }

  /// Whether `record` is a document or a `text` example: its text is its `text` member and it
  /// has none of the example shapes (dedup turns partial-copy detection on only for these).
  static func isDocument(_ record: JSONObject) -> Bool {
    let keys = FormatKeys(of: record)
    return keys.contains(.textString) && keys.isDisjoint(with: [.messages, .conversations, .instruction, .prompt, .completion])
  }

  /// The text of `record`: its parts joined with `"\n"`, or `nil` when it has no text.
  static func text(of record: JSONObject) -> String? {
    let parts = parts(of: record)
    if parts.isEmpty { return nil }
    if parts.count == 1 { return parts[0].text }
    return parts.map(\.text).joined(separator: "\n")
  }

  /// The text at `field` when one is given (`--field PATH`), else the record's own text.
  static func text(of record: JSONObject, field: String?) -> String? {
    guard let field else { return text(of: record) }
    return text(of: record, field: field)
  }

  /// The text at the dotted `field` path (`--field PATH`, e.g. `metadata.summary` or
  /// `messages.1.content`): a string as is, an array's strings joined with `"\n"`, otherwise
  /// the text of an object found there; `nil` when there is none.
  static func text(of record: JSONObject, field: String) -> String? {
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
  static func content(of message: JSONObject) -> String? {
    contentText(message["content"])
  }

  /// The text of a chat `content` value (see ``content(of:)``).
  private static func contentText(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let text)?: return text
    case .array(let parts)?:
      let texts = parts.compactMap { part -> String? in part.stringValue ?? part["text"]?.stringValue }
      return texts.isEmpty ? nil : texts.joined(separator: "\n")
    default: return nil
    }
  }
}
