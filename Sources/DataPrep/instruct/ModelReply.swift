/// A model's reply read strictly as the JSON object its task asks for; anything else
/// (not JSON, another shape, empty texts) is malformed and asked again once.
///
/// - `qa`: `{"pairs": [{"question": "...", "answer": "..."}, ...]}` (at least one pair)
/// - `conversation`: `{"messages": [{"role": "user", "content": "..."}, {"role": "assistant", ...}, ...]}`,
///   alternating, user first, assistant last
/// - `rewrite`: `{"question": "..."}`
/// - `summary`: `{"summary": "..."}`
enum ModelReply: Sendable, Equatable {
  /// Question-answer pairs.
  case pairs([QuestionAnswer])
  /// A conversation, oldest message first.
  case conversation([ChatMessage])
  /// A rewritten question.
  case question(String)
  /// A summary.
  case summary(String)

  /// One generated question and its answer.
  struct QuestionAnswer: Sendable, Equatable {
    var question: String
    var answer: String
  }

  /// The reply of `task` in `content`, or `nil` when it is malformed.
  static func parse(_ content: String, task: ModelTask) -> ModelReply? {
    guard let value = try? JSONParser().parse(content), value.objectValue != nil else { return nil }
    func text(_ value: JSONValue?) -> String? {
      guard let string = value?.stringValue else { return nil }
      let trimmed = TextTrimming.trimmed(string)
      return trimmed.isEmpty ? nil : trimmed
    }
    switch task {
    case .qa:
      guard let items = value["pairs"]?.arrayValue, !items.isEmpty else { return nil }
      var pairs: [QuestionAnswer] = []
      for item in items {
        guard let question = text(item["question"]), let answer = text(item["answer"]) else { return nil }
        pairs.append(QuestionAnswer(question: question, answer: answer))
      }
      return .pairs(pairs)
    case .conversation:
      guard let items = value["messages"]?.arrayValue, items.count >= 2, items.count % 2 == 0 else { return nil }
      var messages: [ChatMessage] = []
      for (index, item) in items.enumerated() {
        let role = index % 2 == 0 ? "user" : "assistant"
        guard item["role"]?.stringValue == role, let content = text(item["content"]) else { return nil }
        messages.append(ChatMessage(role: role, content: content))
      }
      return .conversation(messages)
    case .rewrite:
      return text(value["question"]).map { .question($0) }
    case .summary:
      return text(value["summary"]).map { .summary($0) }
    }
  }
}
