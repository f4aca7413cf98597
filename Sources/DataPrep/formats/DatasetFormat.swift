/// The record shapes dataprep knows: a fine-tuning format (``ExampleFormat``, the one list of
/// formats and their names) or a dataprep document. Detection of every command goes through
/// `detect(_:rule:)`.
public enum DatasetFormat: Sendable, Hashable, CaseIterable, RawRepresentable, Codable {
  /// A record of a fine-tuning format.
  case example(ExampleFormat)
  /// A dataprep document (`id`, `source`, `text`, `sections`, ...).
  case document

  /// Every shape: the fine-tuning formats in their order, then documents.
  public static var allCases: [DatasetFormat] { ExampleFormat.allCases.map(DatasetFormat.example) + [.document] }

  /// The name, as schemas, reports and `--schema` spell it: the example format's name, or `document`.
  public var rawValue: String {
    switch self {
    case .example(let format): return format.rawValue
    case .document: return "document"
    }
  }

  /// The shape called `rawValue`; `nil` for an unknown name.
  public init?(rawValue: String) {
    if let format = ExampleFormat(rawValue: rawValue) {
      self = .example(format)
    } else if rawValue == "document" {
      self = .document
    } else {
      return nil
    }
  }

  /// The order detection tries the shapes in under `rule`: the first whose keys the record has
  /// wins. Convert (``DetectionRule/complete``) refuses documents before anything else.
  private static func detectionOrder(_ rule: DetectionRule) -> [DatasetFormat] {
    rule == .complete ? completeOrder : order
  }

  private static let order: [DatasetFormat] = [
    .example(.openAIPreference), .example(.openAIChat), .example(.shareGPT), .example(.alpaca),
    .example(.promptCompletion), .document, .example(.text),
  ]
  private static let completeOrder: [DatasetFormat] = [.document] + order.filter { $0 != .document }

  /// The format a record has, judged by its keys under `rule`; `nil` when it has none of the
  /// known shapes. Values are not looked at: the schema (validate) or the parser (convert) does.
  static func detect(_ object: JSONObject, rule: DetectionRule = .lenient) -> DatasetFormat? {
    let keys = FormatKeys(of: object)
    for format in detectionOrder(rule) where format.matches(keys, rule: rule) { return format }
    return nil
  }

  /// The fine-tuning format of this shape; `nil` for a document.
  var exampleFormat: ExampleFormat? {
    guard case .example(let format) = self else { return nil }
    return format
  }

  /// Whether a record with `keys` has this shape under `rule`.
  private func matches(_ keys: FormatKeys, rule: DetectionRule) -> Bool {
    guard case .example(let format) = self else {
      switch rule {
      case .lenient: return !keys.isDisjoint(with: [.sections, .source])
      case .complete: return keys.isSuperset(of: [.sections, .source, .text])
      case .textual: return false
      }
    }
    switch (format, rule) {
    case (.openAIPreference, .lenient): return keys.contains(.preference)
    case (.openAIPreference, .complete): return keys.contains(.preference) && !keys.contains(.messages)
    case (.openAIPreference, .textual): return keys.contains(.inputMessageList) && !keys.contains(.messageList)
    case (.openAIChat, .textual): return keys.contains(.messageList)
    case (.openAIChat, _): return keys.contains(.messages)
    case (.shareGPT, .textual): return keys.contains(.conversationList)
    case (.shareGPT, _): return keys.contains(.conversations)
    case (.alpaca, .lenient): return keys.contains(.instruction) || keys.isSuperset(of: [.output, .input])
    case (.alpaca, .complete): return keys.isSuperset(of: [.instruction, .output])
    case (.alpaca, .textual):
      return keys.contains(.instructionString) && keys.isDisjoint(with: [.promptString, .completionString])
    case (.promptCompletion, .lenient): return !keys.isDisjoint(with: [.prompt, .completion])
    case (.promptCompletion, .complete): return keys.isSuperset(of: [.prompt, .completion])
    case (.promptCompletion, .textual): return !keys.isDisjoint(with: [.promptString, .completionString])
    case (.text, .textual): return keys.contains(.textString)
    case (.text, _): return keys.contains(.text)
    }
  }
}
