/// Reads the texts of an input for `dataprep tokens` and the token statistics of a dataset for
/// `dataprep stats`, streaming record by record.
public struct DatasetTokenReader: Sendable {
  /// How an input is read.
  public enum Format: String, Sendable, CaseIterable {
    /// JSONL when the name ends in `.jsonl`, `.ndjson` (optionally `.gz`), else text.
    case auto
    /// The whole input is one text (read into memory: one document, not a dataset).
    case text
    /// Each line is a record; its text is ``RecordText`` (or the `field`).
    case jsonl
  }

  /// The dotted path of the field holding the text (`--field`), or `nil` for ``RecordText``.
  public var field: String?

  /// A reader taking text from `field`, or from ``RecordText`` when `nil`.
  public init(field: String? = nil) {
    self.field = field
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
    if Self.isJSONL(path, format: format) {
      try JSONLReader(path: path).forEachRecord { record in
        try body(text(of: record.object), record.line)
        return true
      }
    } else {
      let bytes = try ByteSource(path: path).readAll()
      try body(String(decoding: bytes, as: UTF8.self), 1)
    }
  }

  /// The token statistics of the JSONL dataset at `path`, counted by `counter` (chat overhead
  /// included, see ``ExampleTokenCounter``).
  /// - Throws: ``InputError`` for unreadable input or a bad line.
  public func statistics(path: String, counter: ExampleTokenCounter) throws -> TokenStatistics {
    var statistics = TokenStatistics()
    try JSONLReader(path: path).forEachRecord { record in
      if let field {
        if let text = RecordText.text(of: record.object, field: field) {
          let tokens = counter.tokenizer.count(text)
          statistics.add(ExampleTokenCount(total: tokens, byRole: [.init(role: field, tokens: tokens)]))
        } else {
          statistics.addRecordWithoutText()
        }
      } else if let count = counter.count(record.object) {
        statistics.add(count)
      } else {
        statistics.addRecordWithoutText()
      }
      return true
    }
    return statistics
  }

  private func text(of record: JSONObject) -> String? {
    if let field { return RecordText.text(of: record, field: field) }
    return RecordText.text(of: record)
  }
}
