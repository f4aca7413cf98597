/// The `filter` stage: judges the text of each record (a document's `text`, an example's
/// messages) with the chosen quality rule sets and drops the records that fail one, or, when
/// annotating, keeps every record with each rule set's values and verdict under
/// `metadata.quality`.
///
/// Streaming (one batch of lines in memory), parallel over `jobs` threads with the output in
/// input order, so bytes do not depend on `jobs`. A kept record is written as its raw line
/// unless annotated or its text rewritten by `c4` (``C4Settings/rewrite``: a document's `text`
/// only; examples are judged, never rewritten). Every rule set judges the text as read.
public struct QualityFilter: Sendable {
  /// The rule sets and their thresholds.
  public let options: QualityFilterOptions
  private let identify: @Sendable (String) -> LanguageIdentifier.Guess

  /// A filter with `options`, identifying languages with `identifier`.
  public init(options: QualityFilterOptions, identifier: LanguageIdentifier = LanguageIdentifier()) {
    self.init(options: options, identify: { identifier.identify($0) })
  }

  /// A filter identifying languages with `identify` (tests give a stand-in).
  init(options: QualityFilterOptions, identify: @escaping @Sendable (String) -> LanguageIdentifier.Guess) {
    self.options = options
    self.identify = identify
  }

  /// Each chosen rule set's outcome on `text`, in the order of ``QualityFilterOptions/rules``.
  public func evaluate(_ text: String) -> [QualityRuleOutcome] {
    let needsWords = options.rules.contains { $0 != .language }
    let prepared = needsWords ? FilterText(text) : nil
    return options.rules.map { set in
      switch set {
      case .gopherQuality: return GopherQualityRule(options.gopherQuality).evaluate(prepared ?? FilterText(text))
      case .gopherRepetition: return GopherRepetitionRule(settings: options.gopherRepetition).evaluate(prepared ?? FilterText(text))
      case .c4: return C4Rule(settings: options.c4).evaluate(prepared ?? FilterText(text))
      case .fineweb: return FineWebRule(settings: options.fineweb).evaluate(prepared ?? FilterText(text))
      case .language: return LanguageRule(settings: options.language, identify: identify).evaluate(text)
      }
    }
  }

  private enum Judged: Sendable {
    case keep([UInt8], [QualityRuleOutcome])
    case drop([QualityRuleOutcome])
    case failure(FilterError)
  }

  /// Filters the JSONL `inputs` in order into `writer`.
  /// - Throws: ``InputError`` for a line that is not a JSON object, ``FilterError`` for a record
  ///   without text, ``OutputError`` when writing fails.
  public func run(inputs: [String], to writer: JSONLWriter, limits: InputLimits = .standard) throws -> FilterReport {
    var report = FilterReport()
    for path in inputs {
      try run(source: try ByteSource(path: path), to: writer, limits: limits, report: &report)
    }
    return report
  }

  /// Filters the JSONL lines of `source` (a whole input or a shard's range) into `writer`.
  package func run(source: ByteSource, to writer: JSONLWriter, limits: InputLimits, report: inout FilterReport) throws {
    let path = source.path
    let annotate = options.annotate
    let field = options.field
    let rewrites = options.rules.contains(.c4) && options.c4.rewrite
    let judgesText = field == nil || field == "text"
    let map = ParallelRecordMap<Judged>(jobs: options.jobs, limits: limits) { record, line in
      guard let text = RecordText.text(of: record, field: field) else { return .failure(.noText(path: path, line: 0, field: field)) }
      var outcomes = evaluate(text)
      let passes = outcomes.allSatisfy(\.passes)
      var record = record
      let changed = rewrites && Self.rewrite(&record, text: text, outcomes: &outcomes, judgesText: judgesText)
      if annotate {
        guard let annotated = Self.annotated(record, outcomes) else { return .failure(.metadataNotObject(path: path, line: 0)) }
        return .keep(JSONWriter().bytes(of: .object(annotated)), outcomes)
      }
      guard passes else { return .drop(outcomes) }
      return .keep(changed ? JSONWriter().bytes(of: .object(record)) : line, outcomes)
    }
    let samples = options.samplesPerReason
    try map.run(source: source) { judged, line in
      switch judged {
      case .keep(let bytes, let outcomes):
        report.add(outcomes, path: path, line: line, samplesPerReason: samples)
        try writer.writeRawLine(bytes)
        report.written += 1
      case .drop(let outcomes):
        report.add(outcomes, path: path, line: line, samplesPerReason: samples)
      case .failure(.noText(_, _, let field)):
        throw FilterError.noText(path: path, line: line, field: field)
      case .failure(.metadataNotObject):
        throw FilterError.metadataNotObject(path: path, line: line)
      }
    }
  }

  /// Sets a document's `text` to what a passing `c4` kept of it (its ``QualityRuleOutcome/rewritten``
  /// text); returns whether the text changed. Records that are not documents (examples), or
  /// judged on another field than `text` (`judgesText` false), are judged only: their `c4`
  /// outcome then counts no removed lines.
  static func rewrite(_ record: inout JSONObject, text: String, outcomes: inout [QualityRuleOutcome], judgesText: Bool) -> Bool {
    guard let index = outcomes.firstIndex(where: { $0.rules == .c4 }) else { return false }
    guard judgesText && RecordText.isDocument(record) else {
      if let removed = outcomes[index].values.firstIndex(where: { $0.name == "lines_removed" }) {
        outcomes[index].values[removed].value = 0
      }
      return false
    }
    guard let kept = outcomes[index].rewritten, !kept.unicodeScalars.elementsEqual(text.unicodeScalars) else { return false }
    record["text"] = .string(kept)
    return true
  }

  /// `record` with `metadata.quality` set to each rule set's verdict and values; `nil` when
  /// `metadata` is there but not an object.
  static func annotated(_ record: JSONObject, _ outcomes: [QualityRuleOutcome]) -> JSONObject? {
    var metadata: JSONObject
    switch record["metadata"] {
    case nil, .null?: metadata = JSONObject()
    case .object(let object)?: metadata = object
    default: return nil
    }
    var quality = JSONObject()
    for outcome in outcomes {
      var entry = JSONObject()
      entry.append("pass", .bool(outcome.passes))
      entry.append("reason", outcome.failure.map(JSONValue.string) ?? .null)
      if let language = outcome.language { entry.append("language", .string(language)) }
      var values = JSONObject()
      for (name, value) in outcome.values {
        values.append(name, value == value.rounded() && abs(value) < 1e15 ? .integer(Int64(value)) : .double((value * 1e6).rounded() / 1e6))
      }
      entry.append("values", .object(values))
      quality.append(outcome.rules.rawValue, .object(entry))
    }
    metadata["quality"] = .object(quality)
    var out = record
    out["metadata"] = .object(metadata)
    return out
  }
}
