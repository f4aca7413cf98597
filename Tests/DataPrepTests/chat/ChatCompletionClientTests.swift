import DataPrepTestSupport
import Foundation
import Testing

@testable import DataPrep

@Suite struct ChatCompletionClientTests {
  @Test func sendsTheOpenAIRequestShape() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    let client = try server.client()
    let request = ChatRequest(model: "llama3.1:8b", messages: [ChatMessage(role: "system", content: "Be brief."), ChatMessage(role: "user", content: "Héllo \"there\"\n")], temperature: 0.25, maxTokens: 64, wantsJSON: true)
    let reply = try await client.complete(request)
    let sent = try #require(server.received.first)
    #expect(reply == ChatReply(content: ChatTestReply.deterministic(for: sent).content ?? "", promptTokens: 4, completionTokens: 4))
    #expect(sent.problem == nil)
    #expect(sent.method == "POST")
    #expect(sent.path == "/v1/chat/completions")
    #expect(sent.headers["content-type"] == "application/json")
    #expect(sent.model == "llama3.1:8b")
    #expect(sent.messages == request.messages)
    #expect(sent.json?["temperature"]?.doubleValue == 0.25)
    #expect(sent.json?["max_tokens"]?.integerValue == 64)
    #expect(sent.json?["response_format"]?["type"]?.stringValue == "json_object")

