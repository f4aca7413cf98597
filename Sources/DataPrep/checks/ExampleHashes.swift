/// The hashes that identify an example for the `duplicate` and `conflict` checks: one of the
/// whole example, one of its prompt and one of its response, each a fold over the turns' roles,
/// whitespace-normalised texts (``TextScan``) and tool calls.
struct ExampleHashes {
  /// The whole example, alternative responses included.
  private(set) var whole = TextScan.basis
  /// The prompt turns.
  private(set) var prompt = TextScan.basis
  /// The response turns (and the tool calls of alternative responses).
  private(set) var response = TextScan.basis

  /// Empty hashes, before any turn.
  init() {}

  /// The hashes a shard recorded for an example (see `ValidationEvent`).
  init(whole: UInt64, prompt: UInt64, response: UInt64) {
    self.whole = whole
    self.prompt = prompt
    self.response = response
  }

  /// Folded into the whole hash after each alternative (rejected) response, so a text there
  /// differs from the same text among the turns.
  static let alternativeMark: UInt64 = 0x72

  /// Which part of the example a turn is in.
  enum Side {
    case prompt, response, alternative
  }

  /// Folds in `turn`, whose text hashes to `textHash`, on `side`.
  @inline(__always)
  mutating func add(_ turn: ConversationTurn, textHash: UInt64, side: Side) {
    let mixed = (textHash ^ Self.tag(turn.role)) &* TextScan.prime
    whole = fold(whole, mixed)
    switch side {
    case .prompt: prompt = fold(prompt, mixed)
    case .response: response = fold(response, mixed)
    case .alternative: whole = fold(whole, Self.alternativeMark)
    }
    for call in turn.toolCalls {
      // Tool calls are part of the example: two turns that call different tools differ.
      guard let function = call.function else { continue }
      let callHash = TextScan(JSONWriter().string(of: function)) { _ in }.hash
      whole = fold(whole, callHash)
      if side == .prompt { prompt = fold(prompt, callHash) } else { response = fold(response, callHash) }
    }
  }

  /// A byte standing for the role in the hashes.
  @inline(__always)
  private static func tag(_ role: ExampleMessage.Role) -> UInt64 {
    switch role {
    case .system: return 1
    case .user: return 2
    case .assistant: return 3
    case .tool: return 4
    }
  }

  @inline(__always)
  private func fold(_ hash: UInt64, _ value: UInt64) -> UInt64 {
    (hash ^ value) &* TextScan.prime
  }
}
