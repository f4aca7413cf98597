import DataPrep

/// One HTTP request the chat test server received, kept so tests can assert what was sent.
package struct ChatTestRequest: Sendable {
  /// The 1-based number of this request since the server was created (restarts included).
  package var number: Int
  /// `POST`, `GET`, ...
  package var method: String
  /// The request target, e.g. `/v1/chat/completions`.
  package var path: String
  /// Header values by lower-cased name.
  package var headers: [String: String]
  /// The body bytes.
  package var body: [UInt8]
  /// The body parsed, when it is JSON.
  package var json: JSONValue?
  /// What is wrong with the request's shape (answered 4xx), or nil for a valid chat request.
  package var problem: String?

  /// The model asked for.
  package var model: String? { json?["model"]?.stringValue }

  /// The messages as (role, content) pairs.
  package var messages: [ChatMessage] {
    (json?["messages"]?.arrayValue ?? []).compactMap { message in
      guard let role = message["role"]?.stringValue, let content = message["content"]?.stringValue else { return nil }
      return ChatMessage(role: role, content: content)
    }
  }

  /// The content of the last `user` message ("" when none).
  package var lastUserMessage: String {
    messages.last { $0.role == "user" }?.content ?? ""
  }

  /// The problem with a chat-completions request of this shape, or nil when it is valid.
  static func shapeProblem(method: String, path: String, json: JSONValue?) -> String? {
    guard method == "POST" else { return "method \(method), not POST" }
    guard path == "/v1/chat/completions" else { return "path \(path), not /v1/chat/completions" }
    guard let json, json.objectValue != nil else { return "the body is not a JSON object" }
    guard let model = json["model"]?.stringValue, !model.isEmpty else { return "no `model` string" }
    guard let messages = json["messages"]?.arrayValue, !messages.isEmpty else { return "no `messages` array" }
    for (index, message) in messages.enumerated() {
      guard let role = message["role"]?.stringValue, ["system", "user", "assistant"].contains(role) else {
        return "messages[\(index)].role is not system, user or assistant"
      }
      guard message["content"]?.stringValue != nil else { return "messages[\(index)].content is not a string" }
    }
    if let temperature = json["temperature"], temperature.doubleValue == nil { return "`temperature` is not a number" }
    if let maxTokens = json["max_tokens"], maxTokens.integerValue == nil { return "`max_tokens` is not an integer" }
    return nil
  }
}
