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
    /// What the model generator did (``ModelInstructor``); `nil` for the rule-based generator.
    public var model: ModelRunSummary?

    /// All examples written.
    public var totalWritten: Int { written.reduce(0) { $0 + $1.count } }

    /// Equal when every count is equal.
    public static func == (a: Summary, b: Summary) -> Bool {
      a.documents == b.documents && a.written.map(\.task) == b.written.map(\.task)
        && a.written.map(\.count) == b.written.map(\.count) && a.dropped == b.dropped
        && a.unrepresentable == b.unrepresentable && a.evictedQuestions == b.evictedQuestions && a.model == b.model
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
      if let model { lines += model.reportLines }
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
    var resolver = InstructResolver(options: options)
    let joinsPosts = options.tasks.contains(.faq)
    try reader.forEachRecord { record in
      let document = try DocumentDecoder.decode(record.object, path: reader.path, line: record.line)
      resolver.learn(title: document.title)
      let candidates = DocumentCandidates(
        document: document, generator: resolver.generator, titles: resolver.titles, rendering: nil, joinsPosts: joinsPosts)
      try resolver.resolve(candidates) { try writer.write($0) }
      return true
    }
    return resolver.finish()
  }

  /// One shard's half of a sharded run: writes, for every document of `reader`, one line of
  /// candidates (its examples rendered, each title variant the run's titles may choose, its part
  /// in the StackExchange join) to `writer`. ``resolveCandidates(_:to:)`` turns the lines of
  /// every shard, in input order, into exactly what ``run(_:to:)`` writes.
  /// - Parameter startsInput: whether `reader` starts at the input's first line; then the titles
  ///   before each document are known and only one title variant is made.
  /// - Returns: the documents read.
  /// - Throws: ``InstructError`` for a bad option or document, ``InputError``, ``OutputError``.
  public func writeCandidates(_ reader: JSONLReader, to writer: JSONLWriter, startsInput: Bool) throws -> Int {
    try options.check()
    let generator = ExampleGenerator(options: options)
    let rendering = ExampleRendering(options: options)
    let joinsPosts = options.tasks.contains(.faq)
    var titles: TitleCleaner? = startsInput ? TitleCleaner() : nil
    var documents = 0
    try reader.forEachRecord { record in
      let document = try DocumentDecoder.decode(record.object, path: reader.path, line: record.line)
      documents += 1
      titles?.learn(document.title)
      let candidates = DocumentCandidates(
        document: document, generator: generator, titles: titles, rendering: rendering, joinsPosts: joinsPosts)
      try writer.write(candidates.json)
      return true
    }
    return documents
  }

  /// The sequential half of a sharded run: reads the candidate lines the shards wrote (see
  /// ``writeCandidates(_:to:startsInput:)``), in input order, from `lines`, and writes the
  /// examples one process writes, applying what depends on earlier documents (title suffixes,
  /// the StackExchange join, prompts already written). Memory: as ``run(_:to:)``.
  /// - Parameter lines: calls its argument with each line, in input order.
  /// - Throws: ``InstructError/badCandidates(where:reason:)`` for a line no shard wrote;
  ///   ``OutputError``; what `lines` throws.
  public func resolveCandidates(
    _ lines: (_ body: (ArraySlice<UInt8>) throws -> Void) throws -> Void, to writer: JSONLWriter
  ) throws -> Summary {
    try options.check()
    var resolver = InstructResolver(options: options)
    let parser = JSONParser()
    var number = 0
    try lines { line in
      number += 1
      let value: JSONValue
      do { value = try line.withUnsafeBufferPointer { try parser.parse($0) } } catch {
        throw InstructError.badCandidates(where: "merged line \(number)", reason: "\(error)")
      }
      let candidates = try DocumentCandidates(json: value, where: "merged line \(number)")
      resolver.learn(title: candidates.title)
      try resolver.resolve(candidates) { try writer.write($0) }
    }
    return resolver.finish()
  }

  /// The examples of one document, before filtering (for tests and previews).
  func examples(for document: Document) -> [Example] {
    ExampleGenerator(options: options).examples(for: document).map(\.example)
  }
}
