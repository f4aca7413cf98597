/// What `dataprep tokens` writes for an input: the total, one count per record, or each
/// record's token ids as a JSON array per line; records without text count as 0 (an empty list).
public enum TokenCountReport: Sendable, Equatable {
  /// One line: the sum of every record's count.
  case total
  /// One line per record: its count.
  case each
  /// One line per record: its token ids as a JSON array.
  case ids

  /// Writes the report on the input at `path` (`-`: stdin) to `out` (not committed).
  /// - Returns: how many records had no text.
  /// - Throws: ``InputError`` for unreadable input or a bad JSONL line, ``OutputError`` when
  ///   `out` cannot be written.
  public func write(
    path: String, format: DatasetTokenReader.Format, reader: DatasetTokenReader, tokenizer: Tokenizer,
    allowingSpecialTokens: Bool = false, to out: OutputFile
  ) throws -> Int {
    var withoutText = 0
    switch self {
    case .ids:
      let writer = JSONWriter()
      var line: [UInt8] = []
      try reader.forEachIDs(path: path, format: format, tokenizer: tokenizer, allowingSpecialTokens: allowingSpecialTokens) { ids, _ in
        if ids == nil { withoutText += 1 }
        line.removeAll(keepingCapacity: true)
        writer.write(.array((ids ?? []).map { .integer(Int64($0)) }), into: &line)
        line.append(0x0A)
        try out.write(line)
      }
    case .each, .total:
      var total = 0
      try reader.forEachCount(path: path, format: format, tokenizer: tokenizer, allowingSpecialTokens: allowingSpecialTokens) { count, _ in
        if count == nil { withoutText += 1 }
        total += count ?? 0
        if self == .each { try out.write("\(count ?? 0)\n") }
      }
      if self == .total { try out.write("\(total)\n") }
    }
    return withoutText
  }

  /// Writes the per-record lines of the report (`each`, `ids`; nothing for `total`) on the JSONL
  /// lines of `source` (one shard's range of a file) to `out` (not committed), and tallies them.
  /// - Throws: ``InputError`` for unreadable input or a bad line, ``OutputError`` when `out`
  ///   cannot be written.
  package func writeRecords(
    jsonl source: ByteSource, reader: DatasetTokenReader, tokenizer: Tokenizer, allowingSpecialTokens: Bool = false,
    to out: OutputFile?
  ) throws -> TokenCountTally {
    var tally = TokenCountTally()
    switch self {
    case .ids:
      let writer = JSONWriter()
      var line: [UInt8] = []
      try reader.forEachIDs(jsonl: source, tokenizer: tokenizer, allowingSpecialTokens: allowingSpecialTokens) { ids, _ in
        tally.add(ids?.count)
        line.removeAll(keepingCapacity: true)
        writer.write(.array((ids ?? []).map { .integer(Int64($0)) }), into: &line)
        line.append(0x0A)
        try out?.write(line)
      }
    case .each, .total:
      try reader.forEachCount(jsonl: source, tokenizer: tokenizer, allowingSpecialTokens: allowingSpecialTokens) { count, _ in
        tally.add(count)
        if self == .each { try out?.write("\(count ?? 0)\n") }
      }
    }
    return tally
  }

  /// Whether the report writes a line per record (`each`, `ids`) rather than one total.
  public var isPerRecord: Bool { self != .total }
}
