/// The reply to one ``ChatRequest``: the first choice's text and the server's token counts.
public struct ChatReply: Sendable, Hashable, Codable {
  /// The assistant message's text.
  public var content: String
  /// `stop`, `length` (cut by the token limit), ... as the server reported it.
  public var finishReason: String?
  /// Tokens the server counted in the prompt (`usage.prompt_tokens`, 0 when absent).
  public var promptTokens: Int
  /// Tokens the server counted in the reply (`usage.completion_tokens`, 0 when absent).
  public var completionTokens: Int
  /// True when the reply came from the on-disk cache (or, in a batch, from an identical earlier
  /// request of the batch), not from a call to the server.
  public var fromCache: Bool

  /// A reply saying `content`.
  public init(content: String, finishReason: String? = "stop", promptTokens: Int = 0, completionTokens: Int = 0, fromCache: Bool = false) {
    self.content = content
    self.finishReason = finishReason
    self.promptTokens = promptTokens
    self.completionTokens = completionTokens
    self.fromCache = fromCache
  }
}
