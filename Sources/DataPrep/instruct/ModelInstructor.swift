/// The model generator of `instruct`: examples written by an OpenAI-compatible chat model the
/// user runs (`--generator openai-compatible`), each kept only when it is grounded in its
/// source chunk and its question repeats no earlier one, each carrying its provenance
/// (`metadata.source_id`, `chunk_id`, `span`, `generator` {model, template, task}).
///
/// Documents are read in batches of ``ModelGeneratorOptions/batchDocuments``; a batch's
/// requests run with at most ``ModelGeneratorOptions/concurrency`` in flight, and the replies
/// are used in request order, so the output does not depend on concurrency or on the order
/// replies arrive. Each document's rule-based examples (``InstructOptions/tasks``, empty by
/// default on the command line) come first, then the model's, task by task, chunk by chunk,
/// through the same filter, prompt registry and rendering as ``Instructor``.
///
/// Memory: two batches of documents and their replies, the rule-based generator's state (see
/// ``Instructor``) and the index of generated questions (`QuestionDedupIndex`, about 0.5 KB a
/// kept question).
public struct ModelInstructor: InstructGenerator {
  /// What to write and how (format, filter, rule-based tasks, tokenizer).
  public var options: InstructOptions
  /// What to ask the model.
  public var generator: ModelGeneratorOptions
  /// What answers the requests (the HTTP client with its cache, retries and budget).
  public var client: any ChatCompleting

  /// A generator asking `client` as `generator` says, writing as `options` says.
  public init(options: InstructOptions, generator: ModelGeneratorOptions, client: any ChatCompleting) {
    self.options = options
    self.generator = generator
    self.client = client
  }

  /// Reads every document of `reader` and writes its examples to `writer` (not finished),
  /// blocking the calling thread while the requests run on a Dispatch queue of their own (for
  /// synchronous callers: a command's `run`, `build`); async code calls ``generate(_:to:)``.
  /// - Throws: as ``generate(_:to:)``.
  public func run(_ reader: JSONLReader, to writer: JSONLWriter) throws -> Instructor.Summary {
    let io = UncheckedPair(reader: reader, writer: writer)
    return try BlockingTask.run { try await self.generate(io.reader, to: io.writer) }
  }

  /// Reads every document of `reader` and writes its examples to `writer` (not finished).
  /// - Throws: ``InstructError``, ``ModelGeneratorError`` for bad settings; ``InputError``,
  ///   ``OutputError``; ``ChatError`` when the server cannot be used at all (unreachable after
  ///   the client's retries, refusing the key, budget spent). A reply that is malformed twice,
  ///   or a request the server refuses alone, only drops that chunk's examples (counted).
  public func generate(_ reader: JSONLReader, to writer: JSONLWriter) async throws -> Instructor.Summary {
    try check()
    var resolver = InstructResolver(options: options)
    var state = ModelRunState(generator: generator)
    let joinsPosts = options.tasks.contains(.faq)
    let batches = DocumentBatchReader(reader: reader, size: generator.batchDocuments)
    defer { batches.cancel() }
    for try await batch in batches.batches {
      var documents: [(document: Document, subject: String, candidates: DocumentCandidates, jobs: Range<Int>)] = []
      var jobs: [ModelJob] = []
      for document in batch {
        resolver.learn(title: document.title)
        let subject = resolver.titles.clean(title: document.title)
        let candidates = DocumentCandidates(
          document: document, generator: resolver.generator, titles: resolver.titles, rendering: nil, joinsPosts: joinsPosts)
        let start = jobs.count
        jobs += self.jobs(for: document, subject: subject)
        if jobs.count == start && AnswerCheck.isCodeListing(document.text) { state.summary.skippedListings += 1 }
        documents.append((document, subject, candidates, start..<jobs.count))
      }
      let replies = try await ask(jobs, summary: &state.summary)
      for item in documents {
        var candidates = item.candidates
        let made = examples(
          of: item.document, subject: item.subject, jobs: jobs[item.jobs], replies: replies[item.jobs], state: &state)
        candidates.examples += made.map { ExampleCandidate($0, filter: options.filter, rendering: nil) }
        try resolver.resolve(candidates) { try writer.write($0) }
      }
      batches.done()
    }
    var summary = resolver.finish()
    summary.model = state.summary
    return summary
  }

  /// Checks both kinds of options, and that the format holds questions and answers.
  /// - Throws: ``InstructError``, ``ModelGeneratorError``.
  func check() throws {
    try options.check()
    try generator.check()
    if options.format == .text {
      throw InstructError.unsupported("the model generator writes questions and answers: the text format holds plain passages only")
    }
  }

  /// The replies of `jobs`, in order (`nil`: the request failed twice or was refused, counted
  /// in `summary`): every request first, then the malformed or cut ones once more.
  func ask(_ jobs: [ModelJob], summary: inout ModelRunSummary) async throws -> [ModelReply?] {
    let first = try await completeAll(jobs.map(\.request))
    var replies = [ModelReply?](repeating: nil, count: jobs.count)
    var again: [(index: Int, request: ChatRequest)] = []
    for (index, result) in first.enumerated() {
      switch read(result, task: jobs[index].task, summary: &summary) {
      case .reply(let reply): replies[index] = reply
      case .retry(let previous): again.append((index, jobs[index].retry(after: previous)))
      case .refused: summary.failedRequests += 1
      }
    }
    guard !again.isEmpty else { return replies }
    summary.retries += again.count
    let second = try await completeAll(again.map(\.request))
    for (slot, result) in second.enumerated() {
      let index = again[slot].index
      if case .reply(let reply) = read(result, task: jobs[index].task, summary: &summary) {
        replies[index] = reply
      } else {
        summary.failedRequests += 1
      }
    }
    return replies
  }

  /// The outcome of each of `requests`, in order, at most ``ModelGeneratorOptions/concurrency``
  /// in flight.
  /// - Throws: the first fatal error in request order (server or key unusable, budget spent):
  ///   the client sends nothing once it is known.
  private func completeAll(_ requests: [ChatRequest]) async throws(ChatError) -> [Result<ChatReply, ChatError>] {
    let results = await client.completeAll(requests, concurrency: generator.concurrency, stopAtFatalError: true)
    for case .failure(let error) in results where error.isFatal { throw error }
    return results
  }

  private enum Outcome {
    case reply(ModelReply)
    case retry(ChatReply?)
    case refused
  }

  /// What one request's result gives, its calls, cache hits and tokens counted.
  private func read(_ result: Result<ChatReply, ChatError>, task: ModelTask, summary: inout ModelRunSummary) -> Outcome {
    switch result {
    case .failure(let error):
      if case .malformedReply = error { return .retry(nil) }
      return .refused
    case .success(let reply):
      summary.calls += 1
      if reply.fromCache { summary.cacheHits += 1 }
      summary.promptTokens += reply.promptTokens
      summary.completionTokens += reply.completionTokens
      if reply.finishReason == "length" { return .retry(reply) }
      guard let parsed = ModelReply.parse(reply.content, task: task) else { return .retry(reply) }
      return .reply(parsed)
    }
  }
}

/// A reader and writer handed to the task that runs ``ModelInstructor/generate(_:to:)`` while
/// the caller waits: used by that one task only.
private struct UncheckedPair: @unchecked Sendable {
  let reader: JSONLReader
  let writer: JSONLWriter
}
