/// What `instruct` makes and how it writes it.
public struct InstructOptions: Sendable {
  /// The format to write.
  public var format: ExampleFormat
  /// The built-in tasks to run, in this order per document.
  public var tasks: [InstructTask]
  /// User templates, run after the built-in tasks.
  public var templates: [InstructTemplate]
  /// Which examples to drop.
  public var filter: ExampleFilter
  /// The most tokens in a `completion` chunk.
  public var chunkTokens: Int
  /// Tokens shared by neighbouring `completion` chunks.
  public var overlapTokens: Int
  /// What counts tokens, for chunking and ``maxTokens`` (the real tokenizer from `--tokenizer`;
  /// ``TokenCounter/wordEstimate`` when none is installed).
  public var tokenCounter: TokenCounter
  /// The most tokens a written record may have, counted as the services count it
  /// (`ExampleTokenCounter`, chat overhead included); longer ones are dropped and counted.
  public var maxTokens: Int?
  /// The most tokens of one answer, counted with ``tokenCounter``: longer sections and
  /// definitions are cut into parts at paragraph, then sentence boundaries. `nil`: half of
  /// ``maxTokens`` (default 4096), so a prompt and its answer fit with room to spare.
  public var answerTokens: Int?
  /// Whether each example carries `metadata` (`id`, `source_id`, `task`, `section`).
  public var includeMetadata: Bool
  /// Whether `prompt-completion` records use message lists instead of strings.
  public var conversationalPrompts: Bool
  /// The shortest abstract or description the `summary` task uses, in characters.
  public var minSummaryChars: Int
  /// The most StackExchange questions kept waiting for their accepted answer.
  public var maxPendingQuestions: Int

  /// Options with the defaults of the command line.
  public init(
    format: ExampleFormat, tasks: [InstructTask]? = nil, templates: [InstructTemplate] = [],
    filter: ExampleFilter = ExampleFilter(), chunkTokens: Int = 512, overlapTokens: Int = 64,
    tokenCounter: TokenCounter = .wordEstimate, maxTokens: Int? = nil, answerTokens: Int? = nil, includeMetadata: Bool = true,
    conversationalPrompts: Bool = false, minSummaryChars: Int = 80, maxPendingQuestions: Int = 100_000
  ) {
    self.format = format
    self.tasks = tasks ?? (templates.isEmpty ? InstructTask.defaults(for: format) : [])
    self.templates = templates
    self.filter = filter
    self.chunkTokens = chunkTokens
    self.overlapTokens = overlapTokens
    self.tokenCounter = tokenCounter
    self.maxTokens = maxTokens
    self.answerTokens = answerTokens
    self.includeMetadata = includeMetadata
    self.conversationalPrompts = conversationalPrompts
    self.minSummaryChars = minSummaryChars
    self.maxPendingQuestions = maxPendingQuestions
  }

  /// Checks that the format can hold what the tasks make.
  /// - Throws: ``InstructError/unsupported(_:)`` naming the conflict.
  public func check() throws(InstructError) {
    if format == .openAIPreference {
      throw .unsupported("instruct cannot write openai-preference: documents hold no rejected replies (use convert on preference data)")
    }
    if format == .text {
      let others = tasks.filter { $0 != .completion }.map(\.rawValue)
      if !others.isEmpty || !templates.isEmpty {
        throw .textFormatTasks(others: others + templates.map(\.task))
      }
    }
    if format == .promptCompletion, !conversationalPrompts, templates.contains(where: { $0.system != nil }) {
      throw .systemPromptNeedsConversational
    }
    if let maxTokens, maxTokens < 1 { throw .badOption(.maxTokens, requirement: "must be at least 1") }
    if let answerTokens, answerTokens < 16 { throw .badOption(.answerTokens, requirement: "must be at least 16") }
    if chunkTokens < 1 { throw .badOption(.chunkTokens, requirement: "must be at least 1") }
    if overlapTokens < 0 || overlapTokens >= chunkTokens {
      throw .overlapNotBelowChunk
    }
  }
}
