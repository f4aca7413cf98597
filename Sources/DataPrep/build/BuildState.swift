/// What a single-task build step hands to the steps after it, saved in its completion marker:
/// the parts of ``BuildResult`` it filled in, as JSON that reads back to equal values (doubles
/// are written in their shortest exact form), so a build split into steps reports exactly what
/// one process reports.
///
/// `prepare` saves the sources, the extraction counts and failures, the redact and filter
/// stages' counts, the furniture filter's summary (and the document dedup's summary and
/// samples, empty in a plan);
/// `dedup-clusters` the document dedup's summary and samples; `examples` instruct's counts;
/// `example-dedup-clusters` the example dedup's. A step added later saves its own parts here.
enum BuildState {
  /// The parts of `result` that `prepare` fills in.
  static func json(of result: BuildResult) -> JSONValue {
    var o = JSONObject()
    o.append("source_names", .array(result.sourceNames.map { .string($0) }))
    o.append("sources", .array(result.sources.map(\.json)))
    o.append("extraction", json(of: result.extraction))
    o.append("extraction_failures", .array(result.extractionFailures.map { .string($0) }))
    o.append("redaction", result.redaction.map { json(of: $0) } ?? .null)
    o.append("filter", result.filtering.map { json(of: $0, rules: result.recipe.filter.options.rules) } ?? .null)
    o.append("furniture", result.furniture.map { json(of: $0) } ?? .null)
    o.append("document_dedup", json(of: result.documentDedup))
    o.append("duplicate_samples", .array(result.duplicateSamples.map(\.json)))
    return .object(o)
  }

  /// Sets the parts saved by ``json(of:)`` in `result`.
  /// - Throws: ``BuildError/badPlan(path:reason:)`` naming `path` when a part is missing or wrong.
  static func apply(_ value: JSONValue, to result: inout BuildResult, path: String) throws(BuildError) {
    let state = try BuildStateReader(value, path: path, what: "the saved state")
    result.sourceNames = try state.strings("source_names")
    result.sources = []
    for source in try state.readers("sources") {
      result.sources.append(SourceFile(path: try source.string("path"), bytes: try source.int("bytes"), sha256: try source.string("sha256")))
    }
    result.extraction = try extraction(try state.reader("extraction"))
    result.extractionFailures = try state.strings("extraction_failures")
    result.redaction = try state.value("redaction") == .null ? nil : try redaction(try state.reader("redaction"))
    result.filtering = try state.value("filter") == .null ? nil : try filtering(try state.reader("filter")).0
    result.furniture = try state.value("furniture") == .null ? nil : try furniture(try state.reader("furniture"))
    result.documentDedup = try dedup(try state.reader("document_dedup"))
    result.duplicateSamples = try samples(state)
  }

  /// What a plan's `dedup-clusters` step fills in: the document dedup's summary and samples.
  static func documentDedupJSON(of result: BuildResult) -> JSONValue {
    ["document_dedup": json(of: result.documentDedup), "duplicate_samples": .array(result.duplicateSamples.map(\.json))]
  }

  /// Sets the parts saved by ``documentDedupJSON(of:)`` in `result`, the samples after those
  /// already there (the local build shows the document samples first).
  /// - Throws: ``BuildError/badPlan(path:reason:)`` naming `path` when a part is missing or wrong.
  static func applyDocumentDedup(_ value: JSONValue, to result: inout BuildResult, path: String) throws(BuildError) {
    let state = try BuildStateReader(value, path: path, what: "the saved state")
    result.documentDedup = try dedup(try state.reader("document_dedup"))
    result.duplicateSamples += try samples(state)
  }

  /// What a plan's `examples` step fills in: instruct's counts.
  static func instructJSON(of result: BuildResult) -> JSONValue {
    let s = result.instruct
    return [
      "documents": .integer(Int64(s.documents)),
      "written": .array(s.written.map { ["task": .string($0.task), "count": .integer(Int64($0.count))] }),
      "dropped": .array(ExampleFilter.Reason.allCases.compactMap { reason in
        s.dropped[reason].map { ["reason": .string(reason.rawValue), "count": .integer(Int64($0))] }
      }),
      "unrepresentable": .integer(Int64(s.unrepresentable)), "evicted_questions": .integer(Int64(s.evictedQuestions)),
    ]
  }

  /// Sets the counts saved by ``instructJSON(of:)`` in `result`.
  /// - Throws: ``BuildError/badPlan(path:reason:)`` naming `path` when a part is missing or wrong.
  static func applyInstruct(_ value: JSONValue, to result: inout BuildResult, path: String) throws(BuildError) {
    let state = try BuildStateReader(value, path: path, what: "the saved state")
    var s = Instructor.Summary()
    s.documents = try state.int("documents")
    for entry in try state.readers("written") { s.written.append((try entry.string("task"), try entry.int("count"))) }
    for entry in try state.readers("dropped") {
      let name = try entry.string("reason")
      guard let reason = ExampleFilter.Reason(rawValue: name) else {
        throw BuildError.badPlan(path: path, reason: "the saved state names an unknown drop reason '\(name)'")
      }
      s.dropped[reason] = try entry.int("count")
    }
    s.unrepresentable = try state.int("unrepresentable")
    s.evictedQuestions = try state.int("evicted_questions")
    result.instruct = s
  }

