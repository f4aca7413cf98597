/// Sends a list of requests with at most `concurrency` in flight and gives the outcomes back in
/// request order, whatever order the replies arrive in: the one place the model generator
/// waits on the client, so its output cannot depend on timing.
enum ChatBatch {
  /// Whether a failure stops the whole run (the server or its key cannot be used, the budget
  /// is spent) rather than only the request that failed.
  static func isFatal(_ error: any Error) -> Bool {
    guard let error = error as? ChatError else { return true }
    switch error {
    case .malformedReply: return false
    case .httpStatus(_, let status, _): return ![400, 413, 422].contains(status)
    case .transport, .budgetExhausted, .cacheUnwritable, .invalidBaseURL: return true
    }
  }

  /// The outcome of each of `requests`, in order.
  /// - Throws: the first fatal error (``isFatal(_:)``) in request order; the requests not yet
  ///   sent when one arrives are not sent.
  static func complete(
    _ requests: [ChatRequest], client: any ChatCompleting, concurrency: Int
  ) async throws -> [Result<ChatReply, any Error>] {
    typealias Outcome = (Int, Result<ChatReply, any Error>)
    // Each request's task; the group's body keeps its own state (no captured inout group or
    // array, which a release build of Swift 6.3 miscompiled here).
    let task: @Sendable (Int) -> @Sendable () async -> Outcome = { index in
      let request = requests[index]
      return {
        do { return (index, .success(try await client.complete(request))) } catch { return (index, .failure(error)) }
      }
    }
    let collected = await withTaskGroup(of: Outcome.self, returning: [Int: Result<ChatReply, any Error>].self) { group in
      var collected: [Int: Result<ChatReply, any Error>] = [:]
      var next = min(max(1, concurrency), requests.count)
      for index in 0..<next { group.addTask(operation: task(index)) }
      var stopped = false
      while let (index, result) = await group.next() {
        collected[index] = result
        if case .failure(let error) = result, isFatal(error) {
          stopped = true
          group.cancelAll()
        }
        if !stopped, next < requests.count {
          group.addTask(operation: task(next))
          next += 1
        }
      }
      return collected
    }
    let results = requests.indices.map { collected[$0] }
    for result in results {
      if case .failure(let error)? = result, isFatal(error) { throw error }
    }
    return try results.map { result throws in
      guard let result else { throw CancellationError() }
      return result
    }
  }
}
