/// An example as the content checks see it: its turns (prompt and response) and its texts.
struct ConversationView {
  var turns: [ConversationTurn] = []
  /// Index of the first response turn: turns before it are the prompt.
  var responseStart: Int
  /// Extra responses (the rejected reply of preference data), checked for content only.
  var alternativeResponses: [ConversationTurn] = []
  /// Whether role-order checks apply (chat-like formats).
  var isConversation: Bool

  /// Builds the view of `object` in `format`; fields of the wrong type are left out (the schema reports them).
  init(_ object: JSONObject, format: DatasetFormat) {
    isConversation = true
    responseStart = 0
    switch format {
    case .openaiChat:
      turns = Self.messages(object["messages"], prefix: "messages")
      responseStart = Self.trailingAssistantStart(turns)
    case .openaiPreference:
      turns = Self.messages(object["input"]?["messages"], prefix: "input.messages")
      responseStart = turns.count
      turns += Self.messages(object["preferred_output"], prefix: "preferred_output")
      alternativeResponses = Self.messages(object["non_preferred_output"], prefix: "non_preferred_output")
    case .promptCompletion:
      isConversation = false
      turns = [
        Self.plain(.user, object["prompt"], "prompt"),
        Self.plain(.assistant, object["completion"], "completion"),
      ]
      responseStart = 1
    case .alpaca:
      if let system = object["system"] { turns.append(Self.plain(.system, system, "system")) }
      for (i, pair) in (object["history"]?.arrayValue ?? []).enumerated() {
        let parts = pair.arrayValue ?? []
        var question = Self.plain(.user, parts.first, "history")
        question.index = i
        question.field = "0"
        var answer = Self.plain(.assistant, parts.count > 1 ? parts[1] : nil, "history")
        answer.index = i
        answer.field = "1"
        turns.append(question)
        turns.append(answer)
      }
      var instruction = Self.plain(.user, object["instruction"], "instruction")
      if let input = object["input"]?.stringValue, !input.isEmpty { instruction.text += "\n\n" + input }
      turns.append(instruction)
      responseStart = turns.count
      turns.append(Self.plain(.assistant, object["output"], "output"))
    case .sharegpt:
      if let system = object["system"]?.stringValue, !system.isEmpty {
        turns.append(Self.plain(.system, .string(system), "system"))
      }
      for (i, entry) in (object["conversations"]?.arrayValue ?? []).enumerated() {
        let from = entry["from"]?.stringValue ?? ""
        let role: ConversationTurn.Role
        switch from {
        case "human", "user": role = .user
        case "gpt", "assistant", "function_call": role = .assistant
        case "observation", "tool": role = .tool
        case "system": role = .system
        default: role = .user
        }
        var turn = Self.plain(role, entry["value"], "conversations")
        turn.index = i
        turn.field = "value"
        if from == "function_call" { turn.toolCalls = [(nil, entry["value"], nil)] }
        turns.append(turn)
      }
      responseStart = Self.trailingAssistantStart(turns)
    case .text, .document:
      isConversation = false
      turns = [Self.plain(.assistant, object["text"], "text")]
      responseStart = 0
    }
  }

  /// The prompt text, for conflict detection.
  var promptTurns: ArraySlice<ConversationTurn> { turns[..<min(responseStart, turns.count)] }
  /// The response turns.
  var responseTurns: ArraySlice<ConversationTurn> { turns[min(responseStart, turns.count)...] }

  private static func trailingAssistantStart(_ turns: [ConversationTurn]) -> Int {
    var index = turns.count
    while index > 0, turns[index - 1].role == .assistant { index -= 1 }
    return index
  }

  private static func plain(_ role: ConversationTurn.Role, _ value: JSONValue?, _ location: String) -> ConversationTurn {
    ConversationTurn(
      role: role, text: value?.stringValue ?? "", contentMissing: value == nil || value == .null,
      container: location)
  }

  private static func messages(_ value: JSONValue?, prefix: String) -> [ConversationTurn] {
    guard let elements = value?.arrayValue else { return [] }
    var out: [ConversationTurn] = []
    out.reserveCapacity(elements.count)
    for (i, message) in elements.enumerated() {
      guard case .object(let object) = message else { continue }
      let role = ConversationTurn.Role(rawValue: object["role"]?.stringValue ?? "") ?? .user
      let content = object["content"]
      var text = ""
      switch content {
      case .string(let s): text = s
      case .array(let parts):
        text = parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
        if text.isEmpty && parts.contains(where: { $0["type"]?.stringValue != "text" }) { text = "[non-text content]" }
      case nil, .null?: break
      default: text = "[non-text content]"  // the schema reports the wrong type
      }
      var turn = ConversationTurn(
        role: role, text: text, contentMissing: content == nil || content == .null,
        container: prefix, index: i, field: "content", weight: object["weight"])
      if let calls = object["tool_calls"]?.arrayValue {
        turn.toolCalls = calls.map { ($0["id"]?.stringValue, $0["function"]?["arguments"], $0["function"]) }
      }
      turn.toolCallID = object["tool_call_id"]?.stringValue
      out.append(turn)
    }
    return out
  }
}
