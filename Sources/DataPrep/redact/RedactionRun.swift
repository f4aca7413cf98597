/// `dataprep redact` over one JSONL input: every record read (in parallel batches, written in
/// input order), its strings redacted, records without a finding written unchanged byte for
/// byte, each replacement reported as file, line, field and kind, never the value.
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

  /// A run over `kinds` in `mode` on `jobs` threads.
  public init(kinds: Set<PIIKind> = Set(PIIKind.allCases), mode: RedactionMode = .mask, jobs: Int = 1, limits: InputLimits = .standard) {
    redactor = RecordRedactor(text: TextRedactor(kinds: kinds, mode: mode))
    dropsRecords = mode == .dropRecord
    self.jobs = jobs
    self.limits = limits
  }

  /// Redacts the JSONL at `input` into `output`, telling `report` each replacement.
  public func run(
    input: String, output: JSONLWriter, report: RedactionReportWriter? = nil
  ) throws -> RedactionSummary {
    var summary = RedactionSummary()
    let redactor = self.redactor
    let map = ParallelRecordMap(jobs: jobs, limits: limits) { record in redactor.redact(record) }
    try map.runWithLines(source: try ByteSource(path: input)) { result, line, raw in
      summary.records += 1
      guard let (record, replacements) = result else {
        try output.writeRawLine(raw)
        return
      }
      for replacement in replacements {
        summary.counts[replacement.kind, default: 0] += 1
        try report?.add(file: input, line: line, field: replacement.field, kind: replacement.kind)
      }
      if dropsRecords {
        summary.dropped += 1
      } else {
        summary.changed += 1
        try output.write(record)
      }
    }
    return summary
  }
}
