/// Writes an `Example` as one record of a fine-tuning format.
///
/// A record is written only when the format can hold everything in the example and the result
/// passes the format's schema (non-empty texts, an assistant turn); otherwise rendering throws
/// ``FormatError/unrepresentable(format:reason:)`` saying what does not fit.
public struct ExampleRenderer: Sendable {
  /// Whether to write the example's `metadata` object (`--no-metadata` turns it off).
  public var includeMetadata: Bool
  /// Whether `prompt-completion` records use TRL's message lists instead of strings.
  public var conversationalPrompts: Bool

  /// A renderer; by default it writes metadata and string prompts.
  public init(includeMetadata: Bool = true, conversationalPrompts: Bool = false) {
    self.includeMetadata = includeMetadata
    self.conversationalPrompts = conversationalPrompts
  }

  /// The record for `example` in `format`.
  func render(_ example: Example, as format: ExampleFormat) throws(FormatError) -> JSONObject {
    if format != .openAIPreference, example.rejected != nil {
      throw .unrepresentable(format: format, reason: "it has a non-preferred output (preference data)")
    }
    var record: JSONObject
    switch format {
    case .openAIChat: record = try renderChat(example)
    case .openAIPreference: record = try renderPreference(example)
    case .promptCompletion:
      record = conversationalPrompts ? try renderConversationalPrompt(example) : try renderStringPrompt(example)
    case .alpaca: record = try renderAlpaca(example)
    case .shareGPT: record = try renderShareGPT(example)
    case .text: record = try renderText(example)
    }
    if includeMetadata, let metadata = example.metadata, !metadata.isEmpty {
      record.append("metadata", .object(metadata))
    }
    return record
  }

  // MARK: OpenAI

  private func renderChat(_ example: Example) throws(FormatError) -> JSONObject {
    guard example.messages.contains(where: { $0.role == .assistant }) else {
      throw .unrepresentable(format: .openAIChat, reason: "it has no assistant message")
    }
    var record = JSONObject()
    record.append("messages", .array(try openAIMessages(example.messages, format: .openAIChat, weights: true)))
    appendTools(example, to: &record)
    return record
  }

  private func renderPreference(_ example: Example) throws(FormatError) -> JSONObject {
    let format = ExampleFormat.openAIPreference
    guard let rejected = example.rejected else {
      throw .unrepresentable(format: format, reason: "it has no non-preferred output")
    }
    guard let preferred = example.messages.last, preferred.role == .assistant, example.messages.count >= 2 else {
      throw .unrepresentable(format: format, reason: "it needs input messages followed by one preferred assistant reply")
    }
    guard rejected.count == 1, rejected[0].role == .assistant else {
      throw .unrepresentable(format: format, reason: "the non-preferred output must be one assistant message")
    }
    var input = JSONObject()
    input.append("messages", .array(try openAIMessages(Array(example.messages.dropLast()), format: format, weights: false)))
    appendTools(example, to: &input)
    var record = JSONObject()
    record.append("input", .object(input))
    record.append("preferred_output", .array(try openAIMessages([preferred], format: format, weights: false)))
    record.append("non_preferred_output", .array(try openAIMessages(rejected, format: format, weights: false)))
    return record
  }

  private func appendTools(_ example: Example, to record: inout JSONObject) {
    if !example.tools.isEmpty { record.append("tools", .array(example.tools)) }
    if let flag = example.parallelToolCalls { record.append("parallel_tool_calls", .bool(flag)) }
  }

