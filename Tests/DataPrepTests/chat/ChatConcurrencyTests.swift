import DataPrepTestSupport
import Foundation
import Synchronization
import Testing

@testable import DataPrep

@Suite struct ChatConcurrencyTests {
  /// Replies arrive in a scrambled order: each waits 0–40 ms, drawn from its message.
  static func scrambledServer() throws -> ChatTestServer {
    try ChatTestServer(responder: { request in
      var reply = ChatTestReply.deterministic(for: request)
      var hash: UInt64 = 0
      for byte in request.lastUserMessage.utf8 { hash = hash &* 131 &+ UInt64(byte) }
      reply.delay = Double(hash % 41) / 1000
      return reply
    })
  }

  @Test func completeAllReturnsRepliesInRequestOrder() async throws {
    let server = try Self.scrambledServer()
    defer { server.stop() }
    let requests = (0..<48).map { ChatTestServer.request("chunk number \($0)") }
    let results = try await server.client().completeAll(requests, concurrency: 8)
    let byMessage = Dictionary(server.received.map { ($0.lastUserMessage, ChatTestReply.deterministic(for: $0)) }, uniquingKeysWith: { a, _ in a })
    for (request, result) in zip(requests, results) {
      let reply = try result.get()
      let expected = try #require(byMessage[request.messages[1].content])
      #expect(reply.content == expected.content)
    }
  }

  @Test func concurrencyOneAndSixteenGiveIdenticalResults() async throws {
    let server = try Self.scrambledServer()
    defer { server.stop() }
    let requests = (0..<40).map { ChatTestServer.request("section \($0 % 37)") }
    let one = try await server.client().completeAll(requests, concurrency: 1)
    let sixteen = try await server.client().completeAll(requests, concurrency: 16)
    #expect(one == sixteen)
    #expect(one.allSatisfy { (try? $0.get()) != nil })
  }

  @Test(arguments: [1, 4, 16])
  func atMostConcurrencyRequestsAreInFlightAndTheSessionDoesNotCapBelowIt(concurrency: Int) async throws {
    let gauge = InFlightGauge()
    let server = try ChatTestServer(responder: { request in
      gauge.state.withLock {
        $0.now += 1
        $0.most = max($0.most, $0.now)
      }
      usleep(60_000)
      gauge.state.withLock { $0.now -= 1 }
      return ChatTestReply.deterministic(for: request)
    })
    defer { server.stop() }
    let requests = (0..<(concurrency * 3)).map { ChatTestServer.request("r\($0)") }
    let results = try await server.client().completeAll(requests, concurrency: concurrency)
    #expect(results.allSatisfy { (try? $0.get()) != nil })
    #expect(gauge.state.withLock { $0.most } == concurrency)
  }
}

/// Requests the server is answering now, and the most at once.
private final class InFlightGauge: Sendable {
  let state = Mutex((now: 0, most: 0))
}
