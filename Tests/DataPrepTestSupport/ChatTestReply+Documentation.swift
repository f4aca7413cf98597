import DataPrep

extension ChatTestReply {
  /// A stand-in model for instruct's default prompts: it answers from the text between the
  /// prompt's `"""` fences with that text's own sentences, so every answer is grounded and the
  /// reply depends on the prompt only. qa (`"pairs"`), conversation, summary and rewrite.
  package static func documentation(for request: ChatTestRequest) -> ChatTestReply {
    let prompt = request.lastUserMessage
    let parts = prompt.components(separatedBy: "\"\"\"")
    let text = parts.count >= 3 ? parts[1].trimmingCharacters(in: .whitespacesAndNewlines) : prompt
    let sentences = text.split(whereSeparator: { ".!?\n".contains($0) })
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { $0.split(separator: " ").count >= 3 }
    let subject: (String) -> String = { sentence in sentence.split(separator: " ").prefix(4).joined(separator: " ") }
    let content: JSONValue
    if prompt.contains("{\"pairs\"") {
      let pairs = sentences.prefix(3).map { sentence -> JSONValue in
        ["question": .string("What do the instructions say about \(subject(sentence))?"), "answer": .string(sentence + ".")]
      }
      content = ["pairs": .array(pairs)]
    } else if prompt.contains("{\"messages\"") {
      let first = sentences.first ?? text
      content = ["messages": [
        ["role": "user", "content": .string("Tell me about \(subject(first)).")],
        ["role": "assistant", "content": .string(first + ".")],
      ]]
    } else if prompt.contains("{\"summary\"") {
      content = ["summary": .string(sentences.prefix(2).map { $0 + "." }.joined(separator: " "))]
    } else {
      let question = prompt.components(separatedBy: "\n").dropFirst().first { $0.hasSuffix("?") } ?? "What is this?"
      content = ["question": .string("Could you tell me: " + question)]
    }
    let reply = JSONWriter().string(of: content)
    return completion(reply, promptTokens: prompt.split(separator: " ").count, completionTokens: reply.split(separator: " ").count)
  }
}
