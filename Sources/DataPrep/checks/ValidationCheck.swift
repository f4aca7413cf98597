/// Every check `validate` runs, by the id shown in reports and used in config `rules`.
public enum ValidationCheck: String, Sendable, CaseIterable, Codable {
  case utf8 = "utf8"
  case json = "json"
  case notObject = "not-object"
  case unknownFormat = "unknown-format"
  case mixedFormat = "mixed-format"
  case schema = "schema"
  case emptyContent = "empty-content"
  case noAssistant = "no-assistant"
  case roleOrder = "role-order"
  case lastTurn = "last-turn"
  case weight = "weight"
  case toolArguments = "tool-arguments"
  case toolResult = "tool-result"
  case specialToken = "special-token"
  case duplicate = "duplicate"
  case conflict = "conflict"
  case tooLong = "too-long"
  case fileSize = "file-size"
  case tooFewExamples = "too-few-examples"
  case smallValidation = "small-validation"
  case smallGroup = "small-group"
  case groupImbalance = "group-imbalance"
  case groupMissingInTrain = "group-missing-in-train"
  case lowDiversity = "low-diversity"

  /// The severity used unless a config rule says otherwise. Scarcity checks choose their own
  /// severity by threshold; a rule for them caps or disables it.
  public var defaultSeverity: FindingSeverity {
    switch self {
    case .tooLong, .fileSize, .smallValidation, .smallGroup, .groupImbalance,
      .groupMissingInTrain, .lowDiversity:
      return .warning
    default:
      return .error
    }
  }
}
