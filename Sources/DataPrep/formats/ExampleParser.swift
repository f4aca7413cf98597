/// Reads one record of a fine-tuning format into an ``Example``.
///
/// Checks what the neutral shape needs (required keys, types, known roles) and rejects keys it
/// would otherwise drop, so a conversion never loses data silently. It is not the schema check:
/// `validate` does that.
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
    let messages = try openAIMessages(try array(record["messages"], "messages"), at: "messages")
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
    var messages = try openAIMessages(try array(input["messages"], "input.messages"), at: "input.messages")
    let preferred = try openAIMessages(try array(record["preferred_output"], "preferred_output"), at: "preferred_output")
    let rejected = try openAIMessages(
      try array(record["non_preferred_output"], "non_preferred_output"), at: "non_preferred_output")
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
    switch (record["prompt"], record["completion"]) {
    case (.string(let prompt), .string(let completion)):
      var messages: [ExampleMessage] = []
      if !prompt.isEmpty { messages.append(ExampleMessage(role: .user, content: prompt)) }
      messages.append(ExampleMessage(role: .assistant, content: completion))
      return Example(messages: messages, metadata: meta)
    case (.array(let prompt), .array(let completion)):
      let promptMessages = try plainMessages(prompt, at: "prompt")
      let completionMessages = try plainMessages(completion, at: "completion")
      guard !completionMessages.isEmpty, completionMessages.allSatisfy({ $0.role == .assistant }) else {
        throw .malformed(field: "completion", problem: "expected one or more assistant messages")
      }
      if promptMessages.last?.role == .assistant {
        throw .malformed(field: "prompt", problem: "the prompt must not end with an assistant message")
      }
      return Example(messages: promptMessages + completionMessages, metadata: meta)
    default:
      throw .malformed(field: "prompt", problem: "expected `prompt` and `completion` both strings or both message lists")
    }
  }

  private func parseAlpaca(_ record: JSONObject) throws(FormatError) -> Example {
    try onlyKeys(record, ["instruction", "input", "output", "system", "history", "metadata"], at: "")
    let instruction = try string(record["instruction"], "instruction")
    let input = record["input"] == nil || record["input"] == .null ? "" : try string(record["input"], "input")
    let output = try string(record["output"], "output")
    var messages: [ExampleMessage] = []
    if let system = record["system"], system != .null {
      let text = try string(system, "system")
      if !text.isEmpty { messages.append(ExampleMessage(role: .system, content: text)) }
    }
    if let history = record["history"], history != .null {
      for (index, turn) in try array(history, "history").enumerated() {
        guard let pair = turn.arrayValue, pair.count == 2,
          let question = pair[0].stringValue, let answer = pair[1].stringValue
        else {
          throw .malformed(field: "history.\(index)", problem: "expected [question, answer] strings")
        }
        messages.append(ExampleMessage(role: .user, content: question))
        messages.append(ExampleMessage(role: .assistant, content: answer))
      }
    }
    messages.append(ExampleMessage(role: .user, content: instruction, input: input.isEmpty ? nil : input))
    messages.append(ExampleMessage(role: .assistant, content: output))
    return Example(messages: messages, metadata: try metadata(record))
  }

  private func parseShareGPT(_ record: JSONObject) throws(FormatError) -> Example {
    try onlyKeys(record, ["conversations", "system", "tools", "metadata"], at: "")
    var messages: [ExampleMessage] = []
    if let system = record["system"], system != .null {
      let text = try string(system, "system")
      if !text.isEmpty { messages.append(ExampleMessage(role: .system, content: text)) }
    }
    var callCount = 0
    for (index, turn) in try array(record["conversations"], "conversations").enumerated() {
      let at = "conversations.\(index)"
      guard let object = turn.objectValue else { throw .malformed(field: at, problem: "expected an object") }
      try onlyKeys(object, ["from", "value"], at: at + ".")
      let from = try string(object["from"], at + ".from")
      let value = try string(object["value"], at + ".value")
      switch from {
      case "system": messages.append(ExampleMessage(role: .system, content: value))
      case "human", "user": messages.append(ExampleMessage(role: .user, content: value))
      case "gpt", "assistant", "model": messages.append(ExampleMessage(role: .assistant, content: value))
      case "function_call":
        let calls = try ShareGPTToolCalls.parse(value, at: at + ".value", firstIndex: callCount)
        callCount += calls.count
        messages.append(ExampleMessage(role: .assistant, content: nil, toolCalls: calls))
      case "observation", "tool":
        let id = callCount > 0 ? ShareGPTToolCalls.callID(callCount - 1) : nil
        messages.append(ExampleMessage(role: .tool, content: value, toolCallID: id))
      default:
        throw .malformed(
          field: at + ".from", problem: "unknown speaker `\(from)` (system, human, gpt, function_call, observation)")
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
    let text = try string(record["text"], "text")
    return Example(messages: [ExampleMessage(role: .assistant, content: text)], metadata: try metadata(record))
  }

  // MARK: messages

  private func openAIMessages(_ values: [JSONValue], at path: String) throws(FormatError) -> [ExampleMessage] {
    var messages: [ExampleMessage] = []
    for (index, value) in values.enumerated() {
      let at = "\(path).\(index)"
      guard let object = value.objectValue else { throw .malformed(field: at, problem: "expected an object") }
      try onlyKeys(object, ["role", "content", "name", "weight", "tool_calls", "tool_call_id"], at: at + ".")
      let role = try self.role(object["role"], at: at + ".role")
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
      messages.append(message)
    }
    return messages
  }

  private func plainMessages(_ values: [JSONValue], at path: String) throws(FormatError) -> [ExampleMessage] {
    var messages: [ExampleMessage] = []
    for (index, value) in values.enumerated() {
      let at = "\(path).\(index)"
      guard let object = value.objectValue else { throw .malformed(field: at, problem: "expected an object") }
      try onlyKeys(object, ["role", "content"], at: at + ".")
      let role = try self.role(object["role"], at: at + ".role")
      messages.append(ExampleMessage(role: role, content: try string(object["content"], at + ".content")))
    }
    return messages
  }

  private func role(_ value: JSONValue?, at path: String) throws(FormatError) -> ExampleMessage.Role {
    let name = try string(value, path)
    switch name {
    case "human": return .user
    case "gpt", "model": return .assistant
    default:
      guard let role = ExampleMessage.Role(rawValue: name) else {
        throw .malformed(field: path, problem: "unknown role `\(name)` (system, user, assistant, tool)")
      }
      return role
    }
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
    guard let value else { throw .malformed(field: field, problem: "missing") }
    guard let elements = value.arrayValue else {
      throw .malformed(field: field, problem: "expected an array, found \(value.typeName)")
    }
    return elements
  }
}