  private func openAIMessages(
    _ messages: [ExampleMessage], format: ExampleFormat, weights: Bool
  ) throws(FormatError) -> [JSONValue] {
    var out: [JSONValue] = []
    for (index, message) in messages.enumerated() {
      var object = JSONObject()
      object.append("role", .string(message.role.rawValue))
      if let parts = message.contentParts {
        object.append("content", .array(parts))
      } else if message.content != nil {
        object.append("content", .string(try nonEmpty(message.text, index, format)))
      } else if message.role == .assistant && !message.toolCalls.isEmpty {
        // Tool-call-only assistant turns carry no content.
      } else {
        throw .unrepresentable(format: format, reason: "message \(index) has no content")
      }
      if let name = message.name { object.append("name", .string(name)) }
      if let weight = message.weight {
        if weights {
          object.append("weight", .integer(Int64(weight)))
        } else if weight == 0 {
          throw .unrepresentable(format: format, reason: "message \(index) has weight 0, which it cannot hold")
        }
      }
      if !message.toolCalls.isEmpty {
        object.append(
          "tool_calls",
          .array(
            message.toolCalls.map {
              ["id": .string($0.id), "type": "function", "function": ["name": .string($0.name), "arguments": .string($0.arguments)]]
            }))
      }
      if let id = message.toolCallID { object.append("tool_call_id", .string(id)) }
      out.append(.object(object))
    }
    return out
  }

  // MARK: prompt-completion

  private func renderStringPrompt(_ example: Example) throws(FormatError) -> JSONObject {
    let format = ExampleFormat.promptCompletion
    try requirePlain(example, format)
    let messages = example.messages
    let shapeOK =
      (messages.count == 1 && messages[0].role == .assistant)
      || (messages.count == 2 && messages[0].role == .user && messages[1].role == .assistant)
    guard shapeOK else {
      throw .unrepresentable(
        format: format,
        reason: "string prompts hold one user turn and one reply, this has \(describe(messages)) (use \(OptionName.naming(.conversationalPrompts)))")
    }
    var record = JSONObject()
    record.append("prompt", .string(messages.count == 2 ? messages[0].text : ""))
    record.append("completion", .string(try nonEmpty(messages[messages.count - 1].text, messages.count - 1, format)))
    return record
  }

  private func renderConversationalPrompt(_ example: Example) throws(FormatError) -> JSONObject {
    let format = ExampleFormat.promptCompletion
    try requirePlain(example, format)
    let prompt = example.promptMessages
    let completion = example.responseMessages
    guard !prompt.isEmpty, !completion.isEmpty else {
      throw .unrepresentable(format: format, reason: "it needs prompt messages followed by assistant messages")
    }
    var record = JSONObject()
    record.append("prompt", .array(try plainMessages(prompt, offset: 0, format)))
    record.append("completion", .array(try plainMessages(completion, offset: prompt.count, format)))
    return record
  }

  private func plainMessages(
    _ messages: ArraySlice<ExampleMessage>, offset: Int, _ format: ExampleFormat
  ) throws(FormatError) -> [JSONValue] {
    var out: [JSONValue] = []
    for (index, message) in messages.enumerated() {
      out.append(
        ["role": .string(message.role.rawValue), "content": .string(try nonEmpty(message.text, offset + index, format))])
    }
    return out
  }

  // MARK: Alpaca

  private func renderAlpaca(_ example: Example) throws(FormatError) -> JSONObject {
    let format = ExampleFormat.alpaca
    try requirePlain(example, format)
    var messages = example.messages[...]
    var system: String?
    if messages.first?.role == .system {
      system = messages.first?.text
      messages = messages.dropFirst()
    }
    let roles = messages.map(\.role)
    let alternates =
      roles.count >= 2 && roles.count % 2 == 0
      && roles.enumerated().allSatisfy { $0.element == ($0.offset % 2 == 0 ? .user : .assistant) }
    guard alternates else {
      throw .unrepresentable(
        format: format, reason: "it holds an optional system prompt then user/assistant pairs, this has \(describe(example.messages))")
    }
    let turns = Array(messages)
    let offset = example.messages.count - turns.count
    var history: [JSONValue] = []
    var index = 0
    while index + 2 < turns.count {
      history.append([
        .string(try nonEmpty(turns[index].text, offset + index, format)),
        .string(try nonEmpty(turns[index + 1].text, offset + index + 1, format)),
      ])
      index += 2
    }
    let last = turns[turns.count - 2]
    var record = JSONObject()
    record.append("instruction", .string(try nonEmpty(last.content ?? "", offset + turns.count - 2, format)))
    record.append("input", .string(last.input ?? ""))
    record.append("output", .string(try nonEmpty(turns[turns.count - 1].text, offset + turns.count - 1, format)))
    if let system { record.append("system", .string(system)) }
    if !history.isEmpty { record.append("history", .array(history)) }
    return record
  }

