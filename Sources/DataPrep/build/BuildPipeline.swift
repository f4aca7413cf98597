import Foundation

/// `dataprep build`: sources to a checked, ready-to-train dataset folder, calling each stage's
/// library type in turn (extract, dedup, instruct, dedup against the previous build, split,
/// leakage, validate) and writing the splits, a dataset card, the reports and a manifest.
///
/// Intermediate files live in a working folder next to the output, which replaces the output
/// folder only at the end. Memory is that of the stages: dedup and leakage hold their indexes
/// (a few dozen bytes a record), the report holds counts per distinct task, source, group and
/// length, and a map from document id to source file.
public struct BuildPipeline: Sendable {
  /// The recipe, flags applied.
  public var recipe: BuildRecipe
  /// The output folder.
  public var output: String
  /// Worker threads; the output is byte-identical for every value.
  public var jobs: Int
  /// Whether an existing folder is rebuilt from scratch.
  public var force: Bool
  /// Limits on the inputs (JSON depth, XML entity budget, JSONL line length), for every stage.
  public var limits = InputLimits.standard

  /// Clusters of each dedup stage shown side by side in the report.
  static let duplicateSamplesPerStage = 8
  /// Leaks shown side by side in the report.
  static let leakSampleLimit = 12

  /// A build of `recipe` into `output`.
  public init(recipe: BuildRecipe, output: String, jobs: Int = 1, force: Bool = false) {
    self.recipe = recipe
    self.output = output
    self.jobs = max(1, jobs)
    self.force = force
  }

  /// Runs the build, calling `onEvent` after each stage.
  /// - Returns: what was built; the folder is in place when this returns.
  /// - Throws: ``BuildError`` and the stages' errors (``InputError``, ``OutputError``, ...).
  public func run(onEvent: (BuildEvent) -> Void = { _ in }) throws -> BuildResult {
    do {
      return try runStages(onEvent: onEvent)
    } catch OutputError.writeFailed(let path, let reason) {
      // A full disk fails on a working file the user never sees: name the folder they asked for.
      throw BuildError.cannotWrite(
        path: output,
        reason: "writing \(URL(fileURLWithPath: path).lastPathComponent) failed: \(reason); the previous folder, if any, is unchanged")
    }
  }

