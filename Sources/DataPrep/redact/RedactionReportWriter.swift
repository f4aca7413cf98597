/// Streams `redact --report`'s JSON: each replacement (`file`, `line`, `field`, `kind`; never the
/// value) as it happens, then the counts per kind, so memory does not grow with the findings.
///
/// ```json
/// {"replacements":[{"file":"a.jsonl","line":3,"field":"text","kind":"email"}],
///  "counts":{"email":1},"records":10,"changed":1,"dropped":0}
/// ```
public final class RedactionReportWriter {
  private let output: OutputFile
  private let writer = JSONWriter()
  private var first = true

  /// A report written to `output` (committed by ``finish(_:)``).
  public init(_ output: OutputFile) throws(OutputError) {
    self.output = output
    try output.write("{\"replacements\":[")
  }

  /// Adds one replacement.
  public func add(file: String, line: Int, field: String, kind: PIIKind) throws(OutputError) {
    try add(RedactionReportEntry(file: file, line: line, field: field, kind: kind))
  }

  /// Adds one replacement.
  public func add(_ entry: RedactionReportEntry) throws(OutputError) {
    let separator = first ? "\n" : ",\n"
    first = false
    try output.append { buffer in
      buffer.append(contentsOf: separator.utf8)
      writer.write(.object(entry.json), into: &buffer)
    }
  }

  /// Writes the counts and publishes the report.
  public func finish(_ summary: RedactionSummary) throws(OutputError) {
    let rest = writer.string(of: summary.json).dropFirst()  // `"counts":...}` after the array
    try output.write("\n],\(rest)\n")
    try output.commit()
  }
}
