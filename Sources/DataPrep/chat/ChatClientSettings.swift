import Foundation

/// Where and how ``ChatCompletionClient`` calls a server: base URL, key, timeout and retries.
///
/// The key is never printed: `description` shows whether one is set, not its value.
public struct ChatClientSettings: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The API root, e.g. `http://127.0.0.1:11434/v1`; requests go to `{baseURL}/chat/completions`.
  public var baseURL: String
  /// The bearer token sent as `Authorization: Bearer KEY`, or nil to send no header.
  public var apiKey: String?
  /// Seconds one attempt may take (idle and total) before it counts as timed out; rounded up to
  /// whole seconds, at least 1 (URLSession on Linux truncates fractions).
  public var timeout: Double
  /// Further attempts after a failed one (429, 503, other 5xx, 408, connection errors, timeouts).
  public var retries: Int
  /// The first backoff in seconds; attempt n waits `backoffBase × 2ⁿ` (capped), times a jitter.
  public var backoffBase: Double
  /// The longest backoff in seconds between two attempts.
  public var backoffCap: Double
  /// The longest `Retry-After` honoured, in seconds (a server asking for more waits this long).
  public var retryAfterCap: Double

  /// Settings for `baseURL`; the defaults suit a real server (120 s per call, 4 retries).
  public init(baseURL: String, apiKey: String? = nil, timeout: Double = 120, retries: Int = 4, backoffBase: Double = 1, backoffCap: Double = 30, retryAfterCap: Double = 60) {
    self.baseURL = baseURL
    self.apiKey = apiKey
    self.timeout = timeout
    self.retries = retries
    self.backoffBase = backoffBase
    self.backoffCap = backoffCap
    self.retryAfterCap = retryAfterCap
  }

  /// The key in environment variable `name` (e.g. `OPENAI_API_KEY`), nil when unset or empty.
  /// Keys come from the environment only, never from a flag value or a file in the dataset.
  public static func apiKey(fromEnvironment name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    guard let value = environment[name], !value.isEmpty else { return nil }
    return value
  }

  /// The settings with the key hidden.
  public var description: String {
    "ChatClientSettings(baseURL: \(baseURL), apiKey: \(apiKey == nil ? "none" : "set (hidden)"), timeout: \(timeout) s, retries: \(retries))"
  }

  /// The settings with the key hidden.
  public var debugDescription: String { description }
}
