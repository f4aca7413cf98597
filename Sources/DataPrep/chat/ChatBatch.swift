/// The one loop that runs a batch of chat requests: at most `concurrency` in flight, started in
/// request order, outcomes given back by request index whatever order they arrive in. Every
/// ``ChatCompleting/completeAll(_:concurrency:stopAtFatalError:)`` runs on it (the HTTP client
/// with its cache and budget, the protocol's default for other conformers), so nothing that
/// uses a batch's replies can depend on timing.
enum ChatBatch {
  typealias Outcome = Result<ChatReply, ChatError>

  /// Runs `send(i)` for the indices `0..<count` and returns each outcome by index (nil: never sent).
  ///
  /// Requests start in index order. Before each, `admit` (called in index order, by this task)
  /// may refuse it, and then no later one starts either; with `stopAtFatalError`, a fatal failure
  /// (``ChatError/isFatal``) that arrives also stops starting new ones. Requests in flight always
  /// finish: cancelling them would turn their outcome into a cancellation that depends on timing,
  /// and their replies are cached for a rerun.
  static func run(
    count: Int, concurrency: Int, stopAtFatalError: Bool,
    admit: () -> Bool = { true }, send: @escaping @Sendable (Int) async -> Outcome
  ) async -> [Outcome?] {
    // Each request's task; the group's body keeps its own state (no captured inout group or
    // array, which a release build of Swift 6.3 miscompiled here).
    let task: @Sendable (Int) -> @Sendable () async -> (Int, Outcome) = { index in
      { (index, await send(index)) }
    }
    let width = max(1, concurrency)
    let collected = await withTaskGroup(of: (Int, Outcome).self, returning: [Int: Outcome].self) { group in
      var collected: [Int: Outcome] = [:]
      var next = 0
      var inFlight = 0
      var stopped = false
      while true {
        while !stopped, inFlight < width, next < count {
          guard admit() else {
            stopped = true
            break
          }
          group.addTask(operation: task(next))
          next += 1
          inFlight += 1
        }
        guard let (index, outcome) = await group.next() else { break }
        inFlight -= 1
        collected[index] = outcome
        if stopAtFatalError, case .failure(let error) = outcome, error.isFatal { stopped = true }
      }
      return collected
    }
    return (0..<count).map { collected[$0] }
  }

  /// A batch's results in request order from `result(i, earlier)`, called in order with the
  /// results before `i`. With
  /// `stopAtFatalError`, the first fatal failure in request order ends the batch: it is also
  /// the result of every later request, whose own `result` is not asked for (so requests sent
  /// ahead of it, or not sent, cannot show through, and the results do not depend on timing).
  static func ordered(
    count: Int, stopAtFatalError: Bool, _ result: (_ index: Int, _ earlier: [Outcome]) -> Outcome
  ) -> [Outcome] {
    var results: [Outcome] = []
    results.reserveCapacity(count)
    var stop: ChatError?
    for index in 0..<count {
      if let stop {
        results.append(.failure(stop))
        continue
      }
      let outcome = result(index, results)
      if stopAtFatalError, case .failure(let error) = outcome, error.isFatal { stop = error }
      results.append(outcome)
    }
    return results
  }
}
