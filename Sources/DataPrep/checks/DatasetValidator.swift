import Foundation

/// Validates JSONL datasets for fine-tuning, streaming: every line is checked for UTF-8, JSON,
/// object shape, the format's schema and the content checks; dataset-wide checks (scarcity,
/// groups, diversity, near-duplicate share, file size) run at the end of each file and in
/// ``finish()``; ``checkLeakage(options:)`` checks validation files against training files.
///
/// Memory is flat in file size except the duplicate tables: per record, one 64-bit text hash
/// with its line, and one 64-bit prompt hash with its response hash and line (about 80 bytes a
/// record with hash-table overhead), plus the near-duplicate index (a 256-byte MinHash
/// signature and a line per record), held for the current file only. Group counts grow with the
/// number of distinct groups. Not `Sendable`: one validator per run.
public final class DatasetValidator {
  let options: ValidationOptions
  let explicitSchema: JSONSchema?
  let explicitFormat: DatasetFormat?
  private let schemaLookup: (DatasetFormat) -> JSONSchema?
  let tokenCounter: TokenCounter
  let exampleCounter: ExampleTokenCounter
  let parser: JSONParser

  private var report = ValidationReport()
  private var countsByCheck: [ValidationCheck: ValidationReport.CheckCount] = [:]
  private var keptByCheck: [ValidationCheck: Int] = [:]
  var trainingGroups: [String: Int] = [:]
  var validationGroups: [String: Int] = [:]
  private var schemaCache: [DatasetFormat: JSONSchema?] = [:]
  /// The word hashes of the record being checked, for the near-duplicate index (reused).
  var recordWords: [UInt64] = []
  /// Answer lines by source, for the dataset-wide `boilerplate` check (all files of the run).
  var boilerplate: BoilerplateLines
  /// The special tokens (configured and the tokenizer's), deduplicated, for `special-token`.
  let specialTokens: [String]
  /// Whether some special token starts with neither `<` nor `[` (then every text is searched).
  let scanEveryText: Bool
  /// Files with lines that are not UTF-8 JSON objects: the leakage check cannot read them.
  var filesWithBadLines: Set<String> = []
  /// The files validated so far, with their roles.
  var files: [ValidationReport.FileSummary] { report.files }
  /// In a shard of `validate`, where each record's findings and cross-record data go instead
  /// of the report (see ``ValidationEvent``); `nil` in one process and in the merge.
  var recorder: ValidationEventRecorder?

  /// A validator.
  /// - Parameters:
  ///   - schema: the schema every record must pass; `nil` uses `schemaLookup` for the detected format.
  ///   - format: the records' format; `nil` detects it per file from the first valid record.
  ///   - schemaLookup: the built-in schema of a format.
  ///   - tokenCounter: counts tokens for the length check; records are counted as the services
  ///     count them (`ExampleTokenCounter`) unless it is the character estimate.
  public init(
    options: ValidationOptions = ValidationOptions(), schema: JSONSchema? = nil, format: DatasetFormat? = nil,
    schemaLookup: @escaping (DatasetFormat) -> JSONSchema? = { _ in nil },
    tokenCounter: TokenCounter = .characterEstimate
  ) {
    self.options = options
    parser = options.limits.jsonParser
    self.explicitSchema = schema
    self.explicitFormat = format
    self.schemaLookup = schemaLookup
    self.tokenCounter = tokenCounter
    self.exampleCounter = ExampleTokenCounter(textCounter: tokenCounter)
    self.boilerplate = BoilerplateLines(minSources: options.boilerplateMinSources, maximumLines: options.boilerplateMaxLines)
    var seen: Set<String> = []
    self.specialTokens = (options.specialTokens + options.tokenizerSpecialTokens).filter { !$0.isEmpty && seen.insert($0).inserted }
    self.scanEveryText = specialTokens.contains { $0.utf8.first != 0x3C && $0.utf8.first != 0x5B }
  }

  // MARK: - Files