  private func runStages(onEvent: (BuildEvent) -> Void) throws -> BuildResult {
    guard !recipe.sources.isEmpty else { throw BuildError.noSources }
    let outputURL = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
    for source in recipe.sources {
      let sourceURL = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath().path
      if outputURL == sourceURL || outputURL.hasPrefix(sourceURL.hasSuffix("/") ? sourceURL : sourceURL + "/") {
        throw BuildError.outputInsideSources(output: output, source: source)
      }
    }
    try InstructOptions(format: recipe.format, tasks: recipe.tasks).check()
    let tokenCounter = try Self.tokenCounter(named: recipe.tokenizer)
    var validationOptions = try recipe.validationOptions()
    validationOptions.limits = limits
    let folder = OutputFolder(path: output)
    let splitNames = recipe.splitNames
    let mode = try folder.mode(settings: recipe.settingsJSON, splitNames: splitNames, force: force)
    var result = BuildResult(recipe: recipe)
    result.tokenCounterName = tokenCounter.name
    result.incremental = mode == .incremental
    result.splitNames = splitNames
    let stages = BuildStage.allCases.count
    func emit(_ stage: BuildStage, _ message: String, _ counts: JSONValue) {
      let index = (BuildStage.allCases.firstIndex(of: stage) ?? 0) + 1
      onEvent(BuildEvent(stage: stage, index: index, total: stages, message: message, counts: counts.objectValue ?? JSONObject()))
    }

    // Sources.
    let sourceNames = SourceNames(sources: recipe.sources)
    result.sourceNames = recipe.sources.map(sourceNames.name(of:))
    result.sources = try SourceFile.list(recipe.sources).map { file in
      var named = file
      named.path = sourceNames.name(of: file.path)
      return named
    }
    let sourceBytes = result.sources.reduce(0) { $0 + $1.bytes }
    var sourcesLine = "sources: \(result.sources.count) files, \(ExtractionSummary.formatBytes(sourceBytes))"
    if mode == .incremental {
      sourcesLine += "; incremental build: \(output) has the same recipe settings, its examples stay where they are"
    }
    emit(.sources, sourcesLine,
         ["files": .integer(Int64(result.sources.count)), "bytes": .integer(Int64(sourceBytes)), "incremental": .bool(mode == .incremental)])

    let work = try folder.makeWorkFolder()
    defer { folder.removeWorkFolder(work) }
    let out = work + "/out"

    // Extract.
    let documents = work + "/documents.jsonl"
    let documentWriter = try JSONLWriter(path: documents)
    var failures: [String] = []
    var extractOptions = ExtractOptions(htmlContent: recipe.htmlContent)
    extractOptions.limits = limits
    let extraction = ExtractionRun(paths: recipe.sources, options: extractOptions, jobs: jobs)
    try extraction.validateOptions()
    // Documents are named relative to their source folder, so ids, groups and wordings do not
    // depend on how the folder was spelled.
    result.extraction = try extraction.run(onFailure: { failures.append($0.message) }) { document in
      try documentWriter.write(sourceNames.renamed(document).jsonValue)
    }
    try documentWriter.finish()
    result.extractionFailures = failures
    // Site furniture: lines recurring on many documents of the set (navigation, footers,
    // "last updated" lines, licence notes) are learned from the documents and removed.
    var documentsForDedup = documents
    var extractLine = result.extraction.line
    if recipe.removeFurniture {
      documentsForDedup = work + "/documents.clean.jsonl"
      var furnitureOptions = SiteFurnitureFilter.Options()
      furnitureOptions.limits = limits
      let furniture = try SiteFurnitureFilter(furnitureOptions).run(input: documents, output: documentsForDedup)
      result.furniture = furniture
      extractLine += "; " + furniture.line
    }
    emit(.extract, extractLine,
         ["documents": .integer(Int64(result.extraction.documents)), "files": .integer(Int64(result.extraction.files)),
          "skipped": .integer(Int64(result.extraction.skipped)),
          "furniture_lines": .integer(Int64(result.furniture?.furnitureLines ?? 0)),
          "furniture_lines_removed": .integer(Int64(result.furniture?.linesRemoved ?? 0))])

    // Dedup documents.
    let keptDocuments = work + "/documents.kept.jsonl"
    var documentDedup = DedupOptions()
    documentDedup.threshold = recipe.dedupThreshold
    documentDedup.ngram = recipe.dedupNGram
    documentDedup.jobs = jobs
    documentDedup.limits = limits
    let documentRun = try deduplicate(input: documentsForDedup, against: [], output: keptDocuments, options: documentDedup)
    result.documentDedup = documentRun.result.summary
    result.duplicateSamples += try samples(of: documentRun, stage: "documents", names: ["documents"])
    emit(.dedupDocuments, "dedup documents: " + Self.line(documentRun.result.summary), Self.counts(documentRun.result.summary))

    // Instruct.
    let examples = work + "/examples.jsonl"
    let instructOptions = InstructOptions(
      format: recipe.format, tasks: recipe.tasks, filter: ExampleFilter(minChars: recipe.minChars, maxChars: recipe.maxChars),
      chunkTokens: recipe.chunkTokens, tokenCounter: tokenCounter, maxTokens: recipe.maxTokens)
    let exampleWriter = try JSONLWriter(path: examples)
    result.instruct = try Instructor(options: instructOptions).run(try JSONLReader(path: keptDocuments, limits: limits), to: exampleWriter)
    try exampleWriter.finish()
    emit(.instruct, result.instruct.report.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; "),
         ["documents": .integer(Int64(result.instruct.documents)), "examples": .integer(Int64(result.instruct.totalWritten))])

    // Dedup examples, against the previous build's splits on an incremental run.
    let previousSplits = mode == .incremental ? splitNames.map { "\(output)/\($0).jsonl" } : []
    let newExamples = work + "/examples.kept.jsonl"
    // Examples of one document share its text, so near-duplicate matching would take a title
    // example for a copy of the summary example; near copies are removed at the document
    // stage, and examples are matched on equal text or equal shingle sets.
    var exampleDedup = documentDedup
    exampleDedup.partial = false
    exampleDedup.threshold = 1.0
    let exampleRun = try deduplicate(input: examples, against: previousSplits, output: newExamples, options: exampleDedup)
    result.exampleDedup = exampleRun.result.summary
    for cluster in exampleRun.result.clusters {
      guard let kept = cluster.kept, exampleRun.table.isReference(kept) else { continue }
      for member in cluster.removed {
        if member.kind == .exact { result.alreadyPresent += 1 } else { result.duplicatesOfPrevious += 1 }
      }
    }
    result.duplicateSamples += try samples(
      of: exampleRun, stage: "examples", names: ["examples"] + splitNames.map { "\($0).jsonl (previous build)" },
      skipExactReferenceCopies: true)
    var dedupLine = "dedup examples: " + Self.line(exampleRun.result.summary)
    if mode == .incremental {
      dedupLine += "; \(result.alreadyPresent) already in the dataset, \(result.duplicatesOfPrevious) duplicating it"
    }
    var dedupCounts = Self.counts(exampleRun.result.summary).objectValue ?? JSONObject()
    dedupCounts.append("already_present", .integer(Int64(result.alreadyPresent)))
    dedupCounts.append("duplicates_of_previous", .integer(Int64(result.duplicatesOfPrevious)))
    emit(.dedupExamples, dedupLine, .object(dedupCounts))

    // Split the new examples; the previous build's examples keep their side.
    var splitOptions = SplitOptions()
    splitOptions.ratios = recipe.ratios
    splitOptions.seed = recipe.seed
    splitOptions.groupBy = recipe.groupBy
    // Examples that share a passage end on the same side (their documents' groups are joined
    // before the split); leaks left after that (near duplicates) are moved to train, so the
    // leakage stage below reports what remains after the repair.
    splitOptions.linkSharedPassages = true
    splitOptions.leakage.ngram = recipe.leakNGram
    splitOptions.leakage.threshold = recipe.leakThreshold
    splitOptions.checkLeakage = true
    splitOptions.leakAction = .move
    splitOptions.jobs = jobs
    splitOptions.limits = limits
    let splitResult = try Splitter(options: splitOptions).run(input: newExamples, directory: work + "/split")
    result.addedCounts = splitResult.counts
    result.splitRepair = BuildResult.SplitRepair(
      groups: splitResult.groupsBeforeLinking, linkedSets: splitResult.linkedSets,
      largestLinkedSet: splitResult.largestLinkedSet, moved: splitResult.repaired)
    result.previousCounts = []
    result.finalCounts = []
    for (index, name) in splitNames.enumerated() {
      let final = "\(out)/\(name).jsonl"
      let file = try OutputFile(path: final)
      var previous = 0
      if mode == .incremental {
        previous = try Self.copyLines(from: previousSplits[index], to: file, limits: limits)
      }
      let added = try Self.copyLines(from: "\(work)/split/\(name).jsonl", to: file, limits: limits)
      try file.commit()
      result.previousCounts.append(previous)
      result.finalCounts.append(previous + added)
    }
    let splitParts = splitNames.indices.map { i in
      "\(splitNames[i]) \(result.finalCounts[i])" + (mode == .incremental ? " (+\(result.addedCounts[i]))" : "")
    }
    var splitCounts = JSONObject()
    for (i, name) in splitNames.enumerated() { splitCounts.append(name, .integer(Int64(result.finalCounts[i]))) }
    var splitLine = "split: " + splitParts.joined(separator: ", ")
    if let ratioWarning = result.ratioWarning { splitLine += "; " + ratioWarning }
    emit(.split, splitLine, .object(splitCounts))

    // Leakage between the final splits.
    var leakageOptions = LeakageOptions()
    leakageOptions.ngram = recipe.leakNGram
    leakageOptions.threshold = recipe.leakThreshold
    leakageOptions.groupBy = recipe.groupBy ?? "metadata.source_id"
    leakageOptions.jobs = jobs
    leakageOptions.limits = limits
    let trainPath = "\(out)/train.jsonl"
    let heldOut = splitNames.dropFirst().map { "\(out)/\($0).jsonl" }
    let leakage = try LeakageCheck(options: leakageOptions).run(train: trainPath, heldOut: heldOut)
    result.leakage = leakage
    result.leakSamples = try leakSamples(leakage, folder: out)
    var leakCounts = JSONObject()
    for kind in LeakKind.allCases { leakCounts.append(kind.rawValue, .integer(Int64(leakage.counts[kind] ?? 0))) }
    emit(.leakage, "leakage: \(leakage.findings.count) leak\(leakage.findings.count == 1 ? "" : "s") in \(leakage.heldOutRecords) held-out examples", .object(leakCounts))

    // Validate.
    let validator = DatasetValidator(
      options: validationOptions, schemaLookup: { FormatSchemas.schema(for: $0) }, tokenCounter: tokenCounter)
    for (index, name) in splitNames.enumerated() {
      try validator.validate(path: "\(out)/\(name).jsonl", role: index == 0 ? .training : .validation)
    }
    result.validation = Self.renamed(validator.finish(), folder: out)
    emit(.validate, "validate: \(result.validation.errorCount) errors, \(result.validation.warningCount) warnings, \(result.validation.noteCount) notes",
         ["errors": .integer(Int64(result.validation.errorCount)), "warnings": .integer(Int64(result.validation.warningCount)),
          "notes": .integer(Int64(result.validation.noteCount))])

    // Statistics, card, reports, manifest.
    let sourceOfDocument = try Self.documentSources(keptDocuments)
    let groupBy = recipe.groupBy ?? "metadata.source_id"
    var taskSamples = TaskSamples()
    for (index, name) in splitNames.enumerated() {
      result.statistics.append(try SplitStatistics.read(
        path: "\(out)/\(name).jsonl", name: name, counter: tokenCounter, sourceOfDocument: sourceOfDocument, groupBy: groupBy,
        onRecord: { record in if index == 0 { taskSamples.add(record, format: recipe.format) } }))
    }
    result.taskSamples = taskSamples.samples
    for (index, name) in splitNames.enumerated() {
      let digest = try FileDigest(path: "\(out)/\(name).jsonl")
      result.outputs.append(.init(name: "\(name).jsonl", bytes: digest.bytes, sha256: digest.sha256, records: result.finalCounts[index]))
    }
    try Self.write(BuildReportJSON.render(result), to: "\(out)/report.json", result: &result)
    try Self.write(HTMLReport.render(result), to: "\(out)/report.html", result: &result)
    try Self.write(DatasetCard.render(result), to: "\(out)/README.md", result: &result)
    try Self.writeText(BuildManifest.render(result), to: "\(out)/manifest.json")
    try folder.install(out)
    emit(.write, "wrote \(output): \(splitNames.indices.map { "\(splitNames[$0]).jsonl \(result.finalCounts[$0])" }.joined(separator: ", ")); \(result.verdict)",
         ["examples": .integer(Int64(result.finalCounts.reduce(0, +))), "problems": .bool(result.hasProblems)])
    return result
  }

