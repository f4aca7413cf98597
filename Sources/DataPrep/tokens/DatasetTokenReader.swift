/// Reads the texts of an input for `dataprep tokens` and the token statistics of a dataset for
/// `dataprep stats`, streaming; JSONL records are tokenized on `jobs` threads, results in input
/// order (the same output whatever `jobs`).
public struct DatasetTokenReader: Sendable {
  /// How an input is read.
  public enum Format: String, Sendable, CaseIterable {
    /// JSONL when the name ends in `.jsonl`, `.ndjson` (optionally `.gz`), else text.
    case auto
    /// The whole input is one text (read into memory: one document, not a dataset).
    case text
    /// Each line is a record; its text is `RecordText` (or the `field`).
    case jsonl
  }

  /// The dotted path of the field holding the text (`--field`), or `nil` for `RecordText`.
  public var field: String?
  /// Threads tokenizing JSONL records.
  public var jobs: Int
  /// Limits on JSONL input (nesting depth, line length).
  public var limits = InputLimits.standard

  /// A reader taking text from `field` (or `RecordText` when `nil`), on `jobs` threads.
  public init(field: String? = nil, jobs: Int = 1) {
    self.field = field
    self.jobs = max(1, jobs)
  }

  /// Whether `path` is read as JSONL under `format`.
  public static func isJSONL(_ path: String, format: Format) -> Bool {
    switch format {
    case .text: return false
    case .jsonl: return true
    case .auto:
      var name = path.lowercased()
      if name.hasSuffix(".gz") { name.removeLast(3) }
      return name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson")
    }
  }

  /// Calls `body` with each text of the input at `path` (`-`: stdin) and its line number
  /// (1 for a text input); the text is `nil` for a record without one.
  /// - Throws: ``InputError`` for unreadable input or a bad JSONL line, or what `body` throws.
  public func forEachText(path: String, format: Format, _ body: (_ text: String?, _ line: Int) throws -> Void) throws {
    try forEach(path: path, format: format, map: { $0 }, body)
  }

  /// Calls `body` with the token count of each text (`nil`: a record without text), in order.
  ///
  /// A text input is read a block at a time (see `Tokenizer/encode(source:allowingSpecialTokens:into:)`).
  public func forEachCount(
    path: String, format: Format, tokenizer: Tokenizer, allowingSpecialTokens: Bool = false,
    _ body: (_ count: Int?, _ line: Int) throws -> Void
  ) throws {
    if !Self.isJSONL(path, format: format) {
      var sink = TokenCountSink()
      try tokenizer.encode(source: ByteSource(path: path), allowingSpecialTokens: allowingSpecialTokens, into: &sink)
      try body(sink.count, 1)
      return
    }
    try forEach(path: path, format: format, map: { $0.map { tokenizer.count($0, allowingSpecialTokens: allowingSpecialTokens) } }, body)
  }

  /// Calls `body` with the token ids of each text (`nil`: a record without text), in order.
  ///
  /// A text input is read a block at a time; its ids (one array) are held until the end.
  public func forEachIDs(
    path: String, format: Format, tokenizer: Tokenizer, allowingSpecialTokens: Bool = false,
    _ body: (_ ids: [Int]?, _ line: Int) throws -> Void
  ) throws {
    if !Self.isJSONL(path, format: format) {
      var sink = TokenIDSink()
      try tokenizer.encode(source: ByteSource(path: path), allowingSpecialTokens: allowingSpecialTokens, into: &sink)
      try body(sink.ids, 1)
      return
    }
    try forEach(path: path, format: format, map: { $0.map { tokenizer.encode($0, allowingSpecialTokens: allowingSpecialTokens) } }, body)
  }

  /// The token statistics of the JSONL dataset at `path`, counted by `counter` (chat overhead
  /// included, see ``ExampleTokenCounter``); with a `field`, that field's tokens only.
  /// - Throws: ``InputError`` for unreadable input or a bad line.
  func statistics(path: String, counter: ExampleTokenCounter) throws -> TokenStatistics {
    try statistics(source: try ByteSource(path: path), counter: counter)
  }

  /// The token statistics of the JSONL lines of `source` (a whole file, or one shard's range of
  /// it), counted as ``statistics(path:counter:)`` counts them.
  /// - Throws: ``InputError`` for unreadable input or a bad line.
  package func statistics(source: ByteSource, tokenizer: Tokenizer) throws -> TokenStatistics {
    try statistics(source: source, counter: ExampleTokenCounter(tokenizer: tokenizer))
  }

  private func statistics(source: ByteSource, counter: ExampleTokenCounter) throws -> TokenStatistics {
    var statistics = TokenStatistics()
    let field = self.field
    let map = ParallelRecordMap<ExampleTokenCount?>(jobs: jobs, limits: limits) { record in
      guard let field else { return counter.count(record) }
      return RecordText.text(of: record, field: field).map { text in
        let tokens = counter.textCounter.count(text)
        return ExampleTokenCount(total: tokens, byRole: [.init(role: field, tokens: tokens)])
      }
    }
    try map.run(source: source) { count, _ in
      if let count { statistics.add(count) } else { statistics.addRecordWithoutText() }
    }
    return statistics
  }

  /// Calls `body` with the token count of each record of the JSONL lines of `source` (one
  /// shard's range of a file), as ``forEachCount(path:format:tokenizer:allowingSpecialTokens:_:)``
  /// counts a JSONL input.
  package func forEachCount(
    jsonl source: ByteSource, tokenizer: Tokenizer, allowingSpecialTokens: Bool = false,
    _ body: (_ count: Int?, _ line: Int) throws -> Void
  ) throws {
    try forEachRecord(source: source, map: { $0.map { tokenizer.count($0, allowingSpecialTokens: allowingSpecialTokens) } }, body)
  }

  /// Calls `body` with the token ids of each record of the JSONL lines of `source`.
  package func forEachIDs(
    jsonl source: ByteSource, tokenizer: Tokenizer, allowingSpecialTokens: Bool = false,
    _ body: (_ ids: [Int]?, _ line: Int) throws -> Void
  ) throws {
    try forEachRecord(source: source, map: { $0.map { tokenizer.encode($0, allowingSpecialTokens: allowingSpecialTokens) } }, body)
  }

  private func forEachRecord<T: Sendable>(
    source: ByteSource, map: @escaping @Sendable (String?) -> T, _ body: (T, Int) throws -> Void
  ) throws {
    let field = self.field
    try ParallelRecordMap<T>(jobs: jobs, limits: limits) { record in
      map(field.map { RecordText.text(of: record, field: $0) } ?? RecordText.text(of: record))
    }.run(source: source, body)
  }

  private func forEach<T: Sendable>(
    path: String, format: Format, map: @escaping @Sendable (String?) -> T, _ body: (T, Int) throws -> Void
  ) throws {
    if Self.isJSONL(path, format: format) {
      try forEachRecord(source: try ByteSource(path: path), map: map, body)
    } else {
      let bytes = try ByteSource(path: path).readAll()
      try body(map(String(decoding: bytes, as: UTF8.self)), 1)
    }
  }
}
