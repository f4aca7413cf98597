import Synchronization

/// A run's limits on model calls (`--max-requests`, `--max-tokens-total`) and its counters.
///
/// Shared by every task of a run. A request is charged when it is sent (cache hits cost
/// nothing); tokens when its reply arrives, as the server counted them. Once a limit is
/// reached, further uncached requests fail with ``ChatError/budgetExhausted(limit:)``. Requests
/// already in flight finish, so the token total may pass its limit by what they use.
public final class ChatBudget: Sendable {
  /// The most requests sent to the server, or nil for no limit.
  public let maxRequests: Int?
  /// The most prompt plus reply tokens, or nil for no limit.
  public let maxTokensTotal: Int?
  private let state = Mutex(ChatUsage())

  /// A budget with the given limits (nil: unlimited).
  public init(maxRequests: Int? = nil, maxTokensTotal: Int? = nil) {
    self.maxRequests = maxRequests
    self.maxTokensTotal = maxTokensTotal
  }

  /// The counters so far.
  public var usage: ChatUsage { state.withLock { $0 } }

  /// Charges one request about to be sent.
  /// - Throws: ``ChatError/budgetExhausted(limit:)`` when either limit is already reached.
  func chargeRequest() throws(ChatError) {
    let refusal: String? = state.withLock { usage in
      if let maxRequests, usage.requests >= maxRequests { return "--max-requests \(maxRequests)" }
      if let maxTokensTotal, usage.totalTokens >= maxTokensTotal {
        return "--max-tokens-total \(maxTokensTotal), \(usage.totalTokens) used"
      }
      usage.requests += 1
      return nil
    }
    if let refusal { throw .budgetExhausted(limit: refusal) }
  }

  /// Adds the tokens of a reply from the server.
  func record(_ reply: ChatReply) {
    state.withLock {
      $0.promptTokens += reply.promptTokens
      $0.completionTokens += reply.completionTokens
    }
  }

  func noteCacheHit() { state.withLock { $0.cacheHits += 1 } }
  func noteRetry() { state.withLock { $0.retries += 1 } }
  func noteCorruptCacheEntry() { state.withLock { $0.corruptCacheEntries += 1 } }
}