  // MARK: - Stages

  /// The recipe's tokenizer as a counter. The default (o200k_base, bundled with dataprep) falls
  /// back to the character estimate, which the report names, when its rank file cannot be found
  /// (a binary copied without its resource bundle); a tokenizer the recipe names must load.
  static func tokenCounter(named name: String) throws -> TokenCounter {
    do {
      return TokenCounter(tokenizer: try TokenizerLocator().load(name))
    } catch {
      if name == TokenizerLocator.defaultName { return .characterEstimate }
      throw error
    }
  }

  private struct DedupRun {
    var table: SketchTable
    var result: DedupResult
    var paths: [String]
  }

  private func deduplicate(input: String, against: [String], output: String, options: DedupOptions) throws -> DedupRun {
    let dedup = Deduplicator(options: options)
    let table = try dedup.sketch(input: input, against: against)
    let edges = dedup.verify(dedup.candidatePairs(table), in: table)
    let result = dedup.resolve(table, edges: edges)
    let file = try OutputFile(path: output)
    try dedup.writeKept(result, table: table, input: input, to: file)
    try file.commit()
    return DedupRun(table: table, result: result, paths: [input] + against)
  }

  /// The first clusters of a dedup run as kept/removed pairs, texts read back from the files.
  private func samples(of run: DedupRun, stage: String, names: [String], skipExactReferenceCopies: Bool = false) throws -> [DuplicateSample] {
    var pairs: [(kind: String, similarity: Double, kept: Int, removed: Int)] = []
    for cluster in run.result.clusters {
      guard pairs.count < Self.duplicateSamplesPerStage, let kept = cluster.kept, let member = cluster.removed.first else { continue }
      if skipExactReferenceCopies && run.table.isReference(kept) && member.kind == .exact { continue }
      pairs.append((member.kind.rawValue, member.similarity, kept, member.record))
    }
    var wanted: [Int: Set<Int>] = [:]
    for pair in pairs {
      for record in [pair.kept, pair.removed] {
        wanted[Int(run.table.fileIndex[record]), default: []].insert(Int(run.table.lines[record]))
      }
    }
    var texts: [Int: [Int: RecordSample]] = [:]
    for (file, lines) in wanted {
      texts[file] = try RecordSample.read(path: run.paths[file], name: names[min(file, names.count - 1)], lines: lines)
    }
    return pairs.compactMap { pair in
      let keptFile = Int(run.table.fileIndex[pair.kept])
      let removedFile = Int(run.table.fileIndex[pair.removed])
      guard let kept = texts[keptFile]?[Int(run.table.lines[pair.kept])],
            let removed = texts[removedFile]?[Int(run.table.lines[pair.removed])] else { return nil }
      return DuplicateSample(stage: stage, kind: pair.kind, similarity: pair.similarity, kept: kept, removed: removed)
    }
  }

