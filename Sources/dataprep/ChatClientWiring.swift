import DataPrep

/// The real chat client as ``DataPrepCommand/Instruct/makeChatClient(_:)`` makes it, and how a
/// dry run asks its cache.
struct ChatClientWiring: Sendable {
  /// What answers the requests.
  var client: any ChatCompleting
  /// Whether a request's reply is already cached (`--dry-run`); `nil` when it cannot be told.
  var isCached: (@Sendable (ChatRequest) -> Bool)?
}

/// A client for a run that sends nothing (`--dry-run`): any call is an error.
struct UnavailableChatClient: ChatCompleting {
  func complete(_ request: ChatRequest) async throws -> ChatReply {
    throw ChatError.transport(url: "", reason: "no chat client in a dry run")
  }
}