  /// What the checks keep about the file being validated.
  struct FileState {
    var format: DatasetFormat?
    var schema: JSONSchema?
    var records = 0
    var bytes: Int64 = 0
    var examples: [UInt64: Int] = [:]
    var prompts: [UInt64: (response: UInt64, line: Int)] = [:]
    var diversity = TrigramDiversity()
    var nearDuplicates: NearDuplicateIndex?
  }

  func newFileState() -> FileState {
    var state = FileState()
    state.format = explicitFormat
    state.schema = explicitSchema ?? explicitFormat.flatMap { schema(for: $0) }
    if options.isEnabled(.nearDuplicates) { state.nearDuplicates = NearDuplicateIndex(similarity: options.nearDuplicateSimilarity) }
    return state
  }

  /// Validates the file at `path` (`-` for stdin, `.gz` read transparently).
  /// - Parameter role: training or validation; `nil` guesses from the file name.
  /// - Throws: ``InputError`` when the file cannot be opened or read (bad lines are findings).
  public func validate(path: String, role: DatasetRole? = nil) throws(InputError) {
    try validate(source: ByteSource(path: path), role: role ?? DatasetRole.guess(path: path))
  }

  /// Validates the lines of `source`.
  package func validate(source: ByteSource, role: DatasetRole) throws(InputError) {
    let path = source.path
    var state = newFileState()
    do {
      try LineReader(source, maximumLineBytes: options.limits.maximumLineBytes).forEachLine { line, number in
        state.bytes += Int64(line.count + 1)
        checkLine(line, number: number, path: path, role: role, state: &state)
        return true
      }
    } catch let error as InputError {
      throw error
    } catch {
      throw .readFailed(path: path, reason: "\(error)")
    }
    finishFile(path: path, role: role, state: state)
  }

  func schema(for format: DatasetFormat) -> JSONSchema? {
    if let cached = schemaCache[format] { return cached }
    let schema = schemaLookup(format)
    schemaCache[format] = schema
    return schema
  }