  /// The first leaks with both records, read back from the final splits.
  private func leakSamples(_ report: LeakageReport, folder: String) throws -> [LeakSample] {
    // One finding per held-out record, so the samples show different records.
    var seen = Set<LeakRecordReference>()
    var findings: [LeakFinding] = []
    for finding in report.findings where findings.count < Self.leakSampleLimit && seen.insert(finding.heldOut).inserted {
      findings.append(finding)
    }
    var wanted: [String: Set<Int>] = [:]
    for finding in findings {
      wanted[finding.heldOut.file, default: []].insert(finding.heldOut.line)
      wanted[finding.found.file, default: []].insert(finding.found.line)
    }
    var texts: [String: [Int: RecordSample]] = [:]
    for (file, lines) in wanted {
      texts[file] = try RecordSample.read(path: file, name: URL(fileURLWithPath: file).lastPathComponent, lines: lines)
    }
    return findings.compactMap { finding in
      guard let heldOut = texts[finding.heldOut.file]?[finding.heldOut.line],
            let train = texts[finding.found.file]?[finding.found.line] else { return nil }
      return LeakSample(kind: finding.kind.rawValue, similarity: finding.similarity, passage: finding.passage, heldOut: heldOut, train: train)
    }
  }

  // MARK: - Helpers

