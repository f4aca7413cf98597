import Foundation

/// Replies kept on disk by the digest of their request, so a rerun (after an interruption, or
/// for unchanged sources) sends no request twice.
///
/// The key is the SHA-256 of the request body exactly as sent (model, messages, temperature,
/// `max_tokens`, `response_format`) plus the request's `attempt`. It leaves out the base URL and
/// the API key: the model name is what decides a reply, so moving a server to another host or
/// port, or rotating the key, keeps the cache, and no secret reaches a file. A user who loads
/// different weights under the same model name uses another cache folder.
///
/// One file per entry, `folder/ab/abcdef….json`, written to a temporary file and renamed, so
/// concurrent writers and a killed run never leave a half entry. An entry that cannot be read
/// back (truncated, edited, for another request) is a miss and is overwritten by the new reply.
/// Replies cut by `finish_reason: "length"` are kept too: they are the model's answer.
public struct ChatReplyCache: Sendable {
  /// What a lookup found.
  enum Lookup: Sendable, Equatable {
    case hit(ChatReply)
    case miss
    case corrupt(path: String, reason: String)
  }

  /// The cache folder.
  public let folder: String
  private static let format = "dataprep-chat-cache-1"

  /// A cache in `folder`, created if missing.
  /// - Throws: ``ChatError/cacheUnwritable(path:reason:)`` when it cannot be created.
  public init(folder: String) throws(ChatError) {
    self.folder = folder
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .cacheUnwritable(path: folder, reason: error.localizedDescription)
    }
  }

  /// The lower-case hex SHA-256 naming `request`'s entry.
  public static func key(for request: ChatRequest) -> String {
    var digest = SHA256Digest()
    digest.update("\(format)\n".utf8)
    digest.update(ChatWire.body(of: request))
    digest.update("\nattempt \(request.attempt)".utf8)
    return digest.hexDigest()
  }

  /// The path of the entry for `key`.
  func path(forKey key: String) -> String {
    "\(folder)/\(key.prefix(2))/\(key).json"
  }

  /// The cached reply to `request` (with `fromCache` set), or nil on a miss or a corrupt entry.
  public func reply(for request: ChatRequest) -> ChatReply? {
    if case .hit(let reply) = lookup(request) { return reply }
    return nil
  }

  /// Looks `request` up, telling a miss from an entry that exists but cannot be used.
  func lookup(_ request: ChatRequest) -> Lookup {
    let key = Self.key(for: request)
    let path = path(forKey: key)
    guard FileManager.default.fileExists(atPath: path) else { return .miss }
    let bytes: [UInt8]
    do {
      bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      return .corrupt(path: path, reason: error.localizedDescription)
    }
    guard let root = try? JSONParser().parse(bytes) else { return .corrupt(path: path, reason: "not JSON") }
    guard root["format"]?.stringValue == Self.format, root["key"]?.stringValue == key else {
      return .corrupt(path: path, reason: "not an entry for this key")
    }
    guard let sent = root["request"], (try? JSONParser().parse(ChatWire.body(of: request))) == sent,
      root["attempt"]?.integerValue == Int64(request.attempt)
    else { return .corrupt(path: path, reason: "the entry is for another request") }
    guard let stored = root["reply"], let content = stored["content"]?.stringValue,
      let promptTokens = stored["prompt_tokens"]?.integerValue, let completionTokens = stored["completion_tokens"]?.integerValue
    else { return .corrupt(path: path, reason: "the reply is incomplete") }
    let finishReason = stored["finish_reason"]?.stringValue
    return .hit(ChatReply(content: content, finishReason: finishReason, promptTokens: Int(promptTokens), completionTokens: Int(completionTokens), fromCache: true))
  }

  /// Stores `reply` as the answer to `request`, replacing any entry (a corrupt one included).
  /// - Throws: ``ChatError/cacheUnwritable(path:reason:)``.
  public func store(_ reply: ChatReply, for request: ChatRequest) throws(ChatError) {
    let key = Self.key(for: request)
    let path = path(forKey: key)
    let sent = (try? JSONParser().parse(ChatWire.body(of: request))) ?? .null
    let entry: JSONValue = [
      "format": .string(Self.format),
      "key": .string(key),
      "request": sent,
      "attempt": .integer(Int64(request.attempt)),
      "reply": [
        "content": .string(reply.content),
        "finish_reason": reply.finishReason.map(JSONValue.string) ?? .null,
        "prompt_tokens": .integer(Int64(reply.promptTokens)),
        "completion_tokens": .integer(Int64(reply.completionTokens)),
      ],
    ]
    do {
      try FileManager.default.createDirectory(atPath: "\(folder)/\(key.prefix(2))", withIntermediateDirectories: true)
    } catch {
      throw .cacheUnwritable(path: path, reason: error.localizedDescription)
    }
    do {
      let output = try OutputFile(path: path)
      try output.write(JSONWriter().bytes(of: entry) + [0x0A])
      try output.commit()
    } catch {
      throw .cacheUnwritable(path: path, reason: error.localizedDescription)
    }
  }
}
