/// The fine-tuning record shapes dataprep reads and writes, each with a schema in `schemas/`.
public enum ExampleFormat: String, Sendable, Hashable, CaseIterable {
  /// OpenAI chat fine-tuning: `{"messages": [...]}`.
  case openAIChat = "openai-chat"
  /// OpenAI preference (DPO) fine-tuning: `input`, `preferred_output`, `non_preferred_output`.
  case openAIPreference = "openai-preference"
  /// `{"prompt", "completion"}`, as strings or as TRL's message lists.
  case promptCompletion = "prompt-completion"
  /// Alpaca: `instruction`, `input`, `output`, optional `system` and `history`.
  case alpaca
  /// ShareGPT: `conversations` of `{from, value}`.
  case shareGPT = "sharegpt"
  /// Plain `{"text"}` for continued pre-training.
  case text

  /// The names, as the command line takes them.
  public static var names: [String] { allCases.map(\.rawValue) }

  /// The format whose keys `record` has, or `nil` when none fits: `DatasetFormat/detect(_:rule:)`
  /// under the `DetectionRule/complete` rule. Detection looks at keys only; parsing then checks
  /// the values.
  public static func detect(_ record: JSONObject) -> ExampleFormat? {
    DatasetFormat.detect(record, rule: .complete)?.exampleFormat
  }

  /// The record shape of this format.
  var datasetFormat: DatasetFormat {
    switch self {
    case .openAIChat: return .openaiChat
    case .openAIPreference: return .openaiPreference
    case .promptCompletion: return .promptCompletion
    case .alpaca: return .alpaca
    case .shareGPT: return .sharegpt
    case .text: return .text
    }
  }
}
