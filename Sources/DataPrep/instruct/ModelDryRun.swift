/// What a model run would ask (`--dry-run`): computed from the documents alone, without a call.
public struct ModelDryRun: Sendable, Equatable {
  /// Documents read.
  public var documents = 0
  /// First requests the run would send (a retry after a malformed reply is not foreseen).
  public var calls = 0
  /// Of those, requests whose reply is already in the cache; `nil` when the cache cannot be asked.
  public var cached: Int?
  /// The prompt tokens of those requests' messages, counted with ``tokenizer`` (the chat
  /// template's few tokens per message not included).
  public var promptTokens = 0
  /// The name of the tokenizer that counted.
  public var tokenizer = ""

  /// A dry run with all counts 0.
  public init() {}

  /// Lines for stderr.
  public var report: String {
    let cachedText = cached.map { "\($0) already cached" } ?? "cache not checked"
    return "instruct --dry-run: \(calls) calls for \(documents) documents (\(cachedText)), about \(promptTokens) prompt tokens (\(tokenizer)); nothing was sent"
  }
}
