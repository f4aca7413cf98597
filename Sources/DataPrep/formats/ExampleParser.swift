/// Reads one record of a fine-tuning format into an ``Example``.
///
/// The strict reading of the record shapes: the turns come from ``RecordReader`` under
/// ``RecordReading/convert`` (convert's role names, shapes refused rather than skipped), and
/// this checks what the neutral shape needs on top of them (required keys, types, known roles),
/// rejecting keys it would otherwise drop, so a conversion never loses data silently. It is not
/// the schema check: `validate` does that.
struct ExampleParser: Sendable {
  /// A parser.
  init() {}

  /// The example `record` holds, read as `format`.
  /// - Throws: ``FormatError/malformed(field:problem:)`` naming the first bad field.
  func parse(_ record: JSONObject, as format: ExampleFormat) throws(FormatError) -> Example {
    switch format {
    case .openAIChat: return try parseChat(record)
    case .openAIPreference: return try parsePreference(record)
    case .promptCompletion: return try parsePromptCompletion(record)
    case .alpaca: return try parseAlpaca(record)
    case .shareGPT: return try parseShareGPT(record)
    case .text: return try parseText(record)
    }
  }

  // MARK: formats

  private func parseChat(_ record: JSONObject) throws(FormatError) -> Example {
    try onlyKeys(record, ["messages", "tools", "parallel_tool_calls", "metadata"], at: "")
    var messages: [ExampleMessage] = []
    try RecordReader.forEachTurn(of: record, as: .example(.openAIChat), reading: .convert) { (turn) throws(FormatError) in
      messages.append(try openAIMessage(turn))
    }
    var example = Example(messages: messages, metadata: try metadata(record))
    try readTools(record, into: &example, at: "")
    return example
  }

  private func parsePreference(_ record: JSONObject) throws(FormatError) -> Example {
    try onlyKeys(record, ["input", "preferred_output", "non_preferred_output", "metadata"], at: "")
    guard let input = record["input"]?.objectValue else {
      throw .malformed(field: "input", problem: "expected an object with `messages`")
    }
    try onlyKeys(input, ["messages", "tools", "parallel_tool_calls"], at: "input.")
    var messages: [ExampleMessage] = []
    var preferred: [ExampleMessage] = []
    var rejected: [ExampleMessage] = []
    try RecordReader.forEachTurn(of: record, as: .example(.openAIPreference), reading: .convert) {
      (turn) throws(FormatError) in
      let message = try openAIMessage(turn)
      switch turn.section {
      case .response: preferred.append(message)
      case .alternative: rejected.append(message)
      case .prompt, .conversation: messages.append(message)
      }
    }
    for (field, output) in [("preferred_output", preferred), ("non_preferred_output", rejected)] {
      guard output.count == 1, output[0].role == .assistant else {
        throw .malformed(field: field, problem: "expected exactly one assistant message")
      }
    }
    messages.append(contentsOf: preferred)
    var example = Example(messages: messages, rejected: rejected, metadata: try metadata(record))
    try readTools(input, into: &example, at: "input.")
    return example
  }

  private func parsePromptCompletion(_ record: JSONObject) throws(FormatError) -> Example {
    try onlyKeys(record, ["prompt", "completion", "metadata"], at: "")
    let meta = try metadata(record)
    let conversational: Bool
    switch (record["prompt"], record["completion"]) {
    case (.string?, .string?): conversational = false
    case (.array?, .array?): conversational = true
    default:
      throw .malformed(field: "prompt", problem: "expected `prompt` and `completion` both strings or both message lists")
    }
    var promptMessages: [ExampleMessage] = []
    var completionMessages: [ExampleMessage] = []
    try RecordReader.forEachTurn(of: record, as: .example(.promptCompletion), reading: .convert) {
      (turn) throws(FormatError) in
      let message: ExampleMessage
      if conversational {
        message = try plainMessage(turn)
      } else {
        let text = turn.value?.stringValue ?? ""
        if turn.section == .prompt && text.isEmpty { return }
        message = ExampleMessage(role: turn.section == .prompt ? .user : .assistant, content: text)
      }
      if turn.section == .prompt { promptMessages.append(message) } else { completionMessages.append(message) }
    }
    guard conversational else { return Example(messages: promptMessages + completionMessages, metadata: meta) }
    guard !completionMessages.isEmpty, completionMessages.allSatisfy({ $0.role == .assistant }) else {
      throw .malformed(field: "completion", problem: "expected one or more assistant messages")
    }
    if promptMessages.last?.role == .assistant {
      throw .malformed(field: "prompt", problem: "the prompt must not end with an assistant message")
    }
    return Example(messages: promptMessages + completionMessages, metadata: meta)
  }

