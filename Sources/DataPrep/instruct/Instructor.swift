/// The `instruct` stage: reads documents JSONL, writes fine-tuning examples, streaming.
///
/// Memory is one document at a time plus the StackExchange join table (bounded by
/// ``InstructOptions/maxPendingQuestions``), the digests of the prompts written (about 40 bytes
/// per example, so no prompt is written with two different answers: `PromptRegistry`) and the
/// site suffixes of titles (at most `TitleCleaner/maxTracked`). Output order follows input order, so the same input
/// and options give byte-identical output.
public struct Instructor: Sendable {
  /// What a run did: examples written per task and examples dropped per reason.
  public struct Summary: Sendable, Equatable {
    /// Documents read.
    public var documents = 0
    /// Examples written, per task, in the order tasks first produced one.
    public var written: [(task: String, count: Int)] = []
    /// Examples dropped by the filter, per reason.
    public var dropped: [ExampleFilter.Reason: Int] = [:]
    /// Examples the target format could not hold (e.g. multi-turn into string prompts).
    public var unrepresentable = 0
    /// StackExchange questions evicted before their accepted answer arrived.
    public var evictedQuestions = 0

    /// All examples written.
    public var totalWritten: Int { written.reduce(0) { $0 + $1.count } }

    /// Equal when every count is equal.
    public static func == (a: Summary, b: Summary) -> Bool {
      a.documents == b.documents && a.written.map(\.task) == b.written.map(\.task)
        && a.written.map(\.count) == b.written.map(\.count) && a.dropped == b.dropped
        && a.unrepresentable == b.unrepresentable && a.evictedQuestions == b.evictedQuestions
    }

    mutating func countWritten(_ task: String) {
      if let index = written.firstIndex(where: { $0.task == task }) {
        written[index].count += 1
      } else {
        written.append((task, 1))
      }
    }

    /// A few lines for stderr: totals per task and per drop reason.
    public var report: String {
      var lines = ["instruct: \(totalWritten) examples from \(documents) documents"]
      for (task, count) in written { lines.append("  \(task): \(count)") }
      for reason in ExampleFilter.Reason.allCases {
        if let count = dropped[reason], count > 0 { lines.append("  dropped (\(reason.rawValue)): \(count)") }
      }
      if unrepresentable > 0 { lines.append("  dropped (target format cannot hold it): \(unrepresentable)") }
      if evictedQuestions > 0 {
        lines.append("  StackExchange questions evicted before their answer (raise the pending limit): \(evictedQuestions)")
      }
      return lines.joined(separator: "\n")
    }
  }

  /// What to make and how.
  public var options: InstructOptions

  /// A stage with the given options.
  public init(options: InstructOptions) {
    self.options = options
  }

  /// Reads every document of `reader` and writes its examples to `writer` (not finished).
  /// - Throws: ``InstructError`` for a bad option or document, ``InputError``, ``OutputError``.
  public func run(_ reader: JSONLReader, to writer: JSONLWriter) throws -> Summary {
    try options.check()
    let generator = ExampleGenerator(options: options)
    let renderer = ExampleRenderer(includeMetadata: options.includeMetadata, conversationalPrompts: options.conversationalPrompts)
    var join = StackExchangeJoin(maxPending: options.maxPendingQuestions)
    let joinsPosts = options.tasks.contains(.faq)
    let exampleCounter = ExampleTokenCounter(textCounter: options.tokenCounter)
    var summary = Summary()
    var titles = TitleCleaner()
    var prompts = PromptRegistry()
    try reader.forEachRecord { record in
      let document = try DocumentDecoder.decode(record.object, path: reader.path, line: record.line)
      summary.documents += 1
      titles.learn(document.title)
      var examples = generator.examples(for: document, titles: titles)
      if joinsPosts, let pair = join.consume(document) { examples.append(GeneratedExample(generator.example(for: pair))) }
      for generated in examples {
        if let reason = options.filter.rejection(of: generated.example) ?? (generated.isAnswer ? nil : .notAnAnswer) {
          summary.dropped[reason, default: 0] += 1
          continue
        }
        // A prompt already written with another answer is asked again with more context.
        var example = generated.example
        var contexts = generated.contexts[...]
        while prompts.conflicts(example), let context = contexts.popFirst() {
          example = generated.adding(context: context)
        }
        if prompts.conflicts(example) {
          summary.dropped[.conflictingPrompt, default: 0] += 1
          continue
        }
        guard let rendered = try? renderer.render(example, as: options.format) else {
          summary.unrepresentable += 1
          continue
        }
        if let maxTokens = options.maxTokens, let count = exampleCounter.count(rendered), count.total > maxTokens {
          summary.dropped[.tooManyTokens, default: 0] += 1
          continue
        }
        _ = prompts.register(example)
        try writer.write(rendered)
        summary.countWritten(example.metadata?["task"]?.stringValue ?? "?")
      }
      return true
    }
    summary.evictedQuestions = join.evicted
    return summary
  }

  /// The examples of one document, before filtering (for tests and previews).
  func examples(for document: Document) -> [Example] {
    ExampleGenerator(options: options).examples(for: document).map(\.example)
  }
}
