/// The OpenAI chat-completions wire format: the request body sent and the reply read, parsed
/// strictly with the project's own JSON parser.
enum ChatWire {
  /// The JSON body of `POST /chat/completions` for `request`. Members are written in a fixed
  /// order, so the bytes are also the canonical form the reply cache hashes.
  static func body(of request: ChatRequest) -> [UInt8] {
    var object = JSONObject()
    object.append("model", .string(request.model))
    object.append("messages", .array(request.messages.map { ["role": .string($0.role), "content": .string($0.content)] }))
    object.append("temperature", .double(request.temperature))
    if let maxTokens = request.maxTokens { object.append("max_tokens", .integer(Int64(maxTokens))) }
    if request.wantsJSON { object.append("response_format", ["type": "json_object"]) }
    return JSONWriter().bytes(of: .object(object))
  }

  /// The reply in `bytes`: `choices[0].message.content`, `finish_reason` and `usage`.
  /// - Throws: ``ChatError/malformedReply(url:reason:)`` naming what is missing or wrong.
  static func reply(from bytes: [UInt8], url: String) throws(ChatError) -> ChatReply {
    let root: JSONValue
    do {
      root = try JSONParser().parse(bytes)
    } catch {
      throw .malformedReply(url: url, reason: "not JSON (\(error.localizedDescription))")
    }
    guard root.objectValue != nil else {
      throw .malformedReply(url: url, reason: "the reply is a JSON \(root.typeName), not an object")
    }
    if let message = root["error"]?["message"]?.stringValue {
      throw .malformedReply(url: url, reason: "the server reported an error: \(message)")
    }
    guard let choices = root["choices"]?.arrayValue else {
      throw .malformedReply(url: url, reason: "no `choices` array")
    }
    guard let first = choices.first else {
      throw .malformedReply(url: url, reason: "`choices` is empty")
    }
    guard let content = first["message"]?["content"]?.stringValue else {
      throw .malformedReply(url: url, reason: "`choices[0].message.content` is not a string")
    }
    let finishReason: String?
    switch first["finish_reason"] {
    case nil, .null?: finishReason = nil
    case .string(let reason)?: finishReason = reason
    case let other?: throw .malformedReply(url: url, reason: "`finish_reason` is a \(other.typeName), not a string")
    }
    let promptTokens = try count("prompt_tokens", in: root, url: url)
    let completionTokens = try count("completion_tokens", in: root, url: url)
    return ChatReply(content: content, finishReason: finishReason, promptTokens: promptTokens, completionTokens: completionTokens)
  }

  /// The message of an error reply (`error.message`, or `message`), else the body's start.
  static func errorMessage(in bytes: [UInt8]) -> String {
    if let root = try? JSONParser().parse(bytes) {
      if let message = root["error"]?["message"]?.stringValue ?? root["error"]?.stringValue ?? root["message"]?.stringValue {
        return message
      }
    }
    let text = String(decoding: bytes.prefix(300), as: UTF8.self)
    return text.isEmpty ? "(empty body)" : text
  }

  /// `usage.NAME` as a count: 0 when absent or null, an error when not a non-negative integer.
  private static func count(_ name: String, in root: JSONValue, url: String) throws(ChatError) -> Int {
    switch root["usage"]?[name] {
    case nil, .null?: return 0
    case .integer(let value)? where value >= 0 && value <= Int64(Int32.max): return Int(value)
    case let other?: throw .malformedReply(url: url, reason: "`usage.\(name)` is \(JSONWriter().string(of: other)), not a token count")
    }
  }
}
