/// One turn of an example as validate's content checks see it: a ``RecordTurn`` with its text
/// read, where it is in the record, and its tool use.
struct ConversationTurn {
  /// Who speaks, read leniently (``RoleNames/chat``, ``RoleNames/shareGPT``).
  var role: ExampleMessage.Role
  /// The text (string content, or the text parts of multi-part content joined).
  var text: String
  /// Whether content is absent or null (allowed for an assistant turn that calls tools).
  var contentMissing: Bool
  /// The member or array holding the turn (`messages`, `prompt`), a string literal.
  var container: String
  /// The turn's index in `container`, when it is an array.
  var index: Int?
  /// The member of the element holding the text (`content`, `value`), empty for plain fields.
  var field: String = ""

  /// Where in the record the content is (`messages.2.content`), built only for messages.
  var location: String {
    var out = container
    if let index { out += ".\(index)" }
    if !field.isEmpty { out += "." + field }
    return out
  }

  /// The turn itself (`messages.2`), for messages about the turn rather than its text.
  var turnLocation: String {
    index.map { "\(container).\($0)" } ?? container
  }
  /// The `weight` member when present.
  var weight: JSONValue?
  /// The ids and `arguments` of the tool calls this turn makes.
  var toolCalls: [(id: String?, arguments: JSONValue?, function: JSONValue?)] = []
  /// The call a tool result answers (`tool_call_id`), for tool turns.
  var toolCallID: String?

  /// Stands in for content validate cannot read as text (an image part, a wrong type).
  static let nonTextContent = "[non-text content]"

  /// The turn `turn` reads as.
  init(_ turn: RecordTurn) {
    role = turn.role ?? .user  // the lenient tables name every speaker
    container = turn.container
    index = turn.index
    field = turn.field
    contentMissing = turn.value == nil || turn.value == .null
    guard let message = turn.message else {
      text = turn.value?.stringValue ?? ""
      if let input = turn.input?.stringValue, !input.isEmpty { text += "\n\n" + input }
      if turn.speaker == "function_call", turn.section == .conversation { toolCalls = [(nil, turn.value, nil)] }
      return
    }
    text = Self.text(of: turn.value)
    weight = message["weight"]
    if let calls = message["tool_calls"]?.arrayValue {
      toolCalls = calls.map { ($0["id"]?.stringValue, $0["function"]?["arguments"], $0["function"]) }
    }
    toolCallID = message["tool_call_id"]?.stringValue
  }

  /// The text of a message's `content`: a string, or its text parts joined with `"\n"`.
  private static func text(of content: JSONValue?) -> String {
    switch content {
    case .string(let s)?: return s
    case .array(let parts)?:
      let text = parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
      if text.isEmpty && parts.contains(where: { $0["type"]?.stringValue != "text" }) { return nonTextContent }
      return text
    case nil, .null?: return ""
    default: return nonTextContent  // the schema reports the wrong type
    }
  }
}
