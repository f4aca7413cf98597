/// Every check `validate` runs, by the id shown in reports and used in config `rules`.
public enum ValidationCheck: String, Sendable, CaseIterable, Codable {
  /// A line that is not valid UTF-8.
  case utf8 = "utf8"
  /// A line that is not valid JSON.
  case json = "json"
  /// A line holding JSON that is not an object.
  case notObject = "not-object"
  /// A record of no known format.
  case unknownFormat = "unknown-format"
  /// A record whose format differs from the file's.
  case mixedFormat = "mixed-format"
  /// A JSON Schema violation.
  case schema = "schema"
  /// Empty or whitespace-only content.
  case emptyContent = "empty-content"
  /// A conversation without an assistant turn.
  case noAssistant = "no-assistant"
  /// Two user turns in a row, or a system turn that is not first.
  case roleOrder = "role-order"
  /// A conversation whose final turn is not the assistant's.
  case lastTurn = "last-turn"
  /// A `weight` other than 0 or 1.
  case weight = "weight"
  /// Tool call `arguments` that are not a JSON text.
  case toolArguments = "tool-arguments"
  /// A tool result that answers no earlier call.
  case toolResult = "tool-result"
  /// A special token of the target tokenizer inside text (`<|endoftext|>`, any `<|name|>`, a
  /// `tokenizer.json`'s declared special tokens, the configured `special_tokens`).
  case specialToken = "special-token"
  /// A chat-template marker that is not special to the target tokenizer (`<s>`, `[INST]`):
  /// usually literal text (Perl's `C<s>`, HTML's strikethrough), worth a look only.
  case templateMarker = "template-marker"
  /// An instruction (the last user turn before the answer) that is neither a question nor a request.
  case instructionShape = "instruction-shape"
  /// A line repeated across the answers of many different sources (navigation, footers).
  case boilerplate = "boilerplate"
  /// An example equal to an earlier one.
  case duplicate = "duplicate"
  /// An example with an earlier one's prompt but another response.
  case conflict = "conflict"
  /// An example over the token limit.
  case tooLong = "too-long"
  /// A file over the service's upload limit.
  case fileSize = "file-size"
  /// Too few training examples.
  case tooFewExamples = "too-few-examples"
  /// A validation file too small to measure with.
  case smallValidation = "small-validation"
  /// A group with too few training examples.
  case smallGroup = "small-group"
  /// Largest/smallest group ratio over the limit.
  case groupImbalance = "group-imbalance"
  /// A validation group absent from training.
  case groupMissingInTrain = "group-missing-in-train"
  /// Too few distinct word 3-grams.
  case lowDiversity = "low-diversity"
  /// Too large a share of records that are near duplicates of an earlier one.
  case nearDuplicates = "near-duplicates"
  /// A validation example that leaked from training (same text, near copy, shared passage or group).
  case leakage = "leakage"
  /// An email, public IP, phone number, card, IBAN or secret that `redact` would replace
  /// (an error for a secret, else a warning; the value is never shown).
  case pii = "pii"

  /// The severity used unless a config rule says otherwise. Scarcity checks choose their own
  /// severity by threshold; a rule for them caps or disables it.
  public var defaultSeverity: FindingSeverity {
    switch self {
    case .tooLong, .fileSize, .smallValidation, .smallGroup, .groupImbalance,
      .groupMissingInTrain, .lowDiversity, .nearDuplicates, .instructionShape, .boilerplate, .pii:
      return .warning
    case .templateMarker:
      return .note
    default:
      return .error
    }
  }
}
