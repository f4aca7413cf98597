import Foundation

/// `dataprep build`: sources to a checked, ready-to-train dataset folder, calling each stage's
/// library type in turn (extract with redact and filter per document, dedup, instruct, dedup
/// against the previous build, split, leakage, validate) and writing the splits, a dataset card, the reports and a manifest.
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
  /// Makes the chat client of the recipe's `generator:` section (the CLI gives its own); `nil`:
  /// a recipe with that section cannot be built.
  public var chatClient: (@Sendable (RecipeGenerator) throws -> any ChatCompleting)?

  /// Clusters of each dedup stage shown side by side in the report.
  static let duplicateSamplesPerStage = 8
  /// Leaks shown side by side in the report.
  static let leakSampleLimit = 12
  /// The similarity at which examples are duplicates: 1, equal text or equal shingle sets.
  /// Examples of one document share its text, so near-duplicate matching would take a title
  /// example for a copy of the summary example; near copies are removed at the document stage.
  static let exampleDedupThreshold = 1.0

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
      // The extract step's part is the build's documents.
      let url = URL(fileURLWithPath: path)
      let name = url.deletingLastPathComponent().lastPathComponent == "extract" ? "documents.jsonl" : url.lastPathComponent
      throw BuildError.cannotWrite(
        path: output, reason: "writing \(name) failed: \(reason); the previous folder, if any, is unchanged")
    }
  }

  /// The files of one build: a working folder for the intermediate JSONL of each stage, and
  /// the folder installed as the output at the end (the local build's `out` inside its working
  /// folder next to the output; a plan's steps keep theirs in the plan's `work` folder).
  struct Workspace {
    /// The working folder.
    var work: String
    /// The folder installed as the output.
    var out: String
    /// The extract step's parts and markers.
    var extractParts: String { work + "/extract" }
    /// Extracted documents, when the extract parts are joined into one file.
    var documents: String { work + "/documents.jsonl" }
    /// Documents without site furniture.
    var cleanDocuments: String { work + "/documents.clean.jsonl" }
    /// Documents left by dedup (a plan's finish step reads the prepare step's).
    var keptDocuments: String
    /// Examples made by instruct.
    var examples: String { work + "/examples.jsonl" }
    /// Examples left by dedup.
    var keptExamples: String { work + "/examples.kept.jsonl" }
    /// The split of the new examples.
    var split: String { work + "/split" }

    /// The files under `work`, the output assembled in `out`.
    init(work: String, out: String) {
      self.work = work
      self.out = out
      keptDocuments = work + "/documents.kept.jsonl"
    }
  }

  /// What the passes share: the mode, the counter and where things are.
  struct Context {
    var mode: OutputFolder.Mode
    var tokenizer: TokenizerSelection
    var splitNames: [String]
    var files: Workspace
    var sourceNames: SourceNames
    /// The previous build's splits, read on an incremental build.
    var previousSplits: [String]
  }

  /// One stage's progress line and counts.
  typealias StageReport = (message: String, counts: JSONValue)

  /// The event of `stage` finishing with `report`.
  static func event(_ stage: BuildStage, _ report: StageReport) -> BuildEvent {
    let index = (BuildStage.allCases.firstIndex(of: stage) ?? 0) + 1
    return BuildEvent(
      stage: stage, index: index, total: BuildStage.allCases.count, message: report.message,
      counts: report.counts.objectValue ?? JSONObject())
  }

  /// The one-process build: the steps of a plan (``BuildStep``) in turn, one shard of the whole
  /// for the sharded ones, in a working folder next to the output.
  private func runStages(onEvent: (BuildEvent) -> Void) throws -> BuildResult {
    let start = try begin()
    let folder = OutputFolder(path: output)
    let work = try folder.makeWorkFolder()
    defer { folder.removeWorkFolder(work) }
    let files = Workspace(work: work, out: work + "/out")
    _ = try extractShard(.whole, listing: start.listing, folder: files.extractParts, fingerprint: "local", force: true)
    var result = BuildResult(recipe: recipe)
    let (reports, _) = try prepareDocuments(
      listing: start.listing, parts: try ShardPartsMerger(paths: [files.extractParts]), files: files, dedup: true, into: &result)
    onEvent(Self.event(.sources, sourcesReport(result, mode: start.mode, tokenizerWarning: start.tokenizer.warning)))
    for (stage, report) in reports { onEvent(Self.event(stage, report)) }
    try finishDataset(start: start, files: files, examples: .documents, into: &result, onEvent: onEvent)
    return result
  }

  /// What a build checks and decides before any work: the sources listed, the output folder's
  /// mode, the tokenizer.
  struct Start {
    var listing: BuildSourceListing
    var mode: OutputFolder.Mode
    var tokenizer: TokenizerSelection
  }

  /// Checks the sources, the output and the recipe; lists the sources (unless `listing` is
  /// given); decides the mode.
  func begin(listing: BuildSourceListing? = nil) throws -> Start {
    try checkSourcesAndOutput()
    let listing = try listing ?? BuildSourceListing.make(sources: recipe.sources)
    try InstructOptions(format: recipe.format, tasks: recipe.tasks).check()
    let tokenizer = try tokenizerSelection()
    let mode = try outputMode()
    return Start(listing: listing, mode: mode, tokenizer: tokenizer)
  }

  /// The recipe's tokenizer; the default (o200k_base, bundled) falls back to the character
  /// estimate, which the report names, when a binary was copied without its rank files.
  func tokenizerSelection() throws -> TokenizerSelection {
    try TokenizerSelection.resolve(recipe.tokenizer == TokenizerLocator.defaultName ? nil : recipe.tokenizer, fallback: .characterEstimate)
  }

  /// Where the finish step's examples come from.
  enum ExampleSource {
    /// The kept documents, instructed and deduplicated in this process (the local build: each
    /// example rendered once, no candidates written and read back).
    case documents
    /// `files.keptExamples`, made by a plan's instruct, examples and example dedup steps, whose
    /// counts are in the result already.
    case deduplicated
  }

  /// The previous build's splits that example dedup compares with: those of the output folder
  /// on an incremental build, none on a fresh one.
  func previousSplits(mode: OutputFolder.Mode) -> [String] {
    mode == .incremental ? recipe.splitNames.map { "\(output)/\($0).jsonl" } : []
  }

  /// The output folder's mode (fresh or incremental), as ``begin(listing:)`` decides it.
  func outputMode() throws -> OutputFolder.Mode {
    try OutputFolder(path: output).mode(settings: recipe.settingsJSON, splitNames: recipe.splitNames, force: force)
  }

  /// Instruct and example dedup (from `examples`), split, leakage, validate and the reports, on
  /// the documents kept in `files`; then the folder installed. `result` holds what the earlier steps found.
  /// - Parameter beforeInstall: called with the finished `out` folder and the result just before it replaces
  ///   the output (a plan's finish step notes what it installs, so a rerun knows it happened).
  func finishDataset(
    start: Start, files: Workspace, examples: ExampleSource, into result: inout BuildResult, onEvent: (BuildEvent) -> Void,
    beforeInstall: (String, BuildResult) throws -> Void = { _, _ in }
  ) throws {
    let splitNames = recipe.splitNames
    if start.mode == .incremental { try checkSourcesUnchanged(result.sources) }
    result.tokenCounterName = start.tokenizer.counter.name
    result.incremental = start.mode == .incremental
    result.splitNames = splitNames
    let context = Context(
      mode: start.mode, tokenizer: start.tokenizer, splitNames: splitNames, files: files,
      sourceNames: SourceNames(sources: recipe.sources),
      previousSplits: previousSplits(mode: start.mode))
    if case .documents = examples {
      onEvent(Self.event(.instruct, try instruct(context, into: &result)))
      onEvent(Self.event(.dedupExamples, try dedupExamples(context, into: &result)))
    }
    onEvent(Self.event(.split, try split(context, into: &result)))
    onEvent(Self.event(.leakage, try checkLeakage(context, into: &result)))
    onEvent(Self.event(.validate, try validate(context, into: &result)))
    try writeReports(context, into: &result)
    try beforeInstall(files.out, result)
    try OutputFolder(path: output).install(files.out)
    onEvent(Self.event(.write, (
      "wrote \(output): \(splitNames.indices.map { "\(splitNames[$0]).jsonl \(result.finalCounts[$0])" }.joined(separator: ", ")); \(result.verdict)",
      ["examples": .integer(Int64(result.finalCounts.reduce(0, +))), "problems": .bool(result.hasProblems)])))
  }

  /// Refuses an incremental build whose sources include a file the previous build read with
  /// other content (SHA-256 as its manifest lists it): the build only adds examples, so the
  /// file's earlier examples would stay beside its new ones.
  /// - Throws: ``BuildError/sourcesEditedSinceBuild(path:changed:)``.
  func checkSourcesUnchanged(_ sources: [SourceFile]) throws {
    let manifest = try OutputFolder(path: output).readManifest()
    var previous: [String: String] = [:]
    for source in manifest["sources"]?.arrayValue ?? [] {
      if let path = source["path"]?.stringValue, let digest = source["sha256"]?.stringValue { previous[path] = digest }
    }
    let changed = sources.filter { source in previous[source.path].map { $0 != source.sha256 } ?? false }.map(\.path)
    if !changed.isEmpty { throw BuildError.sourcesEditedSinceBuild(path: output, changed: changed) }
  }

  // MARK: - Passes

  /// Refuses a build without sources, or whose output lies inside a source.
  func checkSourcesAndOutput() throws {
    guard !recipe.sources.isEmpty else { throw BuildError.noSources }
    for source in recipe.sources where Self.isInside(output, source) {
      throw BuildError.outputInsideSources(output: output, source: source)
    }
  }

  /// Whether `path` is `folder` or lies inside it (links resolved).
  static func isInside(_ path: String, _ folder: String) -> Bool {
    let inner = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    let outer = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
    return inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
  }

  /// The sources line: files and bytes, the mode, the tokenizer's fallback.
  func sourcesReport(_ result: BuildResult, mode: OutputFolder.Mode, tokenizerWarning: String?) -> StageReport {
    let sourceBytes = result.sources.reduce(0) { $0 + $1.bytes }
    var line = "sources: \(result.sources.count) files, \(ExtractionSummary.formatBytes(sourceBytes))"
    if mode == .incremental {
      line += "; incremental build: \(output) has the same recipe settings, its examples stay where they are"
    }
    if let warning = tokenizerWarning { line += "; " + warning }
    return (line, ["files": .integer(Int64(result.sources.count)), "bytes": .integer(Int64(sourceBytes)),
                   "incremental": .bool(mode == .incremental)])
  }

  /// Site furniture (lines recurring on many documents of the set: navigation, footers, "last
  /// updated" lines, licence notes) learned from `documents` and removed.
  func removeFurniture(_ documents: String, files: Workspace, into result: inout BuildResult) throws -> StageReport {
    var line = result.extraction.line
    if recipe.removeFurniture {
      var furnitureOptions = SiteFurnitureFilter.Options()
      furnitureOptions.limits = limits
      let furniture = try SiteFurnitureFilter(furnitureOptions).run(input: documents, output: files.cleanDocuments)
      result.furniture = furniture
      line += "; " + furniture.line
    }
    return (line, ["documents": .integer(Int64(result.extraction.documents)), "files": .integer(Int64(result.extraction.files)),
                   "skipped": .integer(Int64(result.extraction.skipped)),
                   "furniture_lines": .integer(Int64(result.furniture?.furnitureLines ?? 0)),
                   "furniture_lines_removed": .integer(Int64(result.furniture?.linesRemoved ?? 0))])
  }

  /// The dedup settings of the document stage (the recipe's threshold and shingle size).
  var documentDedupOptions: DedupOptions {
    var options = DedupOptions()
    options.threshold = recipe.dedupThreshold
    options.ngram = recipe.dedupNGram
    options.jobs = jobs
    options.limits = limits
    return options
  }

  /// Duplicate and near-duplicate documents, and partial copies, removed.
  func dedupDocuments(_ documents: String, files: Workspace, into result: inout BuildResult) throws -> StageReport {
    let input = recipe.removeFurniture ? files.cleanDocuments : documents
    let run = try Deduplicator(options: documentDedupOptions).run(input: input, output: files.keptDocuments)
    result.documentDedup = run.result.summary
    result.duplicateSamples += try samples(of: run, paths: [input], stage: "documents", names: ["documents"])
    return ("dedup documents: " + Self.line(run.result.summary), Self.counts(run.result.summary))
  }

  /// The instruct stage's options: the recipe's, with the build's token counter.
  func instructOptions(counter: TokenCounter) -> InstructOptions {
    InstructOptions(
      format: recipe.format, tasks: recipe.tasks, filter: ExampleFilter(minChars: recipe.minChars, maxChars: recipe.maxChars),
      chunkTokens: recipe.chunkTokens, tokenCounter: counter, maxTokens: recipe.maxTokens)
  }

  /// Documents to examples, instructed in this process.
  private func instruct(_ context: Context, into result: inout BuildResult) throws -> StageReport {
    let files = context.files
    let instructor = try generator(options: instructOptions(counter: context.tokenizer.counter))
    let exampleWriter = try JSONLWriter(path: files.examples)
    result.instruct = try instructor.run(try JSONLReader(path: files.keptDocuments, limits: limits), to: exampleWriter)
    try exampleWriter.finish()
    return Self.instructReport(result.instruct)
  }

  /// The instruct stage's progress line and counts.
  static func instructReport(_ summary: Instructor.Summary) -> StageReport {
    var counts = JSONObject()
    counts.append("documents", .integer(Int64(summary.documents)))
    counts.append("examples", .integer(Int64(summary.totalWritten)))
    if let model = summary.model { counts.append("generator", model.json) }
    return (summary.report.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; "), .object(counts))
  }

  /// The dedup settings of the example stage: exact copies only, no partial copies.
  var exampleDedupOptions: DedupOptions {
    var options = documentDedupOptions
    options.partial = false
    options.threshold = Self.exampleDedupThreshold
    return options
  }

  /// The names the report gives the example dedup's files: the examples, then the previous splits.
  static func exampleDedupNames(splitNames: [String]) -> [String] {
    ["examples"] + splitNames.map { "\($0).jsonl (previous build)" }
  }

  /// Duplicate examples removed, also against the previous build's splits on an incremental run.
  private func dedupExamples(_ context: Context, into result: inout BuildResult) throws -> StageReport {
    let files = context.files
    let run = try Deduplicator(options: exampleDedupOptions).run(
      input: files.examples, against: context.previousSplits, output: files.keptExamples)
    result.exampleDedup = run.result.summary
    for cluster in run.result.clusters {
      guard let kept = cluster.kept, run.table.isReference(kept) else { continue }
      for member in cluster.removed {
        if member.kind == .exact { result.alreadyPresent += 1 } else { result.duplicatesOfPrevious += 1 }
      }
    }
    result.duplicateSamples += try samples(
      of: run, paths: [files.examples] + context.previousSplits, stage: "examples",
      names: Self.exampleDedupNames(splitNames: context.splitNames), skipExactReferenceCopies: true)
    return Self.exampleDedupReport(result, incremental: context.mode == .incremental)
  }

  /// The example dedup's progress line and counts.
  static func exampleDedupReport(_ result: BuildResult, incremental: Bool) -> StageReport {
    var line = "dedup examples: " + Self.line(result.exampleDedup)
    if incremental {
      line += "; \(result.alreadyPresent) already in the dataset, \(result.duplicatesOfPrevious) duplicating it"
    }
    var counts = Self.counts(result.exampleDedup).objectValue ?? JSONObject()
    counts.append("already_present", .integer(Int64(result.alreadyPresent)))
    counts.append("duplicates_of_previous", .integer(Int64(result.duplicatesOfPrevious)))
    return (line, .object(counts))
  }

  /// The new examples split; the previous build's examples keep their side, ahead of the new
  /// ones in each final split.
  private func split(_ context: Context, into result: inout BuildResult) throws -> StageReport {
    let files = context.files
    let splitNames = context.splitNames
    var splitOptions = SplitOptions()
    splitOptions.ratios = recipe.ratios
    splitOptions.seed = recipe.seed
    splitOptions.groupBy = recipe.groupBy
    // Examples that share a passage end on the same side (their documents' groups are joined
    // before the split); leaks left after that (near duplicates) are moved to train, so the
    // leakage stage reports what remains after the repair.
    splitOptions.linkSharedPassages = true
    splitOptions.leakage.ngram = recipe.leakNGram
    splitOptions.leakage.threshold = recipe.leakThreshold
    splitOptions.checkLeakage = true
    splitOptions.leakAction = .move
    splitOptions.jobs = jobs
    splitOptions.limits = limits
    let splitResult = try Splitter(options: splitOptions).run(input: files.keptExamples, directory: files.split)
    result.addedCounts = splitResult.counts
    result.splitRepair = BuildResult.SplitRepair(
      groups: splitResult.groupsBeforeLinking, linkedSets: splitResult.linkedSets,
      largestLinkedSet: splitResult.largestLinkedSet, moved: splitResult.repaired)
    result.previousCounts = []
    result.finalCounts = []
    for (index, name) in splitNames.enumerated() {
      let file = try OutputFile(path: "\(files.out)/\(name).jsonl")
      let previous = context.previousSplits.isEmpty
        ? 0 : try Self.copyLines(from: context.previousSplits[index], to: file, limits: limits)
      let added = try Self.copyLines(from: "\(files.split)/\(name).jsonl", to: file, limits: limits)
      try file.commit()
      result.previousCounts.append(previous)
      result.finalCounts.append(previous + added)
    }
    let parts = splitNames.indices.map { i in
      "\(splitNames[i]) \(result.finalCounts[i])" + (context.mode == .incremental ? " (+\(result.addedCounts[i]))" : "")
    }
    var counts = JSONObject()
    for (i, name) in splitNames.enumerated() { counts.append(name, .integer(Int64(result.finalCounts[i]))) }
    var line = "split: " + parts.joined(separator: ", ")
    if let ratioWarning = result.ratioWarning { line += "; " + ratioWarning }
    return (line, .object(counts))
  }

  /// Leakage between the final splits.
  private func checkLeakage(_ context: Context, into result: inout BuildResult) throws -> StageReport {
    let out = context.files.out
    var leakageOptions = LeakageOptions()
    leakageOptions.ngram = recipe.leakNGram
    leakageOptions.threshold = recipe.leakThreshold
    leakageOptions.groupBy = recipe.groupPath
    leakageOptions.jobs = jobs
    leakageOptions.limits = limits
    let heldOut = context.splitNames.dropFirst().map { "\(out)/\($0).jsonl" }
    let leakage = try LeakageCheck(options: leakageOptions).run(train: "\(out)/train.jsonl", heldOut: heldOut)
    result.leakage = leakage
    result.leakSamples = try leakSamples(leakage, folder: out)
    var counts = JSONObject()
    for kind in LeakKind.allCases { counts.append(kind.rawValue, .integer(Int64(leakage.counts[kind] ?? 0))) }
    let leaks = leakage.findings.count
    return ("leakage: \(leaks) leak\(leaks == 1 ? "" : "s") in \(leakage.heldOutRecords) held-out examples", .object(counts))
  }

  /// The final splits checked with the recipe's validate settings.
  private func validate(_ context: Context, into result: inout BuildResult) throws -> StageReport {
    let out = context.files.out
    var options = recipe.validationOptions()
    options.limits = limits
    if let loaded = context.tokenizer.tokenizer {
      options.tokenizerSpecialTokens = loaded.specialTokens.keys.sorted()
    }
    let validator = DatasetValidator(
      options: options, schemaLookup: { FormatSchemas.schema(for: $0) }, tokenCounter: context.tokenizer.counter)
    for (index, name) in context.splitNames.enumerated() {
      try validator.validate(path: "\(out)/\(name).jsonl", role: index == 0 ? .training : .validation)
    }
    let report = Self.renamed(validator.finish(), folder: out)
    result.validation = report
    return ("validate: \(report.errorCount) errors, \(report.warningCount) warnings, \(report.noteCount) notes",
            ["errors": .integer(Int64(report.errorCount)), "warnings": .integer(Int64(report.warningCount)),
             "notes": .integer(Int64(report.noteCount))])
  }

  /// Statistics of each split, then the report, card and manifest written into the folder.
  private func writeReports(_ context: Context, into result: inout BuildResult) throws {
    let out = context.files.out
    let sourceOfDocument = try Self.documentSources(context.files.keptDocuments)
    var taskSamples = TaskSamples()
    for (index, name) in context.splitNames.enumerated() {
      result.statistics.append(try SplitStatistics.read(
        path: "\(out)/\(name).jsonl", name: name, counter: context.tokenizer.counter, sourceOfDocument: sourceOfDocument,
        groupBy: recipe.groupPath, onRecord: { record in if index == 0 { taskSamples.add(record, format: recipe.format) } }))
    }
    result.taskSamples = taskSamples.samples
    for (index, name) in context.splitNames.enumerated() {
      let digest = try FileDigest(path: "\(out)/\(name).jsonl")
      result.outputs.append(.init(name: "\(name).jsonl", bytes: digest.bytes, sha256: digest.sha256, records: result.finalCounts[index]))
    }
    try Self.write(BuildReportJSON.render(result), to: "\(out)/report.json", result: &result)
    try Self.write(HTMLReport.render(result), to: "\(out)/report.html", result: &result)
    try Self.write(DatasetCard.render(result), to: "\(out)/README.md", result: &result)
    try Self.writeText(BuildManifest.render(result), to: "\(out)/manifest.json")
  }

  // MARK: - Samples

  /// The first clusters of a dedup run as kept/removed pairs, texts read back from the files.
  /// - Parameter paths: the files of the run: its input, then the reference files.
  private func samples(
    of run: DedupRun, paths: [String], stage: String, names: [String], skipExactReferenceCopies: Bool = false
  ) throws -> [DuplicateSample] {
    var pairs: [SamplePair] = []
    for cluster in run.result.clusters {
      guard pairs.count < Self.duplicateSamplesPerStage, let kept = cluster.kept, let member = cluster.removed.first else { continue }
      if skipExactReferenceCopies && run.table.isReference(kept) && member.kind == .exact { continue }
      pairs.append(SamplePair(
        kind: member.kind.rawValue, similarity: member.similarity,
        kept: (Int(run.table.fileIndex[kept]), Int(run.table.lines[kept])),
        removed: (Int(run.table.fileIndex[member.record]), Int(run.table.lines[member.record]))))
    }
    return try samples(pairs, paths: paths, stage: stage, names: names)
  }

  /// One duplicate pair to show: how it matched, and the two records as file index (the input
  /// 0, then the reference files) and line.
  struct SamplePair {
    var kind: String
    var similarity: Double
    var kept: (file: Int, line: Int)
    var removed: (file: Int, line: Int)
  }

  /// The texts of `pairs` read back from `paths` (named `names`).
  func samples(_ pairs: [SamplePair], paths: [String], stage: String, names: [String]) throws -> [DuplicateSample] {
    var wanted: [Int: Set<Int>] = [:]
    for pair in pairs {
      for record in [pair.kept, pair.removed] { wanted[record.file, default: []].insert(record.line) }
    }
    var texts: [Int: [Int: RecordSample]] = [:]
    for (file, lines) in wanted {
      texts[file] = try RecordSample.read(path: paths[file], name: names[min(file, names.count - 1)], lines: lines)
    }
    return pairs.compactMap { pair in
      guard let kept = texts[pair.kept.file]?[pair.kept.line], let removed = texts[pair.removed.file]?[pair.removed.line] else { return nil }
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
  static func line(_ s: DedupSummary) -> String {
    "\(s.recordsIn) in, \(s.recordsOut) kept (\(s.exactDuplicates) exact, \(s.nearDuplicates) near, \(s.partialCopies) partial duplicates removed)"
  }

  static func counts(_ summary: DedupSummary) -> JSONValue {
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
