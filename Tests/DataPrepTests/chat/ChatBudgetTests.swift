import DataPrepTestSupport
import Foundation
import Testing

@testable import DataPrep

@Suite struct ChatBudgetTests {
  @Test func maxRequestsStopsFurtherCallsButNotCacheHits() async throws {
    let folder = try TemporaryDirectory()
    let cache = try ChatReplyCache(folder: folder.path("cache"))
    let server = try ChatTestServer()
    defer { server.stop() }
    let requests = (0..<5).map { ChatTestServer.request("chunk \($0)") }
    let client = try server.client(cache: cache, budget: ChatBudget(maxRequests: 3))
    let results = await client.completeAll(requests, concurrency: 4)
    #expect(results.prefix(3).allSatisfy { (try? $0.get()) != nil })
    for result in results.dropFirst(3) {
      #expect(result == .failure(.budgetExhausted(limit: "--max-requests 3")))
    }
    #expect(server.received.count == 3)
    #expect(client.budget.usage.requests == 3)
    // A rerun with nothing left to spend still gets every cached reply.
    let rerun = try server.client(cache: cache, budget: ChatBudget(maxRequests: 0))
    let again = await rerun.completeAll(Array(requests.prefix(3)))
    #expect(again.allSatisfy { (try? $0.get())?.fromCache == true })
    #expect(rerun.budget.usage.cacheHits == 3)
    await #expect(throws: ChatError.budgetExhausted(limit: "--max-requests 0")) {
      try await rerun.complete(requests[4])
    }
    #expect(server.received.count == 3)
  }

  @Test func maxTokensTotalCountsPromptAndReplyTokens() async throws {
    let server = try ChatTestServer(responder: { _ in .completion("{}", promptTokens: 10, completionTokens: 5) })
    defer { server.stop() }
    let client = try server.client(budget: ChatBudget(maxTokensTotal: 30))
    _ = try await client.complete(ChatTestServer.request("a"))
    _ = try await client.complete(ChatTestServer.request("b"))
    await #expect(throws: ChatError.budgetExhausted(limit: "--max-tokens-total 30, 30 used")) {
      try await client.complete(ChatTestServer.request("c"))
    }
    #expect(server.received.count == 2)
    #expect(client.budget.usage.totalTokens == 30)
  }

  @Test func theCountersAddUpCallsHitsTokensAndRetries() async throws {
    let folder = try TemporaryDirectory()
    let cache = try ChatReplyCache(folder: folder.path("cache"))
    let server = try ChatTestServer(responder: { _ in .completion("{}", promptTokens: 11, completionTokens: 7) })
    defer { server.stop() }
    server.enqueue([.error(500, message: "once")])
    let client = try server.client(cache: cache)
    _ = await client.completeAll([ChatTestServer.request("a"), ChatTestServer.request("b"), ChatTestServer.request("a")], concurrency: 1)
    var expected = ChatUsage()
    expected.requests = 2
    expected.retries = 1
    expected.cacheHits = 1
    expected.promptTokens = 22
    expected.completionTokens = 14
    #expect(client.budget.usage == expected)
  }

  /// Replies of 10 + 5 tokens that arrive in a scrambled order (0-30 ms, drawn from the message).
  static func scrambledTokens() throws -> ChatTestServer {
    try ChatTestServer(responder: { request in
      var hash: UInt64 = 0
      for byte in request.lastUserMessage.utf8 { hash = hash &* 131 &+ UInt64(byte) }
      return .completion("{}", promptTokens: 10, completionTokens: 5, delay: Double(hash % 31) / 1000)
    })
  }

  @Test func aTokenLimitStopsABatchAtTheSameRequestWhateverTheConcurrency() async throws {
    let requests = (0..<12).map { ChatTestServer.request("chunk \($0)") }
    // Charged in request order: 15, 30, 45 tokens before requests 1-3, so request 3 is sent;
    // 60 before request 4, which is refused, and so is every later one.
    let expected: [Result<ChatReply, ChatError>] =
      (0..<4).map { _ in .success(ChatReply(content: "{}", promptTokens: 10, completionTokens: 5)) }
      + Array(repeating: .failure(.budgetExhausted(limit: "--max-tokens-total 50, 60 used")), count: 8)
    for concurrency in [1, 3, 8] {
      let server = try Self.scrambledTokens()
      defer { server.stop() }
      let client = try server.client(budget: ChatBudget(maxTokensTotal: 50))
      let results = await client.completeAll(requests, concurrency: concurrency)
      #expect(results == expected, "concurrency \(concurrency)")
      // What was really spent: the 4 charged, and those sent while fewer than 4 replies (50
      // tokens) were in hand: at most 3 replies in hand plus `concurrency` in flight.
      let usage = client.budget.usage
      #expect(usage.requests >= 4 && usage.requests <= 3 + concurrency, "concurrency \(concurrency)")
      #expect(usage.totalTokens == 15 * usage.requests)
      if concurrency == 1 { #expect(server.received.count == 4) }
      // The stop holds for the rest of the run, with the same message.
      await #expect(throws: ChatError.budgetExhausted(limit: "--max-tokens-total 50, 60 used")) {
        try await client.complete(ChatTestServer.request("later"))
      }
    }
  }

  @Test func aBatchStoppingAtAFatalErrorGivesItForEveryLaterRequestWhateverTheConcurrency() async throws {
    let requests = (0..<20).map { ChatTestServer.request("chunk \($0)") }
    var outcomes: [[Result<ChatReply, ChatError>]] = []
    for concurrency in [1, 16] {
      let server = try ChatTestServer(responder: { request in
        if request.lastUserMessage == "chunk 2" { return .error(400, message: "too long") }
        if request.lastUserMessage == "chunk 6" { return .error(401, message: "bad key") }
        return ChatTestReply.deterministic(for: request)
      })
      defer { server.stop() }
      let client = try server.client(budget: ChatBudget(maxRequests: 40))
      let results = await client.completeAll(requests, concurrency: concurrency, stopAtFatalError: true)
      let url = server.baseURL + "/chat/completions"
      let refused = ChatError.httpStatus(url: url, status: 401, body: "bad key")
      // A request the server refuses alone (400) does not stop the batch; a refused key does.
      #expect(results[2] == .failure(.httpStatus(url: url, status: 400, body: "too long")))
      #expect(results.prefix(6).enumerated().allSatisfy { $0.offset == 2 || (try? $0.element.get()) != nil })
      #expect(results.dropFirst(6).allSatisfy { $0 == .failure(refused) })
      if concurrency == 1 { #expect(server.received.count == 7) }
      // The server's port differs from run to run: compare the errors without their URL.
      outcomes.append(
        results.map { result in
          result.mapError { error in
            guard case .httpStatus(_, let status, let body) = error else { return error }
            return .httpStatus(url: "", status: status, body: body)
          }
        })
    }
    #expect(outcomes[0] == outcomes[1])
  }
}
