import DataPrep
import DataPrepTestSupport
import Foundation
import Testing

@Suite struct ChatTestServerTests {
  @Test func stopEndsAStalledConnectionAndFreesThePortUntilRestart() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.stall])
    let client = try server.client(timeout: 60, retries: 0)
    let pending = Task { try await client.complete(ChatTestServer.request("stalled")) }
    while server.received.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
    let clock = ContinuousClock()
    let start = clock.now
    server.stop()
    #expect(clock.now - start < .seconds(30))
    await #expect(throws: ChatError.self) { try await pending.value }
    await #expect {
      try await server.client(retries: 0).complete(ChatTestServer.request("after stop"))
    } throws: { error in
      guard case .transport(_, let reason)? = error as? ChatError else { return false }
      return reason.contains("connection refused")
    }
    try server.restart()
    #expect(try await server.client().complete(ChatTestServer.request("after restart")).finishReason == "stop")
  }

  @Test func aRequestOfTheWrongShapeIsAnsweredWithAnErrorAndRecorded() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    let settings = ChatClientSettings(baseURL: "http://127.0.0.1:\(server.port)", retries: 0)
    await #expect {
      try await ChatCompletionClient(settings: settings).complete(ChatTestServer.request("x"))
    } throws: { error in
      guard case .httpStatus(_, 404, let body)? = error as? ChatError else { return false }
      return body.contains("not /v1/chat/completions")
    }
    #expect(server.received.first?.problem == "path /chat/completions, not /v1/chat/completions")
  }

  @Test func theResponderCanBeReplacedToScriptReplies() async throws {
    let server = try ChatTestServer(responder: { request in .completion("echo: \(request.lastUserMessage)") })
    defer { server.stop() }
    #expect(try await server.client().complete(ChatTestServer.request("hello")).content == "echo: hello")
    server.setResponder { _ in .completion("second script", finishReason: "length") }
    let reply = try await server.client().complete(ChatTestServer.request("hello again"))
    #expect(reply.content == "second script")
    #expect(reply.finishReason == "length")
  }
}
