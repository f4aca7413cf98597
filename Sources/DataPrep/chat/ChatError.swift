import Foundation

/// Why a chat-completions call gave no usable reply.
public enum ChatError: Error, Sendable, Equatable, LocalizedError {
  /// The server answered with an HTTP error status (after retries where retrying made sense).
  case httpStatus(url: String, status: Int, body: String)
  /// The connection failed or timed out (after retries).
  case transport(url: String, reason: String)
  /// The reply was not a chat-completions JSON object.
  case malformedReply(url: String, reason: String)
  /// The run's budget (`--max-requests`, `--max-tokens-total`) is spent.
  case budgetExhausted(limit: String)
  /// A reply could not be stored in the reply cache (the folder is missing, read-only or full),
  /// so a resumed run would pay for it again.
  case cacheUnwritable(path: String, reason: String)
  /// The base URL is not an `http://` or `https://` URL with a host.
  case invalidBaseURL(String)

  public var errorDescription: String? {
    switch self {
    case .httpStatus(let url, let status, let body):
      return "\(url) answered HTTP \(status): \(body.prefix(200))"
    case .transport(let url, let reason):
      return "could not reach \(url): \(reason); is the server running, and is --base-url right?"
    case .malformedReply(let url, let reason):
      return "\(url) sent a reply that is not a chat completion: \(reason)"
    case .budgetExhausted(let limit):
      return "the budget is spent (\(limit)); raise it, or rerun: replies so far are cached"
    case .cacheUnwritable(let path, let reason):
      return "\(path): cannot store a model reply in the cache: \(reason); check the cache folder"
    case .invalidBaseURL(let text):
      return "\(text) is not a base URL; give one like http://127.0.0.1:11434/v1"
    }
  }

  /// Whether this failure stops a run (the server or its key cannot be used, the budget is
  /// spent, the cache cannot be written) rather than only the request that failed (a malformed
  /// reply; a request the server refuses alone: HTTP 400, 413, 422).
  var isFatal: Bool {
    switch self {
    case .malformedReply: return false
    case .httpStatus(_, let status, _): return ![400, 413, 422].contains(status)
    case .transport, .budgetExhausted, .cacheUnwritable, .invalidBaseURL: return true
    }
  }
}