    _ = try await client.complete(ChatTestServer.request("plain"))
    let plain = try #require(server.received.last?.json?.objectValue)
    #expect(plain.keys == ["model", "messages", "temperature"])
  }

  @Test func sendsTheBearerKeyOnlyWhenOneIsSet() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    _ = try await server.client(apiKey: "sk-test-123").complete(ChatTestServer.request("a"))
    _ = try await server.client().complete(ChatTestServer.request("b"))
    #expect(server.received.map { $0.headers["authorization"] } == ["Bearer sk-test-123", nil])
  }

  @Test func theKeyComesFromTheNamedEnvironmentVariableAndIsNeverPrinted() {
    #expect(ChatClientSettings.apiKey(fromEnvironment: "MY_KEY", environment: ["MY_KEY": "sk-secret"]) == "sk-secret")
    #expect(ChatClientSettings.apiKey(fromEnvironment: "MY_KEY", environment: ["MY_KEY": ""]) == nil)
    #expect(ChatClientSettings.apiKey(fromEnvironment: "MY_KEY", environment: [:]) == nil)
    let settings = ChatClientSettings(baseURL: "http://127.0.0.1:1/v1", apiKey: "sk-secret")
    #expect(!"\(settings)".contains("sk-secret"))
    #expect(!String(reflecting: settings).contains("sk-secret"))
  }

  @Test func retriesA429AfterTheRetryAfterSeconds() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.error(429, message: "slow down", retryAfter: "1")])
    let client = try server.client()
    let clock = ContinuousClock()
    let start = clock.now
    let reply = try await client.complete(ChatTestServer.request("busy"))
    let elapsed = clock.now - start
    #expect(reply.finishReason == "stop")
    #expect(elapsed >= .milliseconds(950))
    #expect(server.received.count == 2)
    #expect(client.budget.usage.retries == 1)
    #expect(client.budget.usage.requests == 1)
  }

  @Test func capsALongRetryAfter() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.error(503, message: "overloaded", retryAfter: "3600")])
    let client = try server.client(retryAfterCap: 0.1)
    let clock = ContinuousClock()
    let start = clock.now
    _ = try await client.complete(ChatTestServer.request("busy"))
    // Far below the hour asked for; loose because the whole suite on 2 cores can starve tasks.
    #expect(clock.now - start < .seconds(300))
    #expect(server.received.count == 2)
  }

  @Test func retriesA500ThenSucceeds() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.error(500, message: "boom"), .error(502, message: "bad gateway"), .error(408, message: "timeout")])
    let client = try server.client()
    let reply = try await client.complete(ChatTestServer.request("x"))
    #expect(reply.content.contains("question"))
    #expect(server.received.count == 4)
    #expect(client.budget.usage.retries == 3)
  }

  @Test func gives5xxUpAfterTheRetriesNamingTheStatusAndMessage() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue(Array(repeating: .error(500, message: "the GPU caught fire"), count: 3))
    let client = try server.client(retries: 2)
    await #expect(throws: ChatError.httpStatus(url: server.baseURL + "/chat/completions", status: 500, body: "the GPU caught fire")) {
      try await client.complete(ChatTestServer.request("x"))
    }
    #expect(server.received.count == 3)
  }

  @Test func doesNotRetryOther4xx() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.error(404, message: "model 'nope' not found")])
    let client = try server.client()
    do {
      _ = try await client.complete(ChatTestServer.request("x", model: "nope"))
      Issue.record("a 404 must fail")
    } catch let error as ChatError {
      #expect(error == .httpStatus(url: server.baseURL + "/chat/completions", status: 404, body: "model 'nope' not found"))
      #expect(error.localizedDescription.contains("HTTP 404: model 'nope' not found"))
    }
    #expect(server.received.count == 1)
    #expect(client.budget.usage.retries == 0)
  }

  @Test func aStalledConnectionTimesOutAfterTheRetries() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.stall, .stall])
    let client = try server.client(timeout: 1, retries: 1)
    let clock = ContinuousClock()
    let start = clock.now
    do {
      _ = try await client.complete(ChatTestServer.request("x"))
      Issue.record("a stalled server must time out")
    } catch let error as ChatError {
      guard case .transport(_, let reason) = error else {
        Issue.record("expected a transport error, got \(error)")
        return
      }
      #expect(reason.contains("timed out, 2 attempts"))
    }
    #expect(clock.now - start >= .milliseconds(1900))
    #expect(server.received.count == 2)
    #expect(client.budget.usage.retries == 1)
  }

  @Test func aSubSecondTimeoutIsRoundedUpToOneSecond() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.stall])
    let clock = ContinuousClock()
    let start = clock.now
    await #expect(throws: ChatError.self) {
      try await server.client(timeout: 0.2, retries: 0).complete(ChatTestServer.request("x"))
    }
    #expect(clock.now - start >= .milliseconds(900))
  }

  @Test func aStalledAttemptIsRetriedAndThenAnswered() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.stall])
    let reply = try await server.client(timeout: 1).complete(ChatTestServer.request("x"))
    #expect(reply.finishReason == "stop")
    #expect(server.received.count == 2)
  }

  @Test func malformedJSONIsAMalformedReplyAndNotRetried() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.malformed])
    let client = try server.client()
    do {
      _ = try await client.complete(ChatTestServer.request("x"))
      Issue.record("a malformed reply must fail")
    } catch let error as ChatError {
      guard case .malformedReply(_, let reason) = error else {
        Issue.record("expected malformedReply, got \(error)")
        return
      }
      #expect(reason.contains("not JSON"))
    }
    #expect(server.received.count == 1)
  }

  @Test func aLengthReplyComesBackWithItsFinishReason() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.completion(#"{"question": "What is"#, finishReason: "length", promptTokens: 7, completionTokens: 16)])
    let reply = try await server.client().complete(ChatTestServer.request("x"))
    #expect(reply == ChatReply(content: #"{"question": "What is"#, finishReason: "length", promptTokens: 7, completionTokens: 16))
  }

  @Test func aConnectionClosedMidReplyIsRetried() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.closeMidReply])
    let client = try server.client()
    let reply = try await client.complete(ChatTestServer.request("x"))
    #expect(reply.content.contains("question"))
    #expect(server.received.count == 2)
    #expect(client.budget.usage.retries == 1)
  }

  @Test func aConnectionClosedMidReplyEveryTimeIsATransportError() async throws {
    let server = try ChatTestServer()
    defer { server.stop() }
    server.enqueue([.closeMidReply, .closeMidReply])
    await #expect {
      try await server.client(retries: 1).complete(ChatTestServer.request("x"))
    } throws: { error in
      guard case .transport? = error as? ChatError else { return false }
      return true
    }
  }

  @Test func aServerDownIsATransportErrorAndARerunCallsOnlyForWhatIsMissing() async throws {
    let folder = try TemporaryDirectory()
    let server = try ChatTestServer()
    defer { server.stop() }
    let requests = (0..<12).map { ChatTestServer.request("chunk \($0)") }
    let reference = try await server.client().completeAll(requests).map { try $0.get().content }
    let cache = try ChatReplyCache(folder: folder.path("cache"))
    // A run that loses its server after 5 replies: the 6th request stalls while it stops.
    let stopped = DispatchSemaphore(value: 0)
    let before = server.received.count
    server.setResponder { request in
      guard request.number == before + 6 else { return ChatTestReply.deterministic(for: request) }
      Thread {
        server.stop()
        stopped.signal()
      }.start()
      return .stall
    }
    let first = try await server.client(retries: 1, cache: cache).completeAll(requests, concurrency: 1)
    let done = first.filter { (try? $0.get()) != nil }.count
    #expect(done == 5)
    for result in first.dropFirst(5) {
      guard case .failure(.transport(_, let reason)) = result else {
        Issue.record("expected a transport error, got \(result)")
        continue
      }
      #expect(reason.contains("connection refused"))
    }
    #expect(server.received.count - before == 6)
    // The resumed run: only the 7 missing requests reach the restarted server.
    stopped.wait()
    try server.restart()
    let resumed = try server.client(cache: cache)
    let second = await resumed.completeAll(requests, concurrency: 4)
    #expect(server.received.count - before == 13)
    #expect(try second.map { try $0.get().content } == reference)
    #expect(try second.map { try $0.get().fromCache } == Array(repeating: true, count: 5) + Array(repeating: false, count: 7))
    #expect(resumed.budget.usage.cacheHits == 5)
    #expect(resumed.budget.usage.requests == 7)
  }

  @Test func refusesABaseURLThatIsNotHTTP() {
    for base in ["", "127.0.0.1:8080", "ftp://example.com/v1", "http://"] {
      #expect(throws: ChatError.invalidBaseURL(base)) {
        try ChatCompletionClient(settings: ChatClientSettings(baseURL: base))
      }
    }
  }
}
