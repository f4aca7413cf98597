/// Collects the ``ValidationEvent`` of each record a shard of `validate` checks and writes the
/// non-empty ones as JSON lines. Remembers the digests of the answer lines it has given with
/// their text (8 bytes each, about 16 with the set's overhead), so each text is written once
/// per shard. Not `Sendable`: one per shard.
final class ValidationEventRecorder {
  private let out: OutputFile
  private let writer = JSONWriter()
  private var event = ValidationEvent(line: 0)
  private var textsGiven: Set<UInt64> = []
  /// Events written.
  private(set) var written = 0

  /// A recorder writing to `out` (not committed).
  init(out: OutputFile) {
    self.out = out
  }

  /// Starts the record at `line`.
  func begin(line: Int) {
    event = ValidationEvent(line: line)
  }

  /// A finding of the record, before or after its check against earlier records.
  func finding(_ check: ValidationCheck, severity: FindingSeverity?, message: String) {
    let finding = ValidationEvent.Finding(check: check, severity: severity, message: message)
    if event.repeats == nil { event.before.append(finding) } else { event.after.append(finding) }
  }

  /// What the check against earlier records of the file needs.
  func repeats(_ hashes: ExampleHashes, passesSchema: Bool, hasPromptAndResponse: Bool, signature: [UInt32]?) {
    event.repeats = .init(hashes: hashes, passesSchema: passesSchema, hasPromptAndResponse: hasPromptAndResponse, signature: signature)
  }

  /// The record's answer for the `boilerplate` tally.
  func answer(_ text: String, source: UInt64?) {
    var lines: [(digest: UInt64, text: [UInt8]?)] = []
    BoilerplateLines.forEachLine(text) { normalised, digest in
      lines.append((digest, textsGiven.insert(digest).inserted ? normalised : nil))
    }
    event.answer = .init(source: source, lines: lines)
  }

  /// Ends the record: writes its event unless empty.
  /// - Throws: ``OutputError`` when the output cannot be written.
  func end() throws {
    guard !event.isEmpty else { return }
    try out.write(writer.string(of: event.json) + "\n")
    written += 1
  }
}
