import Foundation

/// One `dataprep extract` run: expands the input paths, extracts every file (in parallel with
/// `jobs` workers) and delivers the documents in input order.
///
/// A file that cannot be read or parsed is reported through `onFailure` as `path: reason` and
/// the run goes on; with ``strict`` the first failure stops the run.
public struct ExtractionRun: Sendable {
  /// The paths as given: files, folders (walked recursively in sorted order), `-` for stdin.
  public var paths: [String]
  /// How inputs become documents.
  public var options: ExtractOptions
  /// Worker threads; the output is the same for every value.
  public var jobs: Int
  /// Whether the first failed input stops the run.
  public var strict: Bool

  /// A run over `paths`.
  public init(paths: [String], options: ExtractOptions = ExtractOptions(), jobs: Int = 1, strict: Bool = false) {
    self.paths = paths
    self.options = options
    self.jobs = max(1, jobs)
    self.strict = strict
  }

  /// Checks what would make every file fail: the record XPath, the field XPaths.
  /// - Throws: ``ExtractError`` naming the bad option.
  public func validateOptions() throws(ExtractError) {
    if let xpath = options.recordXPath {
      _ = try RecordPath(xpath)
    }
    for field in options.fields where !XMLRecordReader.compiles(field.xpath) {
      throw .badFieldXPath(name: field.name, xpath: field.xpath)
    }
  }

  /// Refuses an output path that is also one of the input files.
  /// - Throws: ``ExtractError/outputIsInput(path:)``.
  public func checkOutput(_ output: String) throws(ExtractError) {
    guard output != "-" else { return }
    let target = InputFiles.resolved(output)
    for entry in InputFiles(paths: paths).entries where entry.path != "-" {
      if InputFiles.resolved(entry.path) == target { throw .outputIsInput(path: output) }
    }
  }

  /// Extracts every input, calling `body` with each document in input order.
  /// - Parameters:
  ///   - onFailure: called, in input order, for each input that gave no document.
  ///   - onProgress: called after each input.
  /// - Returns: the counts; ``ExtractionSummary/stoppedByFailure`` is set when `strict` stopped the run.
  /// - Throws: what `body` throws (an output error), which stops the run.
  public func run(
    onFailure: (ExtractionFailure) -> Void = { _ in },
    onProgress: (ExtractionSummary) -> Void = { _ in },
    _ body: (Document) throws -> Void
  ) throws -> ExtractionSummary {
    let inputs = InputFiles(paths: paths)
    var summary = ExtractionSummary()
    summary.inputs = inputs.entries.count
    summary.ignored = inputs.ignored
    let entries = inputs.entries
    let options = options
    // One input with several jobs: let record mode convert its records on the spare threads.
    let parallelism = entries.count == 1 ? jobs : 1
    let pipeline = ExtractionPipeline(count: entries.count, workers: jobs) { index, emit in
      let entry = entries[index]
      if let failure = entry.failure { return .finished(bytesRead: 0, failure: failure) }
      do {
        let bytes = try InputExtractor(options: options, parallelism: parallelism).extract(path: entry.path, emit)
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
        return true
      case .finished(let bytes, let error):
        summary.bytesRead += bytes
        summary.done += 1
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

  /// Extracts every input into `writer`, one JSONL record per document.
  public func run(
    writer: JSONLWriter, onFailure: (ExtractionFailure) -> Void = { _ in },
    onProgress: (ExtractionSummary) -> Void = { _ in }
  ) throws -> ExtractionSummary {
    try run(onFailure: onFailure, onProgress: onProgress) { document throws in
      try writer.write(document.jsonValue)
    }
  }
}
