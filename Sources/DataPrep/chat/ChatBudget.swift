import Synchronization

/// A run's limits on model calls (`--max-requests`, `--max-tokens-total`) and its counters.
///
/// Shared by every request of a run. Cache hits cost nothing. The limits are charged in request
/// order, as if the requests were sent one at a time: a request is refused when the requests
/// before it that were sent (not cached) reach `maxRequests`, or when the tokens of their
/// replies, as the server counted them, reach `maxTokensTotal`; it and every later request are
/// then refused (``ChatError/budgetExhausted(limit:)``, always the same message). So where a
/// run stops does not depend on its concurrency. With more than one request in flight, requests
/// after the stop point may already have been sent when the tokens before them reach the limit
/// (sending stops once the replies in hand reach it): they finish (their replies are cached, so
/// a rerun gets them free) and count in ``usage``, which is what was really spent, so the token
/// total may pass its limit by at most `concurrency` replies. `maxRequests` is never passed.
public final class ChatBudget: Sendable {
  /// The most requests sent to the server, or nil for no limit.
  public let maxRequests: Int?
  /// The most prompt plus reply tokens, or nil for no limit.
  public let maxTokensTotal: Int?
  private let state = Mutex(State())

  private struct State {
    /// What was really sent and counted.
    var usage = ChatUsage()
    /// Requests and tokens charged in request order (``usage`` less what was sent ahead of a
    /// stop point).
    var charged = (requests: 0, tokens: 0)
    /// The limit reached, once the in-order charge reached one: every later request is refused.
    var refusal: String?
  }

  /// A budget with the given limits (nil: unlimited).
  public init(maxRequests: Int? = nil, maxTokensTotal: Int? = nil) {
    self.maxRequests = maxRequests
    self.maxTokensTotal = maxTokensTotal
  }

  /// The counters so far.
  public var usage: ChatUsage { state.withLock { $0.usage } }

  /// The limit that `requests` sent and `tokens` counted reach, in words; nil within both.
  private func limitReached(requests: Int, tokens: Int) -> String? {
    if let maxRequests, requests >= maxRequests { return "--max-requests \(maxRequests)" }
    if let maxTokensTotal, tokens >= maxTokensTotal { return "--max-tokens-total \(maxTokensTotal), \(tokens) used" }
    return nil
  }

  /// Whether a request may be sent now, counting it as sent: false once a limit is reached by
  /// what was sent and counted so far. Called in request order before each send; a request it
  /// refuses would also be refused by ``Ledger/charge(_:)``, since what was sent is a superset
  /// of what was charged before it.
  func admit() -> Bool {
    state.withLock { state in
      guard state.refusal == nil, limitReached(requests: state.usage.requests, tokens: state.usage.totalTokens) == nil else {
        return false
      }
      state.usage.requests += 1
      return true
    }
  }

  /// The limit reached by what was really sent and counted: why ``admit()`` refused.
  func spentLimit() -> String {
    state.withLock { state in
      state.refusal ?? limitReached(requests: state.usage.requests, tokens: state.usage.totalTokens) ?? "shared by another batch"
    }
  }

  /// Adds the tokens of a reply from the server.
  func record(_ reply: ChatReply) {
    state.withLock {
      $0.usage.promptTokens += reply.promptTokens
      $0.usage.completionTokens += reply.completionTokens
    }
  }

  func noteCacheHit() { state.withLock { $0.usage.cacheHits += 1 } }
  func noteRetry() { state.withLock { $0.usage.retries += 1 } }
  func noteCorruptCacheEntry() { state.withLock { $0.usage.corruptCacheEntries += 1 } }

  /// A batch's charges, made in request order once its replies are in: where the limits stop it
  /// does not depend on the order the replies arrived in. Taken by ``ledger()`` before the
  /// batch sends anything, handed back to ``close(_:)`` after.
  struct Ledger {
    fileprivate let budget: ChatBudget
    fileprivate let start: (requests: Int, tokens: Int)
    fileprivate var requests: Int
    fileprivate var tokens: Int
    fileprivate var refusal: String?

    /// The result of the next sent request, `outcome` (nil: not sent): the outcome when the
    /// budget allows it (its reply's tokens then charged), else the refusal.
    mutating func charge(_ outcome: Result<ChatReply, ChatError>?) -> Result<ChatReply, ChatError> {
      if refusal == nil { refusal = budget.limitReached(requests: requests, tokens: tokens) }
      if let refusal { return .failure(.budgetExhausted(limit: refusal)) }
      // Not refused in order, yet not sent: another batch spent the budget meanwhile.
      guard let outcome else { return .failure(.budgetExhausted(limit: budget.spentLimit())) }
      requests += 1
      if case .success(let reply) = outcome { tokens += reply.promptTokens + reply.completionTokens }
      return outcome
    }
  }

  /// A ledger starting from what was charged so far.
  func ledger() -> Ledger {
    state.withLock { state in
      Ledger(
        budget: self, start: state.charged, requests: state.charged.requests, tokens: state.charged.tokens, refusal: state.refusal)
    }
  }

  /// Keeps what `ledger` charged, and the refusal it reached, if any, for every later request.
  func close(_ ledger: Ledger) {
    state.withLock { state in
      state.charged.requests += ledger.requests - ledger.start.requests
      state.charged.tokens += ledger.tokens - ledger.start.tokens
      if state.refusal == nil { state.refusal = ledger.refusal }
    }
  }
}