  /// `11 in, 11 kept (0 exact, 0 near, 0 partial)`.
  private static func line(_ s: DedupSummary) -> String {
    "\(s.recordsIn) in, \(s.recordsOut) kept (\(s.exactDuplicates) exact, \(s.nearDuplicates) near, \(s.partialCopies) partial duplicates removed)"
  }

  private static func counts(_ summary: DedupSummary) -> JSONValue {
    ["in": .integer(Int64(summary.recordsIn)), "out": .integer(Int64(summary.recordsOut)),
     "exact": .integer(Int64(summary.exactDuplicates)), "near": .integer(Int64(summary.nearDuplicates)),
     "partial": .integer(Int64(summary.partialCopies))]
  }

  /// Appends the lines of `path` to `file` unchanged; returns how many.
  private static func copyLines(from path: String, to file: OutputFile, limits: InputLimits) throws -> Int {
    var count = 0
    let newline: [UInt8] = [0x0A]
    try LineReader(try ByteSource(path: path), maximumLineBytes: limits.maximumLineBytes).forEachLine { line, _ in
      guard !line.isEmpty else { return true }
      try file.write(line)
      try file.write(newline)
      count += 1
      return true
    }
    return count
  }

  /// The validation report with the working folder's paths replaced by file names.
  private static func renamed(_ report: ValidationReport, folder: String) -> ValidationReport {
    var report = report
    func name(_ path: String) -> String { path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path }
    for i in report.files.indices { report.files[i].path = name(report.files[i].path) }
    for i in report.findings.indices { report.findings[i].file = name(report.findings[i].file) }
    return report
  }

  /// Each kept document's id mapped to its `source`.
  private static func documentSources(_ path: String) throws -> [String: String] {
    var map: [String: String] = [:]
    try JSONLReader(path: path).forEachRecord { record in
      if let id = record.object["id"]?.stringValue, let source = record.object["source"]?.stringValue { map[id] = source }
      return true
    }
    return map
  }

  private static func write(_ text: String, to path: String, result: inout BuildResult) throws {
    try writeText(text, to: path)
    let digest = try FileDigest(path: path)
    result.outputs.append(.init(name: URL(fileURLWithPath: path).lastPathComponent, bytes: digest.bytes, sha256: digest.sha256, records: nil))
  }

  private static func writeText(_ text: String, to path: String) throws {
    let file = try OutputFile(path: path)
    try file.write(text)
    try file.commit()
  }
}
