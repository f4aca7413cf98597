/// The record shapes dataprep knows: the fine-tuning formats (``ExampleFormat``) and dataprep
/// documents. Detection of every command goes through `detect(_:rule:)`.
public enum DatasetFormat: String, Sendable, CaseIterable, Codable {
  /// `{"messages": [{"role", "content"}...]}` (OpenAI supervised fine-tuning).
  case openaiChat = "openai-chat"
  /// `{"input": {"messages"}, "preferred_output", "non_preferred_output"}` (OpenAI DPO).
  case openaiPreference = "openai-preference"
  /// `{"prompt", "completion"}`.
  case promptCompletion = "prompt-completion"
  /// `{"instruction", "input", "output"}`.
  case alpaca
  /// `{"conversations": [{"from", "value"}...]}`.
  case sharegpt
  /// `{"text"}` (continued pre-training).
  case text
  /// A dataprep document (`id`, `source`, `text`, `sections`, ...).
  case document

  /// The order detection tries the formats in: the first whose keys the record has wins.
  private static let detectionOrder: [DatasetFormat] = [
    .openaiPreference, .openaiChat, .sharegpt, .alpaca, .promptCompletion, .document, .text,
  ]

  /// The format a record has, judged by its keys under `rule`; `nil` when it has none of the
  /// known shapes. Values are not looked at: the schema (validate) or the parser (convert) does.
  static func detect(_ object: JSONObject, rule: DetectionRule = .lenient) -> DatasetFormat? {
    let keys = FormatKeys(of: object)
    for format in detectionOrder where format.matches(keys, rule: rule) { return format }
    return nil
  }

  /// The fine-tuning format of this shape; `nil` for a document.
  var exampleFormat: ExampleFormat? {
    switch self {
    case .openaiChat: return .openAIChat
    case .openaiPreference: return .openAIPreference
    case .promptCompletion: return .promptCompletion
    case .alpaca: return .alpaca
    case .sharegpt: return .shareGPT
    case .text: return .text
    case .document: return nil
    }
  }

  /// Whether a record with `keys` has this shape under `rule`.
  private func matches(_ keys: FormatKeys, rule: DetectionRule) -> Bool {
    switch (self, rule) {
    case (.openaiPreference, .lenient): return keys.contains(.preference)
    case (.openaiPreference, .complete): return keys.contains(.preference) && !keys.contains(.messages)
    case (.openaiPreference, .textual): return keys.contains(.inputMessageList) && !keys.contains(.messageList)
    case (.openaiChat, .textual): return keys.contains(.messageList)
    case (.openaiChat, _): return keys.contains(.messages)
    case (.sharegpt, .textual): return keys.contains(.conversationList)
    case (.sharegpt, _): return keys.contains(.conversations)
    case (.alpaca, .lenient): return keys.contains(.instruction) || keys.isSuperset(of: [.output, .input])
    case (.alpaca, .complete): return keys.isSuperset(of: [.instruction, .output])
    case (.alpaca, .textual):
      return keys.contains(.instructionString) && keys.isDisjoint(with: [.promptString, .completionString])
    case (.promptCompletion, .lenient): return !keys.isDisjoint(with: [.prompt, .completion])
    case (.promptCompletion, .complete): return keys.isSuperset(of: [.prompt, .completion])
    case (.promptCompletion, .textual): return !keys.isDisjoint(with: [.promptString, .completionString])
    case (.document, .lenient): return keys.contains(.document)
    case (.document, _): return false
    case (.text, .textual): return keys.contains(.textString)
    case (.text, _): return keys.contains(.text)
    }
  }
}