  func checkLine(
    _ rawLine: UnsafeBufferPointer<UInt8>, number: Int, path: String, role: DatasetRole, state: inout FileState
  ) {
    var line = rawLine
    if number == 1, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
      line = UnsafeBufferPointer(rebasing: line[3...])  // a UTF-8 byte-order mark
    }
    var blank = true
    for byte in line where byte != 0x20 && byte != 0x09 && byte != 0x0D {
      blank = false
      break
    }
    if blank { return }
    guard UTF8Validation.isValid(line) else {
      add(.utf8, path, number, "the line is not valid UTF-8 (save the file as UTF-8)")
      return
    }
    let value: JSONValue
    do throws(JSONParseError) {
      value = try parser.parse(line)
    } catch {
      add(.json, path, number, "invalid JSON at column \(error.column): \(error.message)")
      return
    }
    guard case .object(let object) = value else {
      add(.notObject, path, number, "expected a JSON object, found \(value.typeName)")
      return
    }
    checkRecord(object, line: number, path: path, role: role, state: &state)
  }

  // MARK: - Records already parsed

  private var openFile: (path: String, role: DatasetRole, state: FileState)?

  /// Starts a file whose records the caller parses itself (then ``check(_:line:)`` and ``endFile()``),
  /// for stages that validate their own records in memory.
  public func beginFile(_ path: String, role: DatasetRole) {
    let state = newFileState()
    openFile = (path, role, state)
  }

  /// Checks one record of the file begun with ``beginFile(_:role:)``.
  public func check(_ object: JSONObject, line: Int) {
    guard var file = openFile else { return }
    openFile = nil
    checkRecord(object, line: line, path: file.path, role: file.role, state: &file.state)
    openFile = file
  }

  /// Ends the file begun with ``beginFile(_:role:)`` and runs its file-level checks.
  public func endFile() {
    guard let file = openFile else { return }
    openFile = nil
    finishFile(path: file.path, role: file.role, state: file.state)
  }

  private func checkRecord(
    _ object: JSONObject, line number: Int, path: String, role: DatasetRole, state: inout FileState
  ) {
    let value = JSONValue.object(object)
    state.records += 1

    let detected = DatasetFormat.detect(object)
    if let format = state.format {
      if explicitFormat == nil, let detected, detected != format {
        add(.mixedFormat, path, number, "the record looks like \(detected.rawValue), but the file is \(format.rawValue) (one format per file)")
        return
      }
    } else if let detected {
      state.format = detected
      if explicitSchema == nil { state.schema = schema(for: detected) }
    } else if explicitSchema == nil {
      let keys = object.keys.prefix(6).joined(separator: ", ")
      add(.unknownFormat, path, number, "the record matches no known format (keys: \(keys)); formats: \(DatasetFormat.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    var passesSchema = true
    if let schema = state.schema, options.isEnabled(.schema), !schema.isValid(value) {
      passesSchema = false
      for violation in schema.validate(value, limit: options.maxSchemaViolationsPerRecord) {
        add(.schema, path, number, violation.description)
      }
    }
    if let format = state.format ?? detected {
      checkContent(object, format: format, path: path, line: number, role: role, passesSchema: passesSchema, state: &state)
    }
  }

  // MARK: - Dataset-wide checks

  func finishFile(path: String, role: DatasetRole, state: FileState) {
    report.files.append(.init(path: path, role: role, format: state.format, records: state.records, bytes: state.bytes))
    if let limit = options.maxFileBytes, state.bytes > limit {
      add(.fileSize, path, nil, "the file is \(Self.megabytes(state.bytes)) MB, over the \(Self.megabytes(limit)) MB upload limit (OpenAI's is 512 MB); split it")
    }
    if role == .validation && state.records < options.minValidationExamples {
      let n = max(state.records, 1)
      let margin = 1.96 * (0.25 / Double(n)).squareRoot() * 100
      let needed = Int((1.96 * 1.96 * 0.25 / 0.0025).rounded(.up))
      add(.smallValidation, path, nil,
        "only \(state.records) validation examples (fewer than \(options.minValidationExamples)): an accuracy near 50% measured on them has a 95% interval of about ±\(Self.oneDecimal(margin)) points; ±5 points needs \(needed)")
    }
    if state.diversity.total >= options.minTrigramsForDiversity {
      let ratio = state.diversity.ratio
      if ratio < options.minDistinctTrigramRatio {
        add(.lowDiversity, path, nil,
          "low diversity: only \(Int((ratio * 100).rounded()))% of the \(state.diversity.total) word 3-grams are distinct (threshold \(Int((options.minDistinctTrigramRatio * 100).rounded()))%); the examples repeat the same phrasing")
      }
    }
    if let index = state.nearDuplicates {
      let found = index.result()
      let share = found.records == 0 ? 0 : Double(found.nearCopies) / Double(found.records)
      if found.nearCopies > 0, share > options.maxNearDuplicateShare {
        let example = found.example.map { ", e.g. line \($0.later) nearly repeats line \($0.earlier)" } ?? ""
        add(.nearDuplicates, path, nil,
          "\(found.nearCopies) of \(found.records) examples (\(Self.oneDecimal(share * 100))%) are near duplicates of an earlier one (word 5-gram similarity at least \(Self.oneDecimal(options.nearDuplicateSimilarity * 100))%)\(example), over the \(Self.oneDecimal(options.maxNearDuplicateShare * 100))% threshold: they add little new data and overweight what they repeat (`dataprep dedup` removes them)")
      }
    }
  }

  /// Runs the dataset-wide checks and returns the report.
  public func finish() -> ValidationReport {
    let trainingFiles = report.files.filter { $0.role == .training }
    if let first = trainingFiles.first {
      let n = trainingFiles.reduce(0) { $0 + $1.records }
      let file = first.path
      if n < options.minTrainingExamplesError {
        add(.tooFewExamples, file, nil, "only \(n) training examples: fewer than \(options.minTrainingExamplesError), the minimum fine-tuning services accept", severity: .error)
      } else if n < options.minTrainingExamplesWarning {
        add(.tooFewExamples, file, nil, "only \(n) training examples: fewer than \(options.minTrainingExamplesWarning), where services report clear gains start", severity: .warning)
      } else if n < options.minTrainingExamplesNote {
        add(.tooFewExamples, file, nil, "\(n) training examples: fewer than \(options.minTrainingExamplesNote); expect modest gains, and more data is usually the best improvement", severity: .note)
      }
    }
    if let groupBy = options.groupBy {
      checkGroups(groupBy, trainingFile: trainingFiles.first?.path ?? report.files.first?.path ?? "-")
    }
    if options.isEnabled(.boilerplate) { checkBoilerplate() }
    report.counts = ValidationCheck.allCases.compactMap { countsByCheck[$0] }
    return report
  }

  /// `boilerplate`: one finding for the examples affected, then one per line (most sources first)
  /// at the line's first example.
  private func checkBoilerplate() {
    let found = boilerplate.result(minShare: options.boilerplateMinShare)
    guard let first = found.lines.first else { return }
    let threshold = Int(found.threshold.rounded(.up))
    let share = Self.oneDecimal(Double(found.affectedExamples) * 100 / Double(max(found.examples, 1)))
    let capped = found.truncated ? " (only the first \(options.boilerplateMaxLines) distinct lines were counted)" : ""
    add(.boilerplate, first.file, nil,
      "\(found.affectedExamples) of \(found.examples) examples (\(share)%) have an answer holding one of \(found.lines.count) boilerplate lines, each in the answers of at least \(threshold) of the \(found.sources) sources\(capped): page furniture (navigation, footers, notices) the model would learn to repeat; remove it at extraction")
    for line in found.lines {
      var text = line.text
      if text.count > 80 { text = String(text.prefix(77)) + "..." }
      add(.boilerplate, line.file, line.line,
        "the answer line '\(text)' recurs in the answers of \(line.sources) different sources (\(line.examples) examples); first here")
    }
  }

  private func checkGroups(_ groupBy: String, trainingFile: String) {
    let validationFile = report.files.first { $0.role == .validation }?.path ?? trainingFile
    if !trainingGroups.isEmpty {
      for (group, count) in trainingGroups.sorted(by: { $0.key < $1.key }) where count < options.minGroupExamples {
        add(.smallGroup, trainingFile, nil, "group '\(group)' (\(groupBy)) has only \(count) training examples, fewer than \(options.minGroupExamples): too few for the model to learn it")
      }
      let largest = trainingGroups.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
      let smallest = trainingGroups.min { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }
      if let largest, let smallest, Double(largest.value) / Double(smallest.value) > options.maxGroupRatio {
        add(.groupImbalance, trainingFile, nil,
          "groups (\(groupBy)) are imbalanced: '\(largest.key)' has \(largest.value) examples, '\(smallest.key)' \(smallest.value), a ratio over \(Self.oneDecimal(options.maxGroupRatio)); the small groups will barely count")
      }
    }
    for (group, count) in validationGroups.sorted(by: { $0.key < $1.key }) where trainingGroups[group] == nil && !report.files.filter({ $0.role == .training }).isEmpty {
      add(.groupMissingInTrain, validationFile, nil, "group '\(group)' (\(groupBy)) has \(count) validation examples but none in training: it measures what was never taught")
    }
  }

  // MARK: - Findings

  func add(
    _ check: ValidationCheck, _ file: String, _ line: Int?, _ message: String, severity natural: FindingSeverity? = nil
  ) {
    if let recorder {
      recorder.finding(check, severity: natural, message: message)
      return
    }
    if check == .utf8 || check == .json || check == .notObject { filesWithBadLines.insert(file) }
    guard let severity = options.severity(of: check, default: natural) else { return }
    var count = countsByCheck[check] ?? .init(check: check)
    switch severity {
    case .error: count.errors += 1
    case .warning: count.warnings += 1
    case .note: count.notes += 1
    }
    countsByCheck[check] = count
    let kept = keptByCheck[check, default: 0]
    guard kept < options.maxFindingsPerCheck else { return }
    keptByCheck[check] = kept + 1
    report.findings.append(ValidationFinding(file: file, line: line, severity: severity, check: check, message: message))
  }

  private static func megabytes(_ bytes: Int64) -> String { oneDecimal(Double(bytes) / 1_000_000) }

  private static func oneDecimal(_ x: Double) -> String {
    let tenths = Int((x * 10).rounded())
    return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
  }
}
