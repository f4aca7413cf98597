/// How ``ModelInstructor`` asks a chat model for examples (`instruct --generator
/// openai-compatible`, the recipe's `generator:` section). The client itself (base URL, key,
/// cache, retries, budget) is the ``ChatCompleting`` value it is given.
public struct ModelGeneratorOptions: Sendable {
  /// The model name sent with every request (`--model`), written in `metadata.generator.model`.
  public var model: String
  /// What to ask for, in this order per document.
  public var tasks: [ModelTask]
  /// Question-answer pairs asked per chunk (`qa`).
  public var questionsPerChunk: Int
  /// The least share of an answer's content words found in its chunk (see `GroundingCheck`).
  public var minGrounding: Double
  /// The word-set Jaccard similarity at or above which a question repeats an earlier one.
  public var questionSimilarity: Double
  /// The most tokens of a chunk, counted with the run's tokenizer.
  public var chunkTokens: Int
  /// Requests in flight at once.
  public var concurrency: Int
  /// The sampling temperature sent (0: the most deterministic replies).
  public var temperature: Double
  /// `max_tokens` of each request, or `nil` for the server's default; a reply cut by it is
  /// asked again once with twice the limit.
  public var replyTokens: Int?
  /// The prompt of each task (``ModelPrompt/defaults`` unless a template file replaces them).
  public var prompts: [ModelTask: ModelPrompt]
  /// Documents read and sent per batch: what the run holds in memory besides the question index.
  public var batchDocuments: Int

  /// Options for `model` with the command line's defaults.
  public init(
    model: String, tasks: [ModelTask] = [.qa], questionsPerChunk: Int = 3, minGrounding: Double = 0.6,
    questionSimilarity: Double = 0.8, chunkTokens: Int = 1024, concurrency: Int = 4, temperature: Double = 0,
    replyTokens: Int? = nil, prompts: [ModelTask: ModelPrompt] = ModelPrompt.defaults, batchDocuments: Int = 64
  ) {
    self.model = model
    self.tasks = tasks
    self.questionsPerChunk = questionsPerChunk
    self.minGrounding = minGrounding
    self.questionSimilarity = questionSimilarity
    self.chunkTokens = chunkTokens
    self.concurrency = concurrency
    self.temperature = temperature
    self.replyTokens = replyTokens
    self.prompts = prompts
    self.batchDocuments = batchDocuments
  }

  /// Checks every setting's range.
  /// - Throws: ``ModelGeneratorError/badSetting(name:requirement:)`` naming the first bad one.
  public func check() throws(ModelGeneratorError) {
    func fail(_ name: String, _ requirement: String) -> ModelGeneratorError { .badSetting(name: name, requirement: requirement) }
    if model.isEmpty { throw fail("model", "must name the model the server serves") }
    if tasks.isEmpty { throw fail("tasks", "must name at least one of \(ModelTask.names.joined(separator: ", "))") }
    if questionsPerChunk < 1 { throw fail("questions_per_chunk", "must be at least 1") }
    if !(0...1).contains(minGrounding) { throw fail("min_grounding", "must be between 0 and 1") }
    if !(questionSimilarity > 0 && questionSimilarity <= 1) { throw fail("question_similarity", "must be above 0 and at most 1") }
    if chunkTokens < 16 { throw fail("chunk_tokens", "must be at least 16") }
    if concurrency < 1 { throw fail("concurrency", "must be at least 1") }
    if !(0...2).contains(temperature) { throw fail("temperature", "must be between 0 and 2") }
    if let replyTokens, replyTokens < 1 { throw fail("reply_tokens", "must be at least 1") }
    if batchDocuments < 1 { throw fail("batch_documents", "must be at least 1") }
    for task in tasks where prompts[task] == nil { throw fail("prompts", "have no prompt for \(task.rawValue)") }
  }
}
