/// The prompts a run has written, so no prompt is written twice with different answers.
///
/// Keeps one 64-bit XXH64 digest of each prompt (every message before the answer, roles
/// included) with the digest of its answer. **Memory**: about 40 bytes per written example
/// (a dictionary entry of two `UInt64`s), the one thing in `instruct` that grows with the input:
/// 10 million examples take about 400 MB.
struct PromptRegistry: Sendable {
  /// What registering a prompt found.
  enum Outcome: Equatable {
    /// The prompt is new, and now registered.
    case new
    /// The prompt was already written with the same answer.
    case sameAnswer
    /// The prompt was already written with another answer (nothing registered).
    case conflict
  }

  private var answers: [UInt64: UInt64] = [:]

  /// Registers the prompt of `example` with its answer, unless it already has another answer.
  /// An example without a prompt (a `text` passage) is always new and not registered.
  mutating func register(_ example: Example) -> Outcome {
    guard !example.promptMessages.isEmpty else { return .new }
    let prompt = Self.digest(example.promptMessages)
    let answer = Self.digest(example.responseMessages)
    if let known = answers[prompt] { return known == answer ? .sameAnswer : .conflict }
    answers[prompt] = answer
    return .new
  }

  /// Whether the prompt of `example` is already written with another answer (nothing registered).
  func conflicts(_ example: Example) -> Bool {
    guard !example.promptMessages.isEmpty, let known = answers[Self.digest(example.promptMessages)] else { return false }
    return known != Self.digest(example.responseMessages)
  }

  private static func digest(_ messages: ArraySlice<ExampleMessage>) -> UInt64 {
    var text = ""
    for message in messages {
      text += message.role.rawValue
      text += "\u{1F}"
      text += message.text
      text += "\u{1E}"
    }
    return XXH64.hash(text)
  }
}
