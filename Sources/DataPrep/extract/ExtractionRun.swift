import Foundation

/// One `dataprep extract` run: expands the input paths, extracts every file (in parallel with
/// `jobs` workers) and delivers the documents in input order.
///
/// A file that cannot be read or parsed is reported through `onFailure` as `path: reason` and
/// the run goes on; with ``strict`` the first failure stops the run.
public struct ExtractionRun: Sendable {
  /// The paths as given: files, folders (walked recursively in sorted order), `-` for stdin.
  /// Names that are not UTF-8 are kept as bytes (see ``InputPath``).
  public var inputs: [InputPath]
  /// The printable form of ``inputs``; setting it replaces them.
  public var paths: [String] {
    get { inputs.map(\.display) }
    set { inputs = newValue.map(InputPath.init) }
  }
  /// How inputs become documents.
  public var options: ExtractOptions
  /// Worker threads; the output is the same for every value.
  public var jobs: Int
  /// Whether the first failed input stops the run.
  public var strict: Bool

  /// A run over `paths`.
  public init(paths: [String], options: ExtractOptions = ExtractOptions(), jobs: Int = 1, strict: Bool = false) {
    self.init(inputs: paths.map(InputPath.init), options: options, jobs: jobs, strict: strict)
  }

  /// A run over `inputs`, paths that may not be UTF-8.
  public init(inputs: [InputPath], options: ExtractOptions = ExtractOptions(), jobs: Int = 1, strict: Bool = false) {
    self.inputs = inputs
    self.options = options
    self.jobs = max(1, jobs)
    self.strict = strict
  }

  /// Checks what would make every file fail: the record XPath, the field XPaths.
  /// - Throws: ``ExtractError`` naming the bad option.
  public func validateOptions() throws(ExtractError) {
    if let xpath = options.recordXPath {
      let path = try RecordPath(xpath)
      if let test = path.predicate, let problem = XMLRecordReader.xpathProblem("boolean(self::node()[\(test)])") {
        throw .unsupportedRecordPath(xpath: xpath, reason: "the predicate is not valid XPath (\(problem))")
      }
    }
    for field in options.fields {
      if let problem = XMLRecordReader.xpathProblem(field.xpath) {
        throw .badFieldXPath(name: field.name, xpath: field.xpath, reason: problem)
      }
    }
  }

  /// Refuses an output path that is also one of the input files.
  /// - Throws: ``ExtractError/outputIsInput(path:)``.
  public func checkOutput(_ output: String) throws(ExtractError) {
    guard output != "-" else { return }
    let target = InputFiles.resolved(output)
    for entry in InputFiles(inputs: inputs).entries where entry.path != "-" {
      if InputFiles.resolved(entry.path) == target { throw .outputIsInput(path: output) }
    }
  }

  /// Extracts every input, calling `body` with each document in input order.
  /// - Parameters:
  ///   - onFailure: called, in input order, for each input that gave no document.
  ///   - onProgress: called after each input.
  ///   - onNotice: called before the first document for what the folder walk passed over
  ///     and the user should know (symbolic links to folders, not followed).
  /// - Returns: the counts; ``ExtractionSummary/stoppedByFailure`` is set when `strict` stopped the run.
  /// - Throws: what `body` throws (an output error), which stops the run.
  public func run(
    onFailure: (ExtractionFailure) -> Void = { _ in },
    onProgress: (ExtractionSummary) -> Void = { _ in },
    onNotice: (String) -> Void = { _ in },
    _ body: (Document) throws -> Void
  ) throws -> ExtractionSummary {
    try run(listing: InputFiles(inputs: inputs), shard: .whole, onFailure: onFailure, onProgress: onProgress, onNotice: onNotice, body)
  }

