/// `dataprep redact` over one JSONL input: every record read (in parallel batches, written in
/// input order), its strings redacted, records without a finding written unchanged byte for
/// byte, each replacement reported as file, line, field and kind, never the value (every field
/// replaced is an entry; the counts count each value once, see ``RedactionSummary/counts``).
///
/// Memory: one batch of lines and their results (``ParallelRecordMap``); the report streams.
public struct RedactionRun: Sendable {
  /// The record redactor (kinds and mode).
  public var redactor: RecordRedactor
  /// Whether a record with a finding is left out instead of rewritten.
  public var dropsRecords: Bool
  /// Worker threads; output bytes do not depend on it.
  public var jobs: Int
  /// Limits on the input.
  public var limits: InputLimits

  /// A run over `kinds` in `mode` on `jobs` threads, keeping the values `allowlist` matches.
  public init(
    kinds: Set<PIIKind> = Set(PIIKind.allCases), mode: RedactionMode = .mask, allowlist: PIIAllowlist = PIIAllowlist(),
    jobs: Int = 1, limits: InputLimits = .standard
  ) {
    redactor = RecordRedactor(text: TextRedactor(kinds: kinds, mode: mode, allowlist: allowlist))
    dropsRecords = mode == .dropRecord
    self.jobs = jobs
    self.limits = limits
  }

  /// Redacts the JSONL at `input` into `output`, telling `report` each replacement.
  public func run(
    input: String, output: JSONLWriter, report: RedactionReportWriter? = nil
  ) throws -> RedactionSummary {
    try run(inputs: [input], output: output, report: report)
  }

  /// Redacts the JSONL `inputs` in order into `output`, telling `report` each replacement.
  public func run(
    inputs: [String], output: JSONLWriter, report: RedactionReportWriter? = nil
  ) throws -> RedactionSummary {
    var summary = RedactionSummary()
    for input in inputs {
      try run(source: try ByteSource(path: input), output: output, summary: &summary) { entry in try report?.add(entry) }
    }
    return summary
  }

  /// Redacts the JSONL lines of `source` (a whole input or a shard's range of it) into
  /// `output`, adding to `summary` and calling `replacement` with each replacement in order.
  package func run(
    source: ByteSource, output: JSONLWriter, summary: inout RedactionSummary,
    replacement: (RedactionReportEntry) throws -> Void
  ) throws {
    let input = source.path
    let redactor = self.redactor
    let map = ParallelRecordMap(jobs: jobs, limits: limits) { record in redactor.redact(record) }
    try map.runWithLines(source: source) { result, line, raw in
      guard let (record, replacements) = result else {
        summary.add(record: [], drops: dropsRecords)
        try output.writeRawLine(raw)
        return
      }
      summary.add(record: replacements, drops: dropsRecords)
      for found in replacements {
        try replacement(RedactionReportEntry(file: input, line: line, field: found.field, kind: found.kind))
      }
      if !dropsRecords { try output.write(record) }
    }
  }
}
