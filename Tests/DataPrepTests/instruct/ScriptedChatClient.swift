import Foundation
import Synchronization
@testable import DataPrep

/// A stand-in chat server for the model generator's tests: records every request and answers
/// with `reply`, after a delay derived from the request (`scrambled`) so replies arrive out of
/// request order.
final class ScriptedChatClient: ChatCompleting, Sendable {
  private let answer: @Sendable (ChatRequest) throws -> ChatReply
  private let scrambled: Bool
  private let log = Mutex<[ChatRequest]>([])

  init(scrambled: Bool = false, _ answer: @escaping @Sendable (ChatRequest) throws -> ChatReply = ScriptedChatClient.echo) {
    self.answer = answer
    self.scrambled = scrambled
  }

  /// The requests received, in arrival order.
  var requests: [ChatRequest] { log.withLock { $0 } }

  func complete(_ request: ChatRequest) async throws -> ChatReply {
    log.withLock { $0.append(request) }
    if scrambled {
      let hash = XXH64.hash(request.messages.map(\.content).joined())
      try await Task.sleep(nanoseconds: (hash % 7) * 1_000_000)
    }
    return try answer(request)
  }

  /// The text between the prompt's `"""` fences (the chunk, or the answer of `rewrite`).
  static func quoted(_ request: ChatRequest) -> String {
    let user = request.messages.last?.content ?? ""
    let parts = user.components(separatedBy: "\"\"\"")
    return parts.count >= 3 ? parts[1].trimmingCharacters(in: .whitespacesAndNewlines) : ""
  }

  /// The task a built-in prompt asks for.
  static func task(_ request: ChatRequest) -> ModelTask {
    let user = request.messages.last?.content ?? ""
    if user.contains("{\"pairs\"") { return .qa }
    if user.contains("{\"messages\"") { return .conversation }
    if user.contains("{\"summary\"") { return .summary }
    return .rewrite
  }

  /// A reply derived from the prompt: the chunk's words as answer, a question naming its first words.
  static func echo(_ request: ChatRequest) -> ChatReply {
    let chunk = quoted(request)
    let head = chunk.split(separator: " ").prefix(4).joined(separator: " ")
    return ChatReply(content: json(task(request), question: "What is meant by \(head)?", answer: chunk), promptTokens: 10, completionTokens: 5)
  }

  /// The JSON reply of `task` with one question and answer.
  static func json(_ task: ModelTask, question: String, answer: String) -> String {
    let q = JSONWriter().string(of: .string(question))
    let a = JSONWriter().string(of: .string(answer))
    switch task {
    case .qa: return "{\"pairs\": [{\"question\": \(q), \"answer\": \(a)}]}"
    case .conversation:
      return "{\"messages\": [{\"role\": \"user\", \"content\": \(q)}, {\"role\": \"assistant\", \"content\": \(a)}]}"
    case .rewrite: return "{\"question\": \(q)}"
    case .summary: return "{\"summary\": \(a)}"
    }
  }
}