  private func parseAlpaca(_ record: JSONObject) throws(FormatError) -> Example {
    try onlyKeys(record, ["instruction", "input", "output", "system", "history", "metadata"], at: "")
    var system: JSONValue?
    var history: [RecordTurn] = []
    var instructionTurn: RecordTurn?
    var output: JSONValue?
    RecordReader.forEachTurn(of: record, as: .example(.alpaca), reading: .convert) { turn in
      switch turn.container {
      case "system": system = turn.value
      case "history": history.append(turn)
      case "instruction": instructionTurn = turn
      default: output = turn.value
      }
    }
    // Checked in the order the fields matter: the instruction and its answer first.
    let instruction = try string(instructionTurn?.value, "instruction")
    let inputValue = instructionTurn?.input
    let input = inputValue == nil || inputValue == .null ? "" : try string(inputValue, "input")
    let answer = try string(output, "output")
    var messages: [ExampleMessage] = []
    if let system, system != .null {
      let text = try string(system, "system")
      if !text.isEmpty { messages.append(ExampleMessage(role: .system, content: text)) }
    }
    for turn in history {
      if let refusal = turn.refusal { throw refusal }
      guard let text = turn.value?.stringValue, let role = turn.role else {
        throw .malformed(field: "history.\(turn.index ?? 0)", problem: "expected [question, answer] strings")
      }
      messages.append(ExampleMessage(role: role, content: text))
    }
    messages.append(ExampleMessage(role: .user, content: instruction, input: input.isEmpty ? nil : input))
    messages.append(ExampleMessage(role: .assistant, content: answer))
    return Example(messages: messages, metadata: try metadata(record))
  }

  private func parseShareGPT(_ record: JSONObject) throws(FormatError) -> Example {
    try onlyKeys(record, ["conversations", "system", "tools", "metadata"], at: "")
    var messages: [ExampleMessage] = []
    var callCount = 0
    try RecordReader.forEachTurn(of: record, as: .example(.shareGPT), reading: .convert) { (turn) throws(FormatError) in
      if let refusal = turn.refusal { throw refusal }
      let at = path(of: turn)
      guard let object = turn.entry else {
        // The `system` member, a non-empty string.
        messages.append(ExampleMessage(role: .system, content: turn.value?.stringValue ?? ""))
        return
      }
      try onlyKeys(object, ["from", "value"], at: at + ".")
      let from = try string(object["from"], at + ".from")
      let value = try string(object["value"], at + ".value")
      guard let role = turn.role else {
        throw .malformed(
          field: at + ".from", problem: "unknown speaker `\(from)` (system, human, gpt, function_call, observation)")
      }
      if from == "function_call" {
        let calls = try ShareGPTToolCalls.parse(value, at: at + ".value", firstIndex: callCount)
        callCount += calls.count
        messages.append(ExampleMessage(role: .assistant, content: nil, toolCalls: calls))
      } else if role == .tool {
        let id = callCount > 0 ? ShareGPTToolCalls.callID(callCount - 1) : nil
        messages.append(ExampleMessage(role: .tool, content: value, toolCallID: id))
      } else {
        messages.append(ExampleMessage(role: role, content: value))
      }
    }
    var example = Example(messages: messages, metadata: try metadata(record))
    if let tools = record["tools"], tools != .null {
      example.tools = try ShareGPTToolCalls.parseTools(tools)
    }
    return example
  }

  private func parseText(_ record: JSONObject) throws(FormatError) -> Example {
    try onlyKeys(record, ["text", "metadata"], at: "")
    var value: JSONValue?
    RecordReader.forEachTurn(of: record, as: .example(.text), reading: .convert) { value = $0.value }
    let text = try string(value, "text")
    return Example(messages: [ExampleMessage(role: .assistant, content: text)], metadata: try metadata(record))
  }

  // MARK: messages

