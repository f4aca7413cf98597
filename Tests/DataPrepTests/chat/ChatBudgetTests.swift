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
}
