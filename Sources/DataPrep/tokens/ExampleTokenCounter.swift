/// Counts the tokens of records as the services count them.
///
/// Chat (`messages`; ShareGPT `conversations` likewise), per OpenAI's cookbook: 3 tokens per
/// message, plus the tokens of its `role`, `content` and `name` (+1 when there is a name), plus
/// 3 priming the assistant's reply. `tool_calls`/`function_call` are counted as the tokens of
/// their compact JSON (an approximation). Preference records count the input messages with the
/// longer of the two outputs. Other records count their text (``RecordText``) with no overhead:
/// prompt + completion, alpaca instruction + input + output, or `text`.
struct ExampleTokenCounter: Sendable {
  /// Tokens added per chat message (`<|start|>`, role/`<|message|>`, `<|end|>`).
  static let tokensPerMessage = 3
  /// Tokens added when a message has a `name`.
  static let tokensPerName = 1
  /// Tokens priming the assistant's reply, once per conversation.
  static let replyPriming = 3

  /// What counts the tokens of each text (a real tokenizer, or an estimate when none is installed).
  let textCounter: TokenCounter

  /// A counter using `tokenizer`.
  init(tokenizer: Tokenizer) {
    self.textCounter = TokenCounter(tokenizer: tokenizer)
  }

  /// A counter counting each text with `textCounter`.
  init(textCounter: TokenCounter) {
    self.textCounter = textCounter
  }

  /// The count of `record`, or `nil` when it has no text (no known shape).
  ///
  /// The shape is detected under ``DetectionRule/textual`` and the turns read by ``RecordReader``.
  func count(_ record: JSONObject) -> ExampleTokenCount? {
    guard let format = DatasetFormat.detect(record, rule: .textual) else { return nil }
    switch format {
    case .openaiChat, .sharegpt:
      var turns: [RecordTurn] = []
      RecordReader.forEachTurn(of: record, as: format) { turn in
        if !turn.isSideMember { turns.append(turn) }
      }
      return chat(turns)
    case .openaiPreference:
      var prompt: [RecordTurn] = []
      var preferred: [RecordTurn] = []
      var other: [RecordTurn] = []
      RecordReader.forEachTurn(of: record, as: format) { turn in
        switch turn.section {
        case .alternative: other.append(turn)
        case .response: preferred.append(turn)
        case .prompt, .conversation: prompt.append(turn)
        }
      }
      let preferredCount = chat(prompt + preferred)
      let otherCount = chat(prompt + other)
      return otherCount.total > preferredCount.total ? otherCount : preferredCount
    default:
      let parts = RecordText.parts(of: record, as: format)
      if parts.isEmpty { return nil }
      var result = ExampleTokenCount(total: 0, byRole: [])
      for part in parts {
        let tokens = textCounter.count(part.text)
        result.total += tokens
        Self.add(tokens, to: part.role ?? "text", in: &result)
      }
      return result
    }
  }

  /// A chat's count: OpenAI messages whole; ShareGPT turns by `from` and `value` (turns whose
  /// value is not a string are left out).
  private func chat(_ turns: [RecordTurn]) -> ExampleTokenCount {
    var result = ExampleTokenCount(total: Self.replyPriming, byRole: [])
    for turn in turns {
      var content = 0
      var name: String?
      if let message = turn.message {
        if let text = RecordText.content(of: message) { content = textCounter.count(text) }
        for key in ["tool_calls", "function_call"] {
          if let value = message[key], value != .null {
            content += textCounter.count(JSONWriter().string(of: value))
          }
        }
        name = message["name"]?.stringValue
      } else {
        guard let text = turn.value?.stringValue else { continue }
        content = textCounter.count(text)
      }
      let role = turn.speaker ?? ""
      result.total += Self.tokensPerMessage + textCounter.count(role) + content
      if let name {
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
