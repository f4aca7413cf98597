/// The checks of a conversation's structure: who speaks when (`no-assistant`, `role-order`,
/// `last-turn`), tool use (`weight`, `tool-arguments`, `tool-result`) and `instruction-shape`.
extension DatasetValidator {
  /// The characters of an instruction read for the excerpt `instruction-shape` quotes.
  private static let instructionExcerptSource = 200
  /// The longest excerpt `instruction-shape` quotes, in characters, `...` included.
  private static let instructionExcerptLength = 60

  /// `no-assistant`, `role-order` (a late system turn, two user turns in a row) and `last-turn`.
  func checkTurnOrder(_ view: ConversationView, path: String, line: Int) {
    let hasAssistant = view.turns.contains { $0.role == .assistant }
    if !hasAssistant {
      add(.noAssistant, path, line, "no assistant turn: there is nothing to learn from this example")
    }
    if options.isEnabled(.roleOrder) {
      for (i, turn) in view.turns.enumerated() {
        if turn.role == .system && i > 0 {
          add(.roleOrder, path, line, "a system turn (\(turn.turnLocation)) comes after another turn; it must be first")
        }
        if turn.role == .user && i > 0 && view.turns[i - 1].role == .user {
          add(.roleOrder, path, line, "two user turns in a row (\(view.turns[i - 1].turnLocation), \(turn.turnLocation))")
        }
      }
    }
    if hasAssistant, let last = view.turns.last, last.role != .assistant {
      add(.lastTurn, path, line, "the final turn is \(last.role.rawValue), not assistant: the model is trained on nothing after it")
    }
  }

  /// `weight` (0 or 1), `tool-arguments` (a JSON text) and `tool-result` (answers an earlier
  /// call), turn by turn.
  func checkToolUse(_ view: ConversationView, format: DatasetFormat, path: String, line: Int) {
    var callIDs: Set<String> = []
    var sawCall = false
    for turn in view.turns {
      if let weight = turn.weight, weight.integerValue != 0 && weight.integerValue != 1 {
        add(.weight, path, line, "weight \(SchemaEvaluator.render(weight)) at \(turn.turnLocation) must be 0 or 1")
      }
      for call in turn.toolCalls {
        sawCall = true
        if let id = call.id { callIDs.insert(id) }
        guard options.isEnabled(.toolArguments), let arguments = call.arguments else { continue }
        checkToolArguments(arguments, at: turn, format: format, path: path, line: line)
      }
      if turn.role == .tool {
        if let id = turn.toolCallID {
          if !callIDs.contains(id) {
            add(.toolResult, path, line, "tool result at \(turn.turnLocation) answers call '\(id)', which no earlier assistant turn made")
          }
        } else if !sawCall {
          add(.toolResult, path, line, "tool result at \(turn.turnLocation) follows no tool call")
        }
      }
    }
  }

  /// `tool-arguments`: a call's arguments must be a JSON text (and, for OpenAI formats, a string).
  private func checkToolArguments(
    _ arguments: JSONValue, at turn: ConversationTurn, format: DatasetFormat, path: String, line: Int
  ) {
    if case .string(let text) = arguments {
      if (try? parser.parse(text)) == nil {
        add(.toolArguments, path, line, "tool call arguments at \(turn.turnLocation) are not valid JSON: \(SchemaEvaluator.render(arguments))")
      }
    } else if format == .example(.openAIChat) || format == .example(.openAIPreference) {
      add(.toolArguments, path, line, "tool call arguments at \(turn.turnLocation) must be a JSON text in a string, found \(arguments.typeName)")
    }
  }

  /// `instruction-shape`: the last user turn before the final answer must be a question or a
  /// request of 3+ words (``InstructionShape``).
  func checkInstructionShape(_ view: ConversationView, path: String, line: Int) {
    guard let instruction = view.turns.dropLast().last(where: { $0.role == .user }) else {
      add(.instructionShape, path, line, "no user turn before the answer: the example teaches an answer to nothing")
      return
    }
    guard let problem = InstructionShape.problem(instruction.text) else { return }
    var snippet = String(instruction.text.prefix(Self.instructionExcerptSource))
      .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
    if snippet.count > Self.instructionExcerptLength {
      snippet = String(snippet.prefix(Self.instructionExcerptLength - 3)) + "..."
    }
    add(.instructionShape, path, line, "\(instruction.location) \(problem): '\(snippet)'")
  }
}