  /// An OpenAI message (`messages`, `input.messages`, `preferred_output`, ...), checked whole.
  private func openAIMessage(_ turn: RecordTurn) throws(FormatError) -> ExampleMessage {
    if let refusal = turn.refusal { throw refusal }
    let at = path(of: turn)
    guard let object = turn.message else { throw .malformed(field: at, problem: "expected an object") }
    try onlyKeys(object, ["role", "content", "name", "weight", "tool_calls", "tool_call_id"], at: at + ".")
    let role = try self.role(of: turn, at: at + ".role")
    var message = ExampleMessage(role: role, content: nil)
    switch object["content"] {
    case nil, .null?: break
    case .string(let text)?: message.content = text
    case .array(let parts)? where role == .user: message.contentParts = parts
    default: throw .malformed(field: at + ".content", problem: "expected a string")
    }
    if let name = object["name"] { message.name = try string(name, at + ".name") }
    if let weight = object["weight"] {
      guard let w = weight.integerValue, w == 0 || w == 1 else {
        throw .malformed(field: at + ".weight", problem: "expected 0 or 1")
      }
      message.weight = Int(w)
    }
    if let calls = object["tool_calls"] {
      for (callIndex, call) in try array(calls, at + ".tool_calls").enumerated() {
        let callAt = "\(at).tool_calls.\(callIndex)"
        guard let function = call["function"]?.objectValue else {
          throw .malformed(field: callAt + ".function", problem: "expected an object with `name` and `arguments`")
        }
        let arguments: String
        switch function["arguments"] {
        case .string(let text)?: arguments = text
        case .object?: throw .malformed(field: callAt + ".function.arguments", problem: "expected a JSON text, found an object")
        default: arguments = "{}"
        }
        message.toolCalls.append(
          ExampleMessage.ToolCall(
            id: try string(call["id"], callAt + ".id"), name: try string(function["name"], callAt + ".function.name"),
            arguments: arguments))
      }
    }
    if let id = object["tool_call_id"] { message.toolCallID = try string(id, at + ".tool_call_id") }
    if message.content == nil && message.contentParts == nil && message.toolCalls.isEmpty {
      throw .malformed(field: at + ".content", problem: "missing")
    }
    return message
  }

  /// A message of prompt-completion's conversational form: `role` and string `content` only.
  private func plainMessage(_ turn: RecordTurn) throws(FormatError) -> ExampleMessage {
    if let refusal = turn.refusal { throw refusal }
    let at = path(of: turn)
    guard let object = turn.message else { throw .malformed(field: at, problem: "expected an object") }
    try onlyKeys(object, ["role", "content"], at: at + ".")
    let role = try self.role(of: turn, at: at + ".role")
    return ExampleMessage(role: role, content: try string(object["content"], at + ".content"))
  }

  /// The role of a message, named by ``RoleNames/convertChat``.
  private func role(of turn: RecordTurn, at path: String) throws(FormatError) -> ExampleMessage.Role {
    let name = try string(turn.message?["role"], path)
    guard let role = turn.role else {
      throw .malformed(field: path, problem: "unknown role `\(name)` (system, user, assistant, tool)")
    }
    return role
  }

  /// Where a turn's element is (`messages.2`, `conversations.0`).
  private func path(of turn: RecordTurn) -> String {
    turn.index.map { "\(turn.container).\($0)" } ?? turn.container
  }

  // MARK: fields

  private func readTools(_ object: JSONObject, into example: inout Example, at prefix: String) throws(FormatError) {
    if let tools = object["tools"] { example.tools = try array(tools, prefix + "tools") }
    if let flag = object["parallel_tool_calls"] {
      guard let value = flag.boolValue else {
        throw .malformed(field: prefix + "parallel_tool_calls", problem: "expected true or false")
      }
      example.parallelToolCalls = value
    }
  }

  private func metadata(_ record: JSONObject) throws(FormatError) -> JSONObject? {
    guard let value = record["metadata"], value != .null else { return nil }
    guard let object = value.objectValue else { throw .malformed(field: "metadata", problem: "expected an object") }
    return object
  }

  private func onlyKeys(_ object: JSONObject, _ allowed: Set<String>, at prefix: String) throws(FormatError) {
    for key in object.keys where !allowed.contains(key) {
      throw .malformed(field: prefix + key, problem: "unknown key (it would be lost)")
    }
  }

  private func string(_ value: JSONValue?, _ field: String) throws(FormatError) -> String {
    guard let value else { throw .malformed(field: field, problem: "missing") }
    guard let text = value.stringValue else {
      throw .malformed(field: field, problem: "expected a string, found \(value.typeName)")
    }
    return text
  }

  private func array(_ value: JSONValue?, _ field: String) throws(FormatError) -> [JSONValue] {
    if let refusal = RecordReader.listRefusal(value, at: field) { throw refusal }
    return value?.arrayValue ?? []
  }
}
