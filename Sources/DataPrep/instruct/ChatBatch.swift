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
    var results = [Result<ChatReply, any Error>?](repeating: nil, count: requests.count)
    await withTaskGroup(of: (Int, Result<ChatReply, any Error>).self) { group in
      var next = 0
      func add() {
        let index = next
        let request = requests[index]
        next += 1
        group.addTask {
          do { return (index, .success(try await client.complete(request))) } catch { return (index, .failure(error)) }
        }
      }
      while next < min(max(1, concurrency), requests.count) { add() }
      var stopped = false
      while let (index, result) = await group.next() {
        results[index] = result
        if case .failure(let error) = result, isFatal(error) {
          stopped = true
          group.cancelAll()
        }
        if !stopped, next < requests.count { add() }
      }
    }
    for result in results {
      if case .failure(let error)? = result, isFatal(error) { throw error }
    }
    return try results.map { result throws in
      guard let result else { throw CancellationError() }
      return result
    }
  }
}
