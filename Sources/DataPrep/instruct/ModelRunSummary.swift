/// What the model generator did: calls, cache hits, tokens, and what it dropped and why. Part
/// of ``Instructor/Summary`` (stderr, the build report and card).
public struct ModelRunSummary: Sendable, Equatable {
  /// The model asked.
  public var model: String
  /// Requests answered (from the server or the cache), retries included.
  public var calls = 0
  /// Of those, replies read from the cache.
  public var cacheHits = 0
  /// Prompt tokens the server counted (`usage.prompt_tokens`), cached replies included.
  public var promptTokens = 0
  /// Reply tokens the server counted (`usage.completion_tokens`), cached replies included.
  public var completionTokens = 0
  /// Requests asked again after a malformed or cut reply.
  public var retries = 0
  /// Chunks (or rewritten questions) whose examples were dropped: the reply was malformed or
  /// cut twice, or the server refused that one request.
  public var failedRequests = 0
  /// Answers (or conversations, summaries) dropped as not supported by their chunk.
  public var droppedUngrounded = 0
  /// Generated questions dropped as exact or near duplicates of an earlier one.
  public var droppedDuplicate = 0
  /// Pages not sent at all because they are source listings (code with almost no prose).
  public var skippedListings = 0

  /// A summary of a run asking `model`, all counts 0.
  public init(model: String) {
    self.model = model
  }

  /// Lines for stderr.
  public var reportLines: [String] {
    [
      "  model \(model): \(calls) calls (\(cacheHits) from the cache), \(promptTokens) tokens in, \(completionTokens) out, \(retries) retried",
      "  dropped (answer not grounded in its chunk): \(droppedUngrounded)",
      "  dropped (question duplicates an earlier one): \(droppedDuplicate)",
      "  dropped (reply malformed or cut twice, or refused): \(failedRequests)",
      "  skipped (page only code, a source listing): \(skippedListings)",
    ]
  }

  /// One line for the dataset card.
  public var line: String {
    "model \(model): \(calls) calls (\(cacheHits) from the cache), \(promptTokens) tokens in, \(completionTokens) out; dropped "
      + "\(droppedUngrounded) ungrounded, \(droppedDuplicate) duplicate questions, \(failedRequests) failed replies; "
      + "skipped \(skippedListings) source listings"
  }

  /// The counts as JSON (build report).
  public var json: JSONValue {
    var object = JSONObject()
    object.append("model", .string(model))
    for (key, value) in [
      ("calls", calls), ("cache_hits", cacheHits), ("prompt_tokens", promptTokens), ("completion_tokens", completionTokens),
      ("retries", retries), ("failed_requests", failedRequests), ("dropped_ungrounded", droppedUngrounded),
      ("dropped_duplicate", droppedDuplicate), ("skipped_listings", skippedListings),
    ] {
      object.append(key, .integer(Int64(value)))
    }
    return .object(object)
  }
}
