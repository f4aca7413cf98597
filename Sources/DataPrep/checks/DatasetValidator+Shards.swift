/// `validate` as shards: each shard checks its pieces record by record and records what the
/// checks across records need (``ValidationEvent``); the merge replays every record's event in
/// input order through the same checks, so the report is that of one process.
///
/// What crosses records, and how the merge makes it exact: the file's format (a piece that does
/// not start the file reads the lines before it up to the first record with a known format);
/// `duplicate`, `conflict` and the near-duplicate share (the example hashes and the MinHash
/// signature of each record, replayed in order through the file's tables); the diversity
/// 3-grams (a sampled count and 4 KB of distinct-count registers per piece, joined by maximum);
/// the records and bytes per file (summed); the group counts (summed); `boilerplate` (each
/// answer's line digests replayed in order; a line's text is given once per shard and fetched
/// again from the events for the lines found boilerplate); the leakage check (run by the merge,
/// which reads the training and validation files again, as one process does after checking).
/// Memory of the merge: the tables one process holds.
extension DatasetValidator {
  /// Checks the lines of `source` (one piece of a file of `role`: the file, or its byte range)
  /// as a shard: each record's findings and cross-record data go to `events` (see
  /// ``ValidationEvent``), the group counts to this validator; returns the piece's counts.
  /// - Parameter startFormat: the file's format at the piece's start (see ``format(of:before:)``).
  /// - Throws: ``InputError`` when the file cannot be read, ``OutputError`` when `events` cannot be written.
  package func validateShardPiece(
    source: ByteSource, role: DatasetRole, startFormat: DatasetFormat?, events: OutputFile
  ) throws -> ValidationPieceSummary {
    let recorder = ValidationEventRecorder(out: events)
    self.recorder = recorder
    defer { self.recorder = nil }
    let path = source.path
    var state = newFileState()
    if state.format == nil, let startFormat {
      state.format = startFormat
      if explicitSchema == nil { state.schema = schema(for: startFormat) }
    }
    try LineReader(source, maximumLineBytes: options.limits.maximumLineBytes).forEachLine { line, number in
      state.bytes += Int64(line.count + 1)
      recorder.begin(line: number)
      checkLine(line, number: number, path: path, role: role, state: &state)
      try recorder.end()
      return true
    }
    var summary = ValidationPieceSummary()
    summary.records = state.records
    summary.bytes = state.bytes
    summary.format = state.format
    (summary.diversitySampled, summary.diversityRegisters) = state.diversity.parts
    summary.events = recorder.written
    return summary
  }

  /// The format a file has at byte `end` when read from its start: that of the first record
  /// before `end` whose format is known (given explicitly, or `nil` when none is).
  /// - Throws: ``InputError`` when the file cannot be read.
  package func format(of path: String, before end: Int) throws -> DatasetFormat? {
    if let explicitFormat { return explicitFormat }
    guard end > 0 else { return nil }
    var found: DatasetFormat?
    try LineReader(try ByteSource(path: path, range: 0..<end, firstLine: 1), maximumLineBytes: options.limits.maximumLineBytes)
      .forEachLine { rawLine, number in
        let line = number == 1 ? JSONLReader.droppingByteOrderMark(rawLine) : rawLine
        guard !JSONLReader.isBlank(line), UTF8Validation.isValid(line), case .object(let object)? = try? parser.parse(line) else {
          return true
        }
        found = DatasetFormat.detect(object)
        return found == nil
      }
    return found
  }

  /// The group counts this shard's validator tallied, by role: `{training: {group: n}, validation: {...}}`.
  package var groupTallies: JSONValue {
    func object(_ counts: [String: Int]) -> JSONValue {
      var o = JSONObject()
      for key in counts.keys.sorted() { o.append(key, .integer(Int64(counts[key] ?? 0))) }
      return .object(o)
    }
    return ["training": object(trainingGroups), "validation": object(validationGroups)]
  }

  /// Adds a shard's ``groupTallies``; `false` when damaged.
  package func addGroupTallies(_ json: JSONValue) -> Bool {
    for (role, name) in [(DatasetRole.training, "training"), (.validation, "validation")] {
      guard let counts = json[name]?.objectValue else { return false }
      for member in counts {
        guard let n = member.value.integerValue else { return false }
        if role == .training { trainingGroups[member.key, default: 0] += Int(n) } else { validationGroups[member.key, default: 0] += Int(n) }
      }
    }
    return true
  }

  /// Replays one file from its pieces in order (each with its summary and the path of its
  /// events, `nil` when it wrote none), then runs the file-level checks: what validating the
  /// file in one process does.
  /// - Throws: ``InputError`` when an events file cannot be read or holds a damaged event.
  package func replayFile(path: String, role: DatasetRole, pieces: [(summary: ValidationPieceSummary, events: String?)]) throws {
    var state = newFileState()
    for piece in pieces {
      state.records += piece.summary.records
      state.bytes += piece.summary.bytes
      if state.format == nil { state.format = piece.summary.format }
      state.diversity.merge(sampled: piece.summary.diversitySampled, registers: piece.summary.diversityRegisters)
      guard let events = piece.events else { continue }
      try forEachEvent(in: events) { event in replay(event, path: path, state: &state) }
    }
    finishFile(path: path, role: role, state: state)
  }

  private func replay(_ event: ValidationEvent, path: String, state: inout FileState) {
    let line = event.line
    for finding in event.before { add(finding.check, path, line, finding.message, severity: finding.severity) }
    if let answer = event.answer {
      let file = boilerplate.fileIndex(path)
      let source = answer.source ?? BoilerplateLines.ownSource(file: file, line: line)
      boilerplate.add(lines: answer.lines, source: source, file: file, line: line)
    }
    if let repeats = event.repeats {
      checkRepeats(
        repeats.hashes, passesSchema: repeats.passesSchema, hasPromptAndResponse: repeats.hasPromptAndResponse, path: path,
        line: line, state: &state
      ) { state in
        if let signature = repeats.signature { state.nearDuplicates?.add(signature: signature, line: line) }
      }
    }
    for finding in event.after { add(finding.check, path, line, finding.message, severity: finding.severity) }
  }

  /// Gives the boilerplate lines the replay counted without their text (each shard gives a
  /// line's text once) their text, read again from the events files.
  /// - Throws: ``InputError`` when an events file cannot be read.
  package func fillBoilerplateTexts(from events: [String]) throws {
    guard options.isEnabled(.boilerplate) else { return }
    var missing = boilerplate.digestsMissingText(minShare: options.boilerplateMinShare)
    for path in events where !missing.isEmpty {
      try forEachEvent(in: path) { event in
        for line in event.answer?.lines ?? [] {
          if let text = line.text, missing.remove(line.digest) != nil { boilerplate.setText(text, digest: line.digest) }
        }
      }
    }
  }

  /// Calls `body` with each event of the events file at `path`. An event holds at most a
  /// record's texts once more (its answer lines, its findings' excerpts) besides fixed-size
  /// data, so its line is bounded by a few times the input's line limit.
  private func forEachEvent(in path: String, _ body: (ValidationEvent) throws -> Void) throws {
    let parser = JSONParser(maximumDepth: 16)
    let limit = 4 * max(options.limits.maximumLineBytes, 1 << 20)
    try LineReader(try ByteSource(path: path), maximumLineBytes: limit).forEachLine { line, number in
      guard let value = try? parser.parse(line), let event = ValidationEvent(json: value) else {
        throw InputError.badJSON(path: path, line: number, column: 1, message: "not a validate shard's record event; run the shard again with --force")
      }
      try body(event)
      return true
    }
  }
}
