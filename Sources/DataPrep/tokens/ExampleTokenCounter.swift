/// Counts the tokens of records as the services count them.
///
/// Chat (`messages`; ShareGPT `conversations` likewise), per OpenAI's cookbook: 3 tokens per
/// message, plus the tokens of its `role`, `content` and `name` (+1 when there is a name), plus
/// 3 priming the assistant's reply. `tool_calls`/`function_call` are counted as the tokens of
/// their compact JSON (an approximation). Preference records count the input messages with the
/// longer of the two outputs. Other records count their text (``RecordText``) with no overhead:
/// prompt + completion, alpaca instruction + input + output, or `text`.
public struct ExampleTokenCounter: Sendable {
  /// Tokens added per chat message (`<|start|>`, role/`<|message|>`, `<|end|>`).
  public static let tokensPerMessage = 3
  /// Tokens added when a message has a `name`.
  public static let tokensPerName = 1
  /// Tokens priming the assistant's reply, once per conversation.
  public static let replyPriming = 3

  /// What counts the tokens of each text (a real tokenizer, or an estimate when none is installed).
  public let textCounter: TokenCounter

  /// A counter using `tokenizer`.
  public init(tokenizer: Tokenizer) {
    self.textCounter = TokenCounter(tokenizer: tokenizer)
  }

  /// A counter counting each text with `textCounter`.
  public init(textCounter: TokenCounter) {
    self.textCounter = textCounter
  }

  /// The count of `record`, or `nil` when it has no text (no known shape).
  public func count(_ record: JSONObject) -> ExampleTokenCount? {
    if let messages = record["messages"]?.arrayValue {
      return chat(messages.compactMap(\.objectValue))
    }
    if let input = record["input"]?.objectValue, let messages = input["messages"]?.arrayValue {
      let prompt = messages.compactMap(\.objectValue)
      let preferred = chat(prompt + (record["preferred_output"]?.arrayValue ?? []).compactMap(\.objectValue))
      let other = chat(prompt + (record["non_preferred_output"]?.arrayValue ?? []).compactMap(\.objectValue))
      return other.total > preferred.total ? other : preferred
    }
    if let turns = record["conversations"]?.arrayValue {
      let messages = turns.compactMap { turn -> JSONObject? in
        guard let value = turn["value"]?.stringValue else { return nil }
        return JSONObject([.init(key: "role", value: turn["from"] ?? .null), .init(key: "content", value: .string(value))])
      }
      return chat(messages)
    }
    let parts = RecordText.parts(of: record)
    if parts.isEmpty { return nil }
    var result = ExampleTokenCount(total: 0, byRole: [])
    for part in parts {
      let tokens = textCounter.count(part.text)
      result.total += tokens
      Self.add(tokens, to: part.role ?? "text", in: &result)
    }
    return result
  }

  private func chat(_ messages: [JSONObject]) -> ExampleTokenCount {
    var result = ExampleTokenCount(total: Self.replyPriming, byRole: [])
    for message in messages {
      result.total += Self.tokensPerMessage
      let role = message["role"]?.stringValue ?? ""
      result.total += textCounter.count(role)
      var content = 0
      if let text = RecordText.content(of: message) { content = textCounter.count(text) }
      for key in ["tool_calls", "function_call"] {
        if let value = message[key], value != .null {
          content += textCounter.count(JSONWriter().string(of: value))
        }
      }
      result.total += content
      if let name = message["name"]?.stringValue {
        result.total += textCounter.count(name) + Self.tokensPerName
      }
      Self.add(content, to: role, in: &result)
    }
    return result
  }

  private static func add(_ tokens: Int, to role: String, in result: inout ExampleTokenCount) {
    if let index = result.byRole.firstIndex(where: { $0.role == role }) {
      result.byRole[index].tokens += tokens
    } else {
      result.byRole.append(.init(role: role, tokens: tokens))
    }
  }
}
