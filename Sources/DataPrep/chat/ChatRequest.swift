/// One call to an OpenAI-compatible `POST /chat/completions`: everything that decides the reply,
/// so its digest is the key of the reply cache.
public struct ChatRequest: Sendable, Hashable, Codable {
  /// The model name the server knows (`llama3.1:8b`, `gpt-4o-mini`).
  public var model: String
  /// The conversation sent.
  public var messages: [ChatMessage]
  /// Sampling temperature; 0 asks for the most deterministic reply.
  public var temperature: Double
  /// The most tokens the reply may have (`max_tokens`), or nil for the server's default.
  public var maxTokens: Int?
  /// Asks for a JSON object (`response_format: {"type": "json_object"}`).
  public var wantsJSON: Bool
  /// Which attempt this is (0 first; a retry after a malformed reply is 1), so a retry is a
  /// different cache entry from the reply it replaces.
  public var attempt: Int

  /// A request to `model` with `messages`.
  public init(model: String, messages: [ChatMessage], temperature: Double = 0, maxTokens: Int? = nil, wantsJSON: Bool = false, attempt: Int = 0) {
    self.model = model
    self.messages = messages
    self.temperature = temperature
    self.maxTokens = maxTokens
    self.wantsJSON = wantsJSON
    self.attempt = attempt
  }
}
