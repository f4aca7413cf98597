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

  /// The digests a prompt and its answer are known by.
  struct Key: Sendable, Equatable {
    /// The prompt's digest; `nil` for an example without a prompt (never registered).
    var prompt: UInt64?
    /// The answer's digest.
    var answer: UInt64

    /// The key of `example`.
    init(_ example: Example) {
      prompt = example.promptMessages.isEmpty ? nil : PromptRegistry.digest(example.promptMessages)
      answer = PromptRegistry.digest(example.responseMessages)
    }

    /// A key from its digests (read back from a shard's part).
    init(prompt: UInt64?, answer: UInt64) {
      self.prompt = prompt
      self.answer = answer
    }
  }

  private var answers: [UInt64: UInt64] = [:]

  /// Registers the prompt of `example` with its answer, unless it already has another answer.
  /// An example without a prompt (a `text` passage) is always new and not registered.
  mutating func register(_ example: Example) -> Outcome {
    register(Key(example))
  }

  /// Registers the prompt of `key` with its answer, unless it already has another answer.
  mutating func register(_ key: Key) -> Outcome {
    guard let prompt = key.prompt else { return .new }
    if let known = answers[prompt] { return known == key.answer ? .sameAnswer : .conflict }
    answers[prompt] = key.answer
    return .new
  }

  /// Whether the prompt of `example` is already written with another answer (nothing registered).
  func conflicts(_ example: Example) -> Bool {
    conflicts(Key(example))
  }

  /// Whether the prompt of `key` is already written with another answer (nothing registered).
  func conflicts(_ key: Key) -> Bool {
    guard let prompt = key.prompt, let known = answers[prompt] else { return false }
    return known != key.answer
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
