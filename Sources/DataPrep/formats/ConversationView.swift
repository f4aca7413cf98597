/// An example as validate's content checks see it: its turns (prompt and response) and its
/// texts, read from the record's turns (``RecordReader``).
struct ConversationView {
  /// The prompt and response turns, in order.
  var turns: [ConversationTurn] = []
  /// Index of the first response turn: turns before it are the prompt.
  var responseStart: Int
  /// Extra responses (the rejected reply of preference data), checked for content only.
  var alternativeResponses: [ConversationTurn] = []
  /// Whether role-order checks apply (chat-like formats).
  var isConversation: Bool

  /// Builds the view of `object` in `format`; fields of the wrong type are left out (the schema reports them).
  init(_ object: JSONObject, format: DatasetFormat) {
    isConversation = !(format == .example(.promptCompletion) || format == .example(.text) || format == .document)
    var turns: [ConversationTurn] = []
    var alternatives: [ConversationTurn] = []
    var promptTurns = 0
    RecordReader.forEachTurn(of: object, as: format) { turn in
      switch turn.section {
      case .alternative: alternatives.append(ConversationTurn(turn))
      case .prompt:
        promptTurns += 1
        turns.append(ConversationTurn(turn))
      case .conversation, .response: turns.append(ConversationTurn(turn))
      }
    }
    self.turns = turns
    alternativeResponses = alternatives
    if format == .example(.openAIChat) || format == .example(.shareGPT) {
      responseStart = Self.trailingAssistantStart(turns)
    } else {
      responseStart = promptTurns
    }
  }

  private static func trailingAssistantStart(_ turns: [ConversationTurn]) -> Int {
    var index = turns.count
    while index > 0, turns[index - 1].role == .assistant { index -= 1 }
    return index
  }
}