  /// What a plan's `example-dedup-clusters` step fills in: the example dedup's summary and
  /// samples, and the examples the previous build already holds or duplicates.
  static func exampleDedupJSON(of result: BuildResult) -> JSONValue {
    ["example_dedup": json(of: result.exampleDedup), "duplicate_samples": .array(result.duplicateSamples.map(\.json)),
     "already_present": .integer(Int64(result.alreadyPresent)), "duplicates_of_previous": .integer(Int64(result.duplicatesOfPrevious))]
  }

  /// Sets the parts saved by ``exampleDedupJSON(of:)`` in `result`, the samples after those
  /// already there.
  /// - Throws: ``BuildError/badPlan(path:reason:)`` naming `path` when a part is missing or wrong.
  static func applyExampleDedup(_ value: JSONValue, to result: inout BuildResult, path: String) throws(BuildError) {
    let state = try BuildStateReader(value, path: path, what: "the saved state")
    result.exampleDedup = try dedup(try state.reader("example_dedup"))
    result.duplicateSamples += try samples(state)
    result.alreadyPresent = try state.int("already_present")
    result.duplicatesOfPrevious = try state.int("duplicates_of_previous")
  }

  private static func samples(_ state: BuildStateReader) throws(BuildError) -> [DuplicateSample] {
    var samples: [DuplicateSample] = []
    for sample in try state.readers("duplicate_samples") {
      samples.append(DuplicateSample(
        stage: try sample.string("stage"), kind: try sample.string("kind"), similarity: try sample.double("similarity"),
        kept: try record(try sample.reader("kept")), removed: try record(try sample.reader("removed"))))
    }
    return samples
  }

  // MARK: - Parts

  /// The counts of an extraction (a run stopped by `--strict` is never saved: build is not strict).
  static func json(of s: ExtractionSummary) -> JSONValue {
    ["documents": .integer(Int64(s.documents)), "inputs": .integer(Int64(s.inputs)), "done": .integer(Int64(s.done)),
     "files": .integer(Int64(s.files)), "skipped": .integer(Int64(s.skipped)), "ignored": .integer(Int64(s.ignored)),
     "bytes_read": .integer(Int64(s.bytesRead)), "linked_folders": .integer(Int64(s.linkedFolders)),
     "records": .integer(Int64(s.records)), "field_matches": .array(s.fieldMatches.map { .integer(Int64($0)) })]
  }

  static func extraction(_ r: BuildStateReader) throws(BuildError) -> ExtractionSummary {
    var s = ExtractionSummary()
    s.documents = try r.int("documents")
    s.inputs = try r.int("inputs")
    s.done = try r.int("done")
    s.files = try r.int("files")
    s.skipped = try r.int("skipped")
    s.ignored = try r.int("ignored")
    s.bytesRead = try r.int("bytes_read")
    s.linkedFolders = try r.int("linked_folders")
    s.records = try r.int("records")
    s.fieldMatches = try r.ints("field_matches")
    return s
  }

  static func json(of s: SiteFurnitureFilter.Summary) -> JSONValue {
    ["documents": .integer(Int64(s.documents)), "documents_written": .integer(Int64(s.documentsWritten)),
     "documents_changed": .integer(Int64(s.documentsChanged)), "documents_dropped": .integer(Int64(s.documentsDropped)),
     "threshold": .integer(Int64(s.threshold)), "furniture_lines": .integer(Int64(s.furnitureLines)),
     "lines_removed": .integer(Int64(s.linesRemoved)), "sections_dropped": .integer(Int64(s.sectionsDropped)),
     "top_lines": .array(s.topLines.map { ["text": .string($0.text), "documents": .integer(Int64($0.documents))] })]
  }

  static func furniture(_ r: BuildStateReader) throws(BuildError) -> SiteFurnitureFilter.Summary {
    var s = SiteFurnitureFilter.Summary()
    s.documents = try r.int("documents")
    s.documentsWritten = try r.int("documents_written")
    s.documentsChanged = try r.int("documents_changed")
    s.documentsDropped = try r.int("documents_dropped")
    s.threshold = try r.int("threshold")
    s.furnitureLines = try r.int("furniture_lines")
    s.linesRemoved = try r.int("lines_removed")
    s.sectionsDropped = try r.int("sections_dropped")
    for line in try r.readers("top_lines") {
      s.topLines.append(.init(text: try line.string("text"), documents: try line.int("documents")))
    }
    return s
  }

  static func json(of s: DedupSummary) -> JSONValue {
    ["records_in": .integer(Int64(s.recordsIn)), "exact": .integer(Int64(s.exactDuplicates)),
     "near": .integer(Int64(s.nearDuplicates)), "partial": .integer(Int64(s.partialCopies)),
     "records_out": .integer(Int64(s.recordsOut)), "clusters": .integer(Int64(s.clusters))]
  }

  static func dedup(_ r: BuildStateReader) throws(BuildError) -> DedupSummary {
    var s = DedupSummary()
    s.recordsIn = try r.int("records_in")
    s.exactDuplicates = try r.int("exact")
    s.nearDuplicates = try r.int("near")
    s.partialCopies = try r.int("partial")
    s.recordsOut = try r.int("records_out")
    s.clusters = try r.int("clusters")
    return s
  }

  static func record(_ r: BuildStateReader) throws(BuildError) -> RecordSample {
    RecordSample(file: try r.string("file"), line: try r.int("line"), id: try r.optionalString("id"), text: try r.string("text"))
  }
}
