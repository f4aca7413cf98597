/// Something that answers chat-completions requests: the HTTP client (with its cache, retries
/// and budget) for users, a stand-in in unit tests. `instruct`'s model generator depends only
/// on this.
public protocol ChatCompleting: Sendable {
  /// The reply to `request`.
  /// - Throws: ``ChatError`` when no usable reply came (after the client's retries).
  func complete(_ request: ChatRequest) async throws -> ChatReply

  /// The outcome of each of `requests`, in request order whatever order the replies arrive in,
  /// with at most `concurrency` requests in flight.
  ///
  /// With `stopAtFatalError`, the first failure in request order that stops a run (the server
  /// or its key unusable, the budget spent; not a malformed reply or a request the server
  /// refuses alone) ends the batch: nothing is sent after it is known, and it is the result of
  /// every later request, so the results do not depend on `concurrency` either.
  func completeAll(_ requests: [ChatRequest], concurrency: Int, stopAtFatalError: Bool) async -> [Result<ChatReply, ChatError>]
}

extension ChatCompleting {
  /// ``complete(_:)`` for each request on the one batch loop (`ChatBatch`): what a conformer
  /// without a cache or budget of its own needs.
  public func completeAll(_ requests: [ChatRequest], concurrency: Int, stopAtFatalError: Bool) async -> [Result<ChatReply, ChatError>] {
    let outcomes = await ChatBatch.run(count: requests.count, concurrency: concurrency, stopAtFatalError: stopAtFatalError) { index in
      do {
        return .success(try await self.complete(requests[index]))
      } catch let error as ChatError {
        return .failure(error)
      } catch {
        // Outside the protocol's contract: taken as the server being unusable.
        return .failure(.transport(url: "", reason: error.localizedDescription))
      }
    }
    // Only a stop leaves a request unsent, and `ordered` gives the stopping error after it.
    return ChatBatch.ordered(count: requests.count, stopAtFatalError: stopAtFatalError) { index, _ in
      outcomes[index] ?? .failure(.transport(url: "", reason: "not sent: an earlier request stopped the batch"))
    }
  }
}
