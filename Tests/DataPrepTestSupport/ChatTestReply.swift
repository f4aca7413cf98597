import DataPrep

/// What the chat test server does with one request: a reply, or an exact fault.
package struct ChatTestReply: Sendable {
  /// How the reply is delivered.
  package enum Delivery: Sendable {
    /// The whole reply.
    case whole
    /// Accept the request and never answer (the client's timeout must fire).
    case stall
    /// Send the headers and half the body, then close the connection.
    case closeMidReply
  }

  /// The HTTP status.
  package var status: Int
  /// Extra headers (Content-Type, Content-Length and Connection are added).
  package var headers: [String: String]
  /// The body bytes.
  package var body: [UInt8]
  /// Seconds to wait before answering (on top of the server's latency).
  package var delay: Double
  /// How the reply goes out.
  package var delivery: Delivery

  /// A reply of `status` with `body`.
  package init(status: Int = 200, headers: [String: String] = [:], body: [UInt8], delay: Double = 0, delivery: Delivery = .whole) {
    self.status = status
    self.headers = headers
    self.body = body
    self.delay = delay
    self.delivery = delivery
  }

  /// A chat completion saying `content`.
  package static func completion(_ content: String, finishReason: String = "stop", promptTokens: Int = 10, completionTokens: Int = 5, delay: Double = 0) -> ChatTestReply {
    let body: JSONValue = [
      "id": "chatcmpl-test", "object": "chat.completion", "model": "test",
      "choices": [["index": 0, "message": ["role": "assistant", "content": .string(content)], "finish_reason": .string(finishReason)]],
      "usage": ["prompt_tokens": .integer(Int64(promptTokens)), "completion_tokens": .integer(Int64(completionTokens)),
                "total_tokens": .integer(Int64(promptTokens + completionTokens))],
    ]
    return ChatTestReply(body: JSONWriter().bytes(of: body), delay: delay)
  }

  /// An OpenAI-style error reply, with `Retry-After` when given.
  package static func error(_ status: Int, message: String, retryAfter: String? = nil) -> ChatTestReply {
    let body: JSONValue = ["error": ["message": .string(message), "type": "test_error"]]
    return ChatTestReply(status: status, headers: retryAfter.map { ["Retry-After": $0] } ?? [:], body: JSONWriter().bytes(of: body))
  }

  /// The assistant text of a completion reply, nil for an error or a fault.
  package var content: String? {
    (try? JSONParser().parse(body))?["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue
  }

  /// A stalled connection: the request is read and never answered.
  package static let stall = ChatTestReply(body: [], delivery: .stall)

  /// A 200 whose body is not JSON.
  package static let malformed = ChatTestReply(body: Array(#"{"choices": [{"message": {"content": "cut"#.utf8))

  /// A completion closed by the server half-way through its body.
  package static let closeMidReply: ChatTestReply = {
    var reply = completion("this reply is cut in the middle by the server closing its connection")
    reply.delivery = .closeMidReply
    return reply
  }()

  /// The default reply, derived from the request only: a JSON object naming a 64-bit FNV-1a
  /// hash of the last user message, with word counts as token counts.
  package static func deterministic(for request: ChatTestRequest) -> ChatTestReply {
    let user = request.lastUserMessage
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in user.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let hex = String(hash, radix: 16)
    let content = JSONWriter().string(of: ["question": .string("What is \(hex)?"), "answer": .string("It is \(hex).")])
    let words = request.messages.reduce(0) { $0 + $1.content.split(separator: " ").count }
    return completion(content, promptTokens: words, completionTokens: 4)
  }
}
