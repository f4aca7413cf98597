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
  private let options: ValidationOptions
  private let explicitSchema: JSONSchema?
  private let explicitFormat: DatasetFormat?
  private let schemaLookup: (DatasetFormat) -> JSONSchema?
  private let tokenCounter: TokenCounter
  private let exampleCounter: ExampleTokenCounter
  private let parser: JSONParser

  private var report = ValidationReport()
  private var countsByCheck: [ValidationCheck: ValidationReport.CheckCount] = [:]
  private var keptByCheck: [ValidationCheck: Int] = [:]
  private var trainingGroups: [String: Int] = [:]
  private var validationGroups: [String: Int] = [:]
  private var schemaCache: [DatasetFormat: JSONSchema?] = [:]
  /// The word hashes of the record being checked, for the near-duplicate index (reused).
  private var recordWords: [UInt64] = []
  /// Answer lines by source, for the dataset-wide `boilerplate` check (all files of the run).
  private var boilerplate: BoilerplateLines
  /// The special tokens (configured and the tokenizer's), deduplicated, for `special-token`.
  private let specialTokens: [String]
  /// Whether some special token starts with neither `<` nor `[` (then every text is searched).
  private let scanEveryText: Bool
  /// Files with lines that are not UTF-8 JSON objects: the leakage check cannot read them.
  var filesWithBadLines: Set<String> = []
  /// The files validated so far, with their roles.
  var files: [ValidationReport.FileSummary] { report.files }

  /// A validator.
  /// - Parameters:
  ///   - schema: the schema every record must pass; `nil` uses `schemaLookup` for the detected format.
  ///   - format: the records' format; `nil` detects it per file from the first valid record.
  ///   - schemaLookup: the built-in schema of a format.
  ///   - tokenCounter: counts tokens for the length check; records are counted as the services
  ///     count them (``ExampleTokenCounter``) unless it is the character estimate.
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

  private struct FileState {
    var format: DatasetFormat?
    var schema: JSONSchema?
    var records = 0
    var bytes: Int64 = 0
    var examples: [UInt64: Int] = [:]
    var prompts: [UInt64: (response: UInt64, line: Int)] = [:]
    var diversity = TrigramDiversity()
    var nearDuplicates: NearDuplicateIndex?
  }

  private func newFileState() -> FileState {
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
  public func validate(source: ByteSource, role: DatasetRole) throws(InputError) {
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

  private func schema(for format: DatasetFormat) -> JSONSchema? {
    if let cached = schemaCache[format] { return cached }
    let schema = schemaLookup(format)
    schemaCache[format] = schema
    return schema
  }

  private func checkLine(
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

  // MARK: - Content checks

  private func checkContent(
    _ object: JSONObject, format: DatasetFormat, path: String, line: Int, role: DatasetRole, passesSchema: Bool,
    state: inout FileState
  ) {
    let view = ConversationView(object, format: format)
    let allTurns = view.alternativeResponses.isEmpty ? view.turns : view.turns + view.alternativeResponses

    // One scan per text: blank, scalar count, token candidates, normalised hash, word 3-grams.
    var whole = TextScan.basis
    var prompt = TextScan.basis
    var response = TextScan.basis
    var scalars = 0
    let trackDiversity = options.isEnabled(.lowDiversity)
    let trackNear = state.nearDuplicates != nil
    recordWords.removeAll(keepingCapacity: true)
    var previous: (UInt64, UInt64) = (0, 0)
    var words = 0
    var reportedToken = false
    var reportedMarker = false
    for (i, turn) in allTurns.enumerated() {
      let scan = TextScan(turn.text) { word in
        if trackNear { recordWords.append(word) }
        guard trackDiversity else { return }
        if words >= 2 { state.diversity.add(previous.0, previous.1, word) }
        previous = (previous.1, word)
        words += 1
      }
      scalars += scan.scalars
      let tag = UInt64(turn.role.tag)
      let mixed = (scan.hash ^ tag) &* TextScan.prime
      whole = (whole ^ mixed) &* TextScan.prime
      if i < view.responseStart {
        prompt = (prompt ^ mixed) &* TextScan.prime
      } else if i < view.turns.count {
        response = (response ^ mixed) &* TextScan.prime
      } else {
        whole = (whole ^ 0x72) &* TextScan.prime
      }
      for call in turn.toolCalls {
        // Tool calls are part of the example: two turns that call different tools differ.
        if let function = call.function {
          let callHash = TextScan(JSONWriter().string(of: function)) { _ in }.hash
          whole = (whole ^ callHash) &* TextScan.prime
          if i < view.responseStart { prompt = (prompt ^ callHash) &* TextScan.prime } else { response = (response ^ callHash) &* TextScan.prime }
        }
      }
      if scan.isBlank && !(turn.role == .assistant && !turn.toolCalls.isEmpty) {
        add(.emptyContent, path, line, "\(turn.location) is \(turn.contentMissing ? "missing" : "empty or whitespace-only")")
      }
      if !reportedToken, scanEveryText || scan.hasAngle || scan.hasBracket, options.isEnabled(.specialToken),
        let token = Self.specialToken(
          in: turn.text, tokens: specialTokens, angleBar: options.detectAngleBarTokens, hasAngle: scan.hasAngle, hasBracket: scan.hasBracket)
      {
        reportedToken = true
        add(.specialToken, path, line, "\(turn.location) contains the special token '\(token)'; the tokenizer treats it as a control token (trainers reject it or it breaks the chat format), so it is likely template leakage")
      } else if !reportedMarker, scan.hasAngle || scan.hasBracket, options.isEnabled(.templateMarker),
        let marker = Self.specialToken(
          in: turn.text, tokens: options.templateMarkers, angleBar: false, hasAngle: scan.hasAngle, hasBracket: scan.hasBracket)
      {
        reportedMarker = true
        add(.templateMarker, path, line, "\(turn.location) contains '\(marker)', a chat-template marker of some models; to the target tokenizer it is ordinary text (often literal, as Perl's C<s> or HTML's <s>), so check only if the data is for such a template")
      }
    }
    if options.isEnabled(.instructionShape), view.isConversation, let last = view.turns.last, last.role == .assistant {
      checkInstructionShape(view, path: path, line: line)
    }
    if options.isEnabled(.boilerplate), let answer = view.turns.last, answer.role == .assistant {
      let file = boilerplate.fileIndex(path)
      boilerplate.add(answer: answer.text, source: BoilerplateLines.source(of: object, file: file, line: line), file: file, line: line)
    }

    if view.isConversation {
      let hasAssistant = view.turns.contains { $0.role == .assistant }
      if !hasAssistant {
        add(.noAssistant, path, line, "no assistant turn: there is nothing to learn from this example")
      }
      if options.isEnabled(.roleOrder) {
        for (i, turn) in view.turns.enumerated() {
          if turn.role == .system && i > 0 {
            add(.roleOrder, path, line, "a system turn (\(Self.turnName(turn))) comes after another turn; it must be first")
          }
          if turn.role == .user && i > 0 && view.turns[i - 1].role == .user {
            add(.roleOrder, path, line, "two user turns in a row (\(Self.turnName(view.turns[i - 1])), \(Self.turnName(turn)))")
          }
        }
      }
      if hasAssistant, let last = view.turns.last, last.role != .assistant {
        add(.lastTurn, path, line, "the final turn is \(last.role.rawValue), not assistant: the model is trained on nothing after it")
      }
      var callIDs: Set<String> = []
      var sawCall = false
      for turn in view.turns {
        if let weight = turn.weight, weight.integerValue != 0 && weight.integerValue != 1 {
          add(.weight, path, line, "weight \(SchemaEvaluator.render(weight)) at \(Self.turnName(turn)) must be 0 or 1")
        }
        for call in turn.toolCalls {
          sawCall = true
          if let id = call.id { callIDs.insert(id) }
          guard options.isEnabled(.toolArguments), let arguments = call.arguments else { continue }
          if case .string(let text) = arguments {
            if (try? parser.parse(text)) == nil {
              add(.toolArguments, path, line, "tool call arguments at \(Self.turnName(turn)) are not valid JSON: \(SchemaEvaluator.render(arguments))")
            }
          } else if format == .openaiChat || format == .openaiPreference {
            add(.toolArguments, path, line, "tool call arguments at \(Self.turnName(turn)) must be a JSON text in a string, found \(arguments.typeName)")
          }
        }
        if turn.role == .tool {
          if let id = turn.toolCallID {
            if !callIDs.contains(id) {
              add(.toolResult, path, line, "tool result at \(Self.turnName(turn)) answers call '\(id)', which no earlier assistant turn made")
            }
          } else if !sawCall {
            add(.toolResult, path, line, "tool result at \(Self.turnName(turn)) follows no tool call")
          }
        }
      }
    }
    // Records that fail the schema are reported once, not again as duplicates or conflicts.
    var isDuplicate = !passesSchema
    if passesSchema, options.isEnabled(.duplicate) || options.isEnabled(.conflict) {
      if let earlier = state.examples[whole] {
        isDuplicate = true
        add(.duplicate, path, line, "duplicate of line \(earlier)")
      } else {
        state.examples[whole] = line
      }
    }
    if !isDuplicate, options.isEnabled(.conflict), view.responseStart > 0, view.responseStart < view.turns.count {
      if let earlier = state.prompts[prompt] {
        if earlier.response != response {
          add(.conflict, path, line, "same prompt as line \(earlier.line) but a different response")
        }
      } else {
        state.prompts[prompt] = (response, line)
      }
    }

    if !isDuplicate, trackNear {
      state.nearDuplicates?.add(wordHashes: recordWords, line: line)
    }

    if let limit = options.maxTokens, options.isEnabled(.tooLong) {
      var total = 0
      if tokenCounter.isCharacterEstimate {
        total = (scalars + 3) / 4
      } else if Self.tokenBound(object) > limit {
        // Counted as the services count the record (chat overhead included), only when the
        // byte bound says it could be over: a byte-level BPE token covers at least one byte.
        total = exampleCounter.count(object)?.total ?? allTurns.reduce(0) { $0 + tokenCounter.count($1.text) }
      }
      if total > limit {
        let amount = tokenCounter.isEstimate ? "about \(total) tokens (\(tokenCounter.name))" : "\(total) tokens (\(tokenCounter.name))"
        add(.tooLong, path, line, "\(amount), over the limit of \(limit); trainers truncate or drop it")
      }
    }
    if let groupPath = options.groupBy {
      let key = JSONValue.object(object).value(atPath: groupPath).map(Self.groupLabel) ?? "(missing)"
      switch role {
      case .training: trainingGroups[key, default: 0] += 1
      case .validation: validationGroups[key, default: 0] += 1
      }
    }
  }

  /// An upper bound on the tokens of `object` as ``ExampleTokenCounter`` counts them: every
  /// token holds at least one byte, so the UTF-8 length of all its strings plus the per-message
  /// overhead bounds it. Tool calls are counted from re-written JSON, so records with any are
  /// never bounded (`Int.max`).
  static func tokenBound(_ object: JSONObject) -> Int {
    var bound = ExampleTokenCounter.replyPriming
    func walk(_ value: JSONValue) -> Bool {
      switch value {
      case .string(let text): bound += text.utf8.count
      case .array(let items):
        for item in items {
          bound += ExampleTokenCounter.tokensPerMessage + ExampleTokenCounter.tokensPerName
          if !walk(item) { return false }
        }
      case .object(let members):
        for member in members.members {
          if member.key == "tool_calls" || member.key == "function_call" { return false }
          if !walk(member.value) { return false }
        }
      default: break
      }
      return true
    }
    return walk(.object(object)) ? bound : Int.max
  }

  private static func groupLabel(_ value: JSONValue) -> String {
    if case .string(let s) = value { return s }
    return JSONWriter().string(of: value)
  }

  private static func turnName(_ turn: ConversationTurn) -> String { turn.turnLocation }

  /// `instruction-shape`: the last user turn before the final answer must be a question or a
  /// request of 3+ words (``InstructionShape``).
  private func checkInstructionShape(_ view: ConversationView, path: String, line: Int) {
    guard let instruction = view.turns.dropLast().last(where: { $0.role == .user }) else {
      add(.instructionShape, path, line, "no user turn before the answer: the example teaches an answer to nothing")
      return
    }
    guard let problem = InstructionShape.problem(instruction.text) else { return }
    var snippet = instruction.text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
    if snippet.count > 60 { snippet = String(snippet.prefix(57)) + "..." }
    add(.instructionShape, path, line, "\(instruction.location) \(problem): '\(snippet)'")
  }

  /// The first of `tokens` in `text`, or with `angleBar` any `<|name|>`.
  static func specialToken(in text: String, tokens: [String], angleBar: Bool, hasAngle: Bool, hasBracket: Bool) -> String? {
    for token in tokens {
      guard let first = token.utf8.first else { continue }
      if (first == 0x3C && !hasAngle) || (first == 0x5B && !hasBracket) { continue }
      if text.contains(token) { return token }
    }
    guard angleBar, hasAngle else { return nil }
    var copy = text
    return copy.withUTF8 { bytes -> String? in
      var i = 0
      while i + 4 < bytes.count {
        if bytes[i] == 0x3C && bytes[i + 1] == 0x7C {
          var j = i + 2
          while j < bytes.count && j - i < 48 {
            let b = bytes[j]
            let isName = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D
            if !isName { break }
            j += 1
          }
          if j > i + 2, j + 1 < bytes.count, bytes[j] == 0x7C, bytes[j + 1] == 0x3E {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[i...(j + 1)]), as: UTF8.self)
          }
        }
        i += 1
      }
      return nil
    }
  }

  // MARK: - Dataset-wide checks

  private func finishFile(path: String, role: DatasetRole, state: FileState) {
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
