import Foundation

/// When a failed attempt is retried, and how long to wait first.
///
/// Backoff doubles per attempt up to a cap, times a jitter in [0.5, 1) drawn from the request's
/// digest and the attempt number: clients that failed together spread out, yet the waits are
/// the same on every run (jitter changes timing only, never an output).
struct ChatRetryPolicy: Sendable {
  let retries: Int
  let backoffBase: Double
  let backoffCap: Double
  let retryAfterCap: Double

  init(_ settings: ChatClientSettings) {
    retries = max(0, settings.retries)
    backoffBase = max(0, settings.backoffBase)
    backoffCap = max(0, settings.backoffCap)
    retryAfterCap = max(0, settings.retryAfterCap)
  }

  /// Whether an HTTP status is worth another attempt: 408, 429 and every 5xx.
  static func isRetryable(status: Int) -> Bool {
    status == 408 || status == 429 || (500...599).contains(status)
  }

  /// Seconds to wait before attempt `attempt + 1` of the request whose cache key is `key`;
  /// `retryAfter` is the server's `Retry-After` header on a 429 or 503.
  func delay(afterAttempt attempt: Int, key: String, status: Int?, retryAfter: String?, now: Date = Date()) -> Double {
    if let status, status == 429 || status == 503, let retryAfter, let seconds = Self.seconds(inRetryAfter: retryAfter, now: now) {
      return min(seconds, retryAfterCap)
    }
    let exponential = min(backoffCap, backoffBase * pow(2, Double(min(attempt, 30))))
    var generator = SplitMix64(seed: (UInt64(key.prefix(16), radix: 16) ?? 0) ^ UInt64(attempt))
    let jitter = 0.5 + Double(generator.next() >> 11) / Double(1 << 53) / 2
    return exponential * jitter
  }

  /// The wait a `Retry-After` value asks for: delta seconds, or an HTTP date (RFC 9110);
  /// nil when it is neither. A date in the past is 0.
  static func seconds(inRetryAfter value: String, now: Date = Date()) -> Double? {
    let text = value.trimmingCharacters(in: .whitespaces)
    if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
      return Double(text.prefix(9))
    }
    for pattern in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "GMT")
      formatter.dateFormat = pattern
      if let date = formatter.date(from: text) { return max(0, date.timeIntervalSince(now)) }
    }
    return nil
  }
}