  // MARK: ShareGPT

  private func renderShareGPT(_ example: Example) throws(FormatError) -> JSONObject {
    let format = ExampleFormat.shareGPT
    var system: String?
    var turns: [JSONValue] = []
    for (index, message) in example.messages.enumerated() {
      if message.contentParts != nil {
        throw .unrepresentable(format: format, reason: "message \(index) has content parts (images)")
      }
      if message.name != nil { throw .unrepresentable(format: format, reason: "message \(index) has a speaker name") }
      if message.weight == 0 { throw .unrepresentable(format: format, reason: "message \(index) has weight 0") }
      let from: String
      var value: String
      switch message.role {
      case .system:
        if index == 0 {
          system = message.text
          continue
        }
        from = "system"
        value = message.text
      case .user:
        from = "human"
        value = message.text
      case .assistant where !message.toolCalls.isEmpty:
        if let content = message.content, !content.isEmpty {
          throw .unrepresentable(format: format, reason: "message \(index) has both text and tool calls")
        }
        from = "function_call"
        value = ShareGPTToolCalls.render(message.toolCalls)
      case .assistant:
        from = "gpt"
        value = message.text
      case .tool:
        from = "observation"
        value = message.text
      }
      turns.append(["from": .string(from), "value": .string(try nonEmpty(value, index, format))])
    }
    guard example.messages.contains(where: { $0.role == .assistant && $0.toolCalls.isEmpty }) else {
      throw .unrepresentable(format: format, reason: "it has no assistant (gpt) reply")
    }
    if example.parallelToolCalls != nil {
      throw .unrepresentable(format: format, reason: "it sets parallel_tool_calls")
    }
    var record = JSONObject()
    record.append("conversations", .array(turns))
    if let system { record.append("system", .string(system)) }
    if !example.tools.isEmpty { record.append("tools", .string(ShareGPTToolCalls.renderTools(example.tools))) }
    return record
  }

  // MARK: text

  private func renderText(_ example: Example) throws(FormatError) -> JSONObject {
    try requirePlain(example, .text)
    guard example.messages.count == 1, example.messages[0].role == .assistant else {
      throw .unrepresentable(format: .text, reason: "text holds one passage, this has \(describe(example.messages))")
    }
    var record = JSONObject()
    record.append("text", .string(try nonEmpty(example.messages[0].text, 0, .text)))
    return record
  }

  // MARK: checks

  private func requirePlain(_ example: Example, _ format: ExampleFormat) throws(FormatError) {
    if !example.tools.isEmpty || example.parallelToolCalls != nil {
      throw .unrepresentable(format: format, reason: "it defines tools")
    }
    for (index, message) in example.messages.enumerated() where !message.isPlain {
      let what: String
      if message.contentParts != nil {
        what = "has content parts (images)"
      } else if !message.toolCalls.isEmpty {
        what = "has tool calls"
      } else if message.toolCallID != nil || message.role == .tool {
        what = "is a tool result"
      } else if message.name != nil {
        what = "has a speaker name"
      } else if message.weight == 0 {
        what = "has weight 0"
      } else {
        what = "has no content"
      }
      throw .unrepresentable(format: format, reason: "message \(index) \(what)")
    }
    if let index = example.messages.firstIndex(where: { $0.role == .tool }) {
      throw .unrepresentable(format: format, reason: "message \(index) is a tool result")
    }
    if let index = example.messages.indices.dropFirst().first(where: { example.messages[$0].role == .system }) {
      throw .unrepresentable(format: format, reason: "message \(index) is a system message after the start")
    }
  }

  private func nonEmpty(_ text: String, _ index: Int, _ format: ExampleFormat) throws(FormatError) -> String {
    guard !text.isEmpty else { throw .unrepresentable(format: format, reason: "message \(index) is empty") }
    return text
  }

  private func describe(_ messages: some Collection<ExampleMessage>) -> String {
    messages.isEmpty ? "no messages" : messages.map(\.role.rawValue).joined(separator: ", ")
  }
}
