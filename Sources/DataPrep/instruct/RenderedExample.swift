/// An example as it would be written: its prompt registry key and the record, or why the
/// record cannot be written (the format cannot hold it, or it is over `--max-tokens`).
struct RenderedExample {
  /// What writing the example gives.
  enum Outcome {
    /// The record to write.
    case record(JSONObject)
    /// The target format cannot hold the example.
    case unrepresentable
    /// The record is over ``InstructOptions/maxTokens``.
    case tooManyTokens
  }

  /// The digests of its prompt and answer.
  var key: PromptRegistry.Key
  /// The record or why there is none.
  var outcome: Outcome
}
