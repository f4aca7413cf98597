import DataPrep

extension ChatTestServer {
  /// A real client of this server with test timings: tiny backoffs (10 ms doubling to 50 ms),
  /// `timeout` seconds per attempt, `retries` retries.
  package func client(apiKey: String? = nil, timeout: Double = 10, retries: Int = 4, cache: ChatReplyCache? = nil, budget: ChatBudget = ChatBudget(), retryAfterCap: Double = 60) throws -> ChatCompletionClient {
    let settings = ChatClientSettings(baseURL: baseURL, apiKey: apiKey, timeout: timeout, retries: retries, backoffBase: 0.01, backoffCap: 0.05, retryAfterCap: retryAfterCap)
    return try ChatCompletionClient(settings: settings, cache: cache, budget: budget)
  }

  /// A request to model `test` whose last user message is `text`.
  package static func request(_ text: String, model: String = "test", attempt: Int = 0) -> ChatRequest {
    ChatRequest(model: model, messages: [ChatMessage(role: "system", content: "You write questions."), ChatMessage(role: "user", content: text)], attempt: attempt)
  }
}
