/// One request the model generator plans: the task, what it is about (a chunk, or for
/// `rewrite` a rule-based example), and the request itself.
struct ModelJob: Sendable {
  /// The task asked.
  var task: ModelTask
  /// The chunk written from (`qa`, `conversation`, `summary`, and the span of `rewrite`).
  var chunk: ModelChunk?
  /// The rule-based example whose question is rewritten (`rewrite`).
  var source: Example?
  /// The first request.
  var request: ChatRequest

  /// The request asked again after `reply` was malformed or cut (`attempt` 1, so it is another
  /// cache entry; a cut reply gets twice the token limit when there is one).
  func retry(after reply: ChatReply?) -> ChatRequest {
    var request = self.request
    request.attempt = 1
    if reply?.finishReason == "length", let limit = request.maxTokens { request.maxTokens = limit * 2 }
    return request
  }
}
