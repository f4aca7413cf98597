import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An OpenAI-compatible chat-completions client (Ollama, vLLM, llama.cpp's server, LM Studio,
/// OpenAI): `POST {baseURL}/chat/completions` over URLSession, with the reply cache, retries with
/// backoff (honouring `Retry-After`), a timeout per attempt and the run's budget.
///
/// ``complete(_:)`` answers one request; ``completeAll(_:concurrency:stopAtFatalError:)``
/// answers many with a bounded number in flight, results in request order.
public final class ChatCompletionClient: ChatCompleting {
  /// Where and how to call.
  public let settings: ChatClientSettings
  /// The reply cache, or nil to always call.
  public let cache: ChatReplyCache?
  /// The run's limits and counters.
  public let budget: ChatBudget
  private let endpoint: URL
  private let endpointText: String
  private let policy: ChatRetryPolicy
  private let session: URLSession
  /// The timeout per attempt in whole seconds, at least 1.
  private let timeout: Double

  /// A client calling `settings.baseURL`, answering from `cache` first when given.
  /// - Throws: ``ChatError/invalidBaseURL(_:)`` when the base URL is not http(s) with a host.
  public init(settings: ChatClientSettings, cache: ChatReplyCache? = nil, budget: ChatBudget = ChatBudget()) throws(ChatError) {
    var base = settings.baseURL
    while base.hasSuffix("/") { base.removeLast() }
    guard let url = URL(string: base + "/chat/completions"), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
    else { throw .invalidBaseURL(settings.baseURL) }
    self.settings = settings
    self.cache = cache
    self.budget = budget
    endpoint = url
    endpointText = url.absoluteString
    policy = ChatRetryPolicy(settings)
    // FoundationNetworking truncates a timeout to whole seconds (0.5 s fires at once): round up.
    let timeout = max(1, settings.timeout.rounded(.up))
    self.timeout = timeout
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    // The bound on requests in flight is the caller's `concurrency`; the session must not
    // queue below it.
    configuration.httpMaximumConnectionsPerHost = 1024
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    session = URLSession(configuration: configuration)
  }

  deinit {
    session.finishTasksAndInvalidate()
  }

  /// The reply to `request`: from the cache when there, else from the server (then cached).
  /// - Throws: ``ChatError`` when no usable reply came after the retries, or the budget is spent.
  public func complete(_ request: ChatRequest) async throws -> ChatReply {
    let results = await completeAll([request], concurrency: 1)
    guard let result = results.first else { throw ChatError.transport(url: endpointText, reason: "no result") }
    return try result.get()
  }

  /// The replies to `requests`, in request order whatever order they arrive, with at most
  /// `concurrency` requests in flight (the batch loop every client shares).
  ///
  /// Cache lookups happen in request order, and a request repeated in the batch is sent once
  /// (the repeats get its reply, marked `fromCache`, and count as cache hits). The budget is
  /// charged in request order once the replies are in (``ChatBudget``): a request is refused
  /// when the requests sent before it, or their replies' tokens, reach a limit. So the results,
  /// where a `--max-requests` or `--max-tokens-total` limit stops the batch and its message do
  /// not depend on `concurrency`; ``ChatBudget/usage`` counts what was really sent, which past a
  /// token limit can include requests sent ahead of the stop point (cached, not used).
  ///
  /// With `stopAtFatalError`, the first fatal failure in request order (server or key
  /// unusable, budget spent) ends the batch: nothing is sent once one is known, requests in
  /// flight finish, and that failure is the result of every later request.
  public func completeAll(
    _ requests: [ChatRequest], concurrency: Int = 4, stopAtFatalError: Bool = false
  ) async -> [Result<ChatReply, ChatError>] {
    // In request order: a repeat waits for its first occurrence, a cached reply is used, the
    // rest are sent.
    enum Source {
      case cached(ChatReply)
      case repeatOf(Int)
      case sent(Int)
    }
    var sources: [Source] = []
    var sends: [Int] = []
    var firstIndex: [String: Int] = [:]
    for (index, request) in requests.enumerated() {
      let key = ChatReplyCache.key(for: request)
      if let first = firstIndex[key] {
        sources.append(.repeatOf(first))
      } else if let reply = cached(request) {
        firstIndex[key] = index
        sources.append(.cached(reply))
      } else {
        firstIndex[key] = index
        sources.append(.sent(sends.count))
        sends.append(index)
      }
    }
    let budget = self.budget
    var ledger = budget.ledger()
    let outcomes = await ChatBatch.run(
      count: sends.count, concurrency: concurrency, stopAtFatalError: stopAtFatalError, admit: budget.admit
    ) { [sends] slot in
      await self.call(requests[sends[slot]])
    }
    let results = ChatBatch.ordered(count: requests.count, stopAtFatalError: stopAtFatalError) { index, earlier in
      switch sources[index] {
      case .cached(let reply): return .success(reply)
      case .sent(let slot): return ledger.charge(outcomes[slot])
      case .repeatOf(let first):
        return earlier[first].map { reply in
          budget.noteCacheHit()
          var repeated = reply
          repeated.fromCache = true
          return repeated
        }
      }
    }
    budget.close(ledger)
    return results
  }

  /// The cached reply, counting hits and corrupt entries.
  private func cached(_ request: ChatRequest) -> ChatReply? {
    guard let cache else { return nil }
    switch cache.lookup(request) {
    case .hit(let reply):
      budget.noteCacheHit()
      return reply
    case .miss: return nil
    case .corrupt: 
      budget.noteCorruptCacheEntry()
      return nil
    }
  }

  /// Sends an already admitted request, retrying where it makes sense, and caches the reply.
  private func call(_ request: ChatRequest) async -> Result<ChatReply, ChatError> {
    do throws(ChatError) {
      let reply = try await send(request)
      budget.record(reply)
      try cache?.store(reply, for: request)
      return .success(reply)
    } catch {
      return .failure(error)
    }
  }

  /// The HTTP exchange with retries.
  private func send(_ request: ChatRequest) async throws(ChatError) -> ChatReply {
    var urlRequest = URLRequest(url: endpoint)
    urlRequest.httpMethod = "POST"
    urlRequest.httpBody = Data(ChatWire.body(of: request))
    urlRequest.timeoutInterval = timeout
    urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
    urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
    if let apiKey = settings.apiKey { urlRequest.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
    let key = ChatReplyCache.key(for: request)
    var attempt = 0
    while true {
      let failure: ChatError
      var status: Int?
      var retryAfter: String?
      switch await exchange(urlRequest, attempts: attempt + 1) {
      case .success(let body):
        return try ChatWire.reply(from: body, url: endpointText)
      case .status(let code, let header, let error):
        guard ChatRetryPolicy.isRetryable(status: code) else { throw error }
        (failure, status, retryAfter) = (error, code, header)
      case .failed(let error, let retryable):
        guard retryable else { throw error }
        failure = error
      }
      if Task.isCancelled { throw .transport(url: endpointText, reason: "the request was cancelled") }
      guard attempt < policy.retries else { throw failure }
      let wait = policy.delay(afterAttempt: attempt, key: key, status: status, retryAfter: retryAfter)
      budget.noteRetry()
      attempt += 1
      do {
        try await Task.sleep(for: .seconds(wait))
      } catch {
        throw .transport(url: endpointText, reason: "the request was cancelled")
      }
    }
  }

  /// What one HTTP attempt gave.
  private enum Exchange {
    /// A 2xx reply's body.
    case success([UInt8])
    /// Another status, its `Retry-After` header and the error naming it.
    case status(Int, retryAfter: String?, ChatError)
    /// No HTTP reply; whether another attempt may help.
    case failed(ChatError, retryable: Bool)
  }

  /// One HTTP attempt; `attempts` is its 1-based number, named in a timeout's message.
  private func exchange(_ urlRequest: URLRequest, attempts: Int) async -> Exchange {
    do {
      let (data, response) = try await session.data(for: urlRequest)
      guard let http = response as? HTTPURLResponse else {
        return .failed(.transport(url: endpointText, reason: "the reply is not HTTP"), retryable: true)
      }
      let body = Array(data)
      if (200...299).contains(http.statusCode) { return .success(body) }
      let error = ChatError.httpStatus(url: endpointText, status: http.statusCode, body: ChatWire.errorMessage(in: body))
      return .status(http.statusCode, retryAfter: http.value(forHTTPHeaderField: "Retry-After"), error)
    } catch let error as URLError where error.code == .cancelled {
      return .failed(.transport(url: endpointText, reason: "the request was cancelled"), retryable: false)
    } catch let error as URLError where error.code == .timedOut {
      let seconds = String(format: "%g", timeout)
      return .failed(.transport(url: endpointText, reason: "no reply within \(seconds) s (timed out, \(attempts) attempts)"), retryable: true)
    } catch {
      return .failed(.transport(url: endpointText, reason: "\(Self.describe(error)) (\(attempts) attempts)"), retryable: true)
    }
  }

  /// A connection error in words (URLSession's own text names only a code on Linux).
  private static func describe(_ error: any Error) -> String {
    guard let error = error as? URLError else { return error.localizedDescription }
    switch error.code {
    case .cannotConnectToHost: return "connection refused"
    case .networkConnectionLost: return "the connection closed before the reply was complete"
    case .cannotFindHost, .dnsLookupFailed: return "unknown host"
    case .notConnectedToInternet: return "no network"
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate: return "TLS failed"
    case .badServerResponse: return "the server sent a bad HTTP reply"
    default: return "URL error \(error.code.rawValue)"
    }
  }
}
