/// Something that answers chat-completions requests: the HTTP client (with its cache, retries
/// and budget) for users, a stand-in in unit tests. `instruct`'s model generator depends only
/// on this.
public protocol ChatCompleting: Sendable {
  /// The reply to `request`.
  /// - Throws: ``ChatError`` when no usable reply came (after the client's retries).
  func complete(_ request: ChatRequest) async throws -> ChatReply
}
