/// The requests of a document, and what a run would ask without asking (`--dry-run`).
extension ModelInstructor {
  /// The requests of `document` (whose title is cleaned to `subject`), task by task, chunk by
  /// chunk (rule-based example by example for `rewrite`). A page that is a source listing
  /// (`AnswerCheck.isCodeListing`) gives none: it is code, not documentation to ask about.
  func jobs(for document: Document, subject: String) -> [ModelJob] {
    guard !AnswerCheck.isCodeListing(document.text) else { return [] }
    let chunks = ModelChunk.chunks(of: document, budget: generator.chunkTokens, counter: options.tokenCounter)
    var out: [ModelJob] = []
    for task in generator.tasks {
      guard let prompt = generator.prompts[task] else { continue }
      if task == .rewrite {
        for source in rewriteSources(of: document, subject: subject) {
          let question = source.promptMessages.last?.text ?? ""
          let answer = source.responseMessages.map(\.text).joined(separator: "\n")
          let heading = source.metadata?["section"]?.stringValue.map(TitleCleaner.cleanHeading) ?? ""
          var values = Self.values(document, subject: subject, chunk: answer, headingPath: heading, n: generator.questionsPerChunk)
          values["question"] = question
          values["answer"] = answer
          out.append(ModelJob(task: task, chunk: nil, source: source, request: request(prompt.messages(values))))
        }
        continue
      }
      for chunk in chunks {
        let values = Self.values(
          document, subject: subject, chunk: chunk.text, headingPath: chunk.headingPath.joined(separator: " > "),
          n: generator.questionsPerChunk)
        out.append(ModelJob(task: task, chunk: chunk, source: nil, request: request(prompt.messages(values))))
      }
    }
    return out
  }

  /// The rule-based questions `rewrite` asks again: faq and section-qa examples that pass the
  /// run's filter.
  func rewriteSources(of document: Document, subject: String) -> [Example] {
    var rules = options
    rules.tasks = [.faq, .sectionQA]
    rules.templates = []
    return ExampleGenerator(options: rules).examples(for: document, subject: subject)
      .filter { $0.isAnswer && options.filter.rejection(of: $0.example) == nil }.map(\.example)
  }

  private func request(_ messages: [ChatMessage]) -> ChatRequest {
    ChatRequest(
      model: generator.model, messages: messages, temperature: generator.temperature, maxTokens: generator.replyTokens,
      wantsJSON: true, attempt: 0)
  }

  private static func values(_ document: Document, subject: String, chunk: String, headingPath: String, n: Int) -> [String: String] {
    [
      "chunk": chunk, "title": subject.isEmpty ? document.title : subject, "heading_path": headingPath, "n": String(n),
      "source": document.source, "id": document.id,
    ]
  }

  /// What a run over `reader` would ask: its first requests, how many are cached (when
  /// `isCached` can tell), and their prompt tokens counted with the run's tokenizer. Sends nothing.
  /// - Throws: ``InstructError``, ``ModelGeneratorError`` for bad settings; ``InputError``.
  public func dryRun(_ reader: JSONLReader, isCached: ((ChatRequest) -> Bool)? = nil) throws -> ModelDryRun {
    try check()
    var titles = TitleCleaner()
    var result = ModelDryRun()
    result.tokenizer = options.tokenCounter.name
    if isCached != nil { result.cached = 0 }
    try reader.forEachRecord { record in
      let document = try DocumentDecoder.decode(record.object, path: reader.path, line: record.line)
      result.documents += 1
      titles.learn(document.title)
      for job in jobs(for: document, subject: titles.clean(title: document.title)) {
        result.calls += 1
        result.promptTokens += job.request.messages.reduce(0) { $0 + options.tokenCounter.count($1.content) }
        if let isCached, isCached(job.request) { result.cached? += 1 }
      }
      return true
    }
    return result
  }
}