  /// Extracts the inputs of `listing` that `shard` takes (positions `index`, `index + count`,
  /// ... of the listing), calling `body` with each document and `onInput` after each input with
  /// its position in the listing and the documents it gave, in order.
  func run(
    listing inputs: InputFiles, shard: Shard,
    onFailure: (ExtractionFailure) -> Void = { _ in },
    onProgress: (ExtractionSummary) -> Void = { _ in },
    onNotice: (String) -> Void = { _ in },
    onInput: (_ position: Int, _ documents: Int) -> Void = { _, _ in },
    _ body: (Document) throws -> Void
  ) throws -> ExtractionSummary {
    var summary = ExtractionSummary()
    summary.inputs = inputs.entries.count
    summary.ignored = inputs.ignored
    summary.linkedFolders = inputs.linkedFolders.count
    summary.fieldMatches = Array(repeating: 0, count: options.fields.count)
    for link in inputs.linkedFolders {
      onNotice("\(link): a symbolic link to a folder, not followed (name the folder itself to read it)")
    }
    let positions = Array(shard.positions(of: inputs.entries.count))
    let entries = shard.count == 1 ? inputs.entries : positions.map { inputs.entries[$0] }
    let options = options
    let lineLimit = options.limits.maximumLineBytes
    // One input with several jobs: let record mode convert its records on the spare threads.
    let parallelism = entries.count == 1 ? jobs : 1
    let pipeline = ExtractionPipeline(count: entries.count, workers: jobs) { index, emit in
      let entry = entries[index]
      if let failure = entry.failure { return .finished(bytesRead: 0, failure: failure) }
      do {
        let extractor = InputExtractor(options: options, parallelism: parallelism)
        let bytes = try extractor.extract(input: entry.input) { document in
          try DocumentLineLimit.check(document, limit: lineLimit)
          try emit(document)
        }
        return .finished(bytesRead: bytes, failure: nil)
      } catch let counted as CountedFailure {
        return .finished(bytesRead: counted.bytesRead, failure: counted.error)
      } catch {
        return .finished(bytesRead: 0, failure: error)
      }
    }
    var documentsInFile = 0
    try pipeline.run { index, event in
      switch event {
      case .document(let document):
        try body(document)
        summary.documents += 1
        documentsInFile += 1
        if document.format == "record" { countRecord(document, in: &summary) }
        return true
      case .finished(let bytes, let error):
        summary.bytesRead += bytes
        summary.done += 1
        onInput(positions[index], documentsInFile)
        defer { documentsInFile = 0 }
        if let error {
          summary.skipped += 1
          let failure = ExtractionFailure(path: entries[index].path, error: error, documentsBefore: documentsInFile)
          onFailure(failure)
          if strict {
            summary.stoppedByFailure = failure
            return false
          }
        } else {
          summary.files += 1
        }
        onProgress(summary)
        return true
      }
    }
    return summary
  }

  /// Counts a record-mode document and the fields that selected something in it (the ones
  /// present in its `metadata.fields`).
  private func countRecord(_ document: Document, in summary: inout ExtractionSummary) {
    summary.records += 1
    guard case .object(let found)? = document.metadata["fields"] else { return }
    for (index, field) in options.fields.enumerated() where found[field.name] != nil {
      summary.fieldMatches[index] += 1
    }
  }

  /// Extracts every input into `writer`, one JSONL record per document.
  public func run(
    writer: JSONLWriter, onFailure: (ExtractionFailure) -> Void = { _ in },
    onProgress: (ExtractionSummary) -> Void = { _ in }, onNotice: (String) -> Void = { _ in }
  ) throws -> ExtractionSummary {
    try run(onFailure: onFailure, onProgress: onProgress, onNotice: onNotice) { document throws in
      try writer.write(document.jsonValue)
    }
  }

  /// Why the finished run failed (exit status 1; its output must not be published), or `nil`.
  ///
  /// In order: `--strict` stopped it; no input was read to its end (tree and record mode
  /// alike: an input refused part way counts as failed); `--record` matched nothing; records
  /// matched but no `--field` selected anything in any of them.
  public func problem(in summary: ExtractionSummary) -> ExtractionProblem? {
    if let stop = summary.stoppedByFailure { return .stopped(stop) }
    if summary.files == 0 && summary.skipped > 0 { return .everyInputFailed(inputs: summary.skipped) }
    if let xpath = options.recordXPath, summary.files > 0, summary.records == 0 {
      return .recordMatchedNothing(xpath: xpath, inputs: summary.files)
    }
    if !options.fields.isEmpty, summary.records > 0, summary.fieldMatches.allSatisfy({ $0 == 0 }) {
      return .fieldsMatchedNothing(fields: options.fields.map { "\($0.name)=\($0.xpath)" }, records: summary.records)
    }
    return nil
  }

  /// Warnings about a run that did not fail: each `--field` that selected nothing in any record
  /// while others did (a misspelt path, most likely).
  public func warnings(in summary: ExtractionSummary) -> [String] {
    guard summary.records > 0, problem(in: summary) == nil else { return [] }
    return zip(options.fields, summary.fieldMatches).compactMap { field, matches in
      matches > 0
        ? nil
        : "warning: \(OptionName.naming(.field)) \(field.name)=\(field.xpath) selected nothing in any of the \(summary.records) records"
    }
  }
}
