/// One turn of an example, in a shape common to every format, for the content checks.
struct ConversationTurn {
  enum Role: String {
    case system, user, assistant, tool

    /// A byte standing for the role in hashes.
    var tag: UInt8 {
      switch self {
      case .system: return 1
      case .user: return 2
      case .assistant: return 3
      case .tool: return 4
      }
    }
  }

  var role: Role
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
}
