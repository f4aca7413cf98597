import Foundation

extension BuildPipeline {
  /// The `extract` step of one shard: digests `files[I::N]` of the listing and extracts
  /// `inputs[I::N]` into a part in `folder`, documents named as the local build names them
  /// (relative to their source), with one marker piece per input so that the parts join back in
  /// listing order. A shard already done for `fingerprint` is skipped unless `force`.
  /// - Throws: ``ShardError`` for a folder of another job; the stages' errors.
  func extractShard(
    _ shard: Shard, listing: BuildSourceListing, folder: String, fingerprint: String, force: Bool
  ) throws -> ShardJob.Outcome {
    let part = ShardPart(folder: folder, stage: BuildStep.extract.stage, shard: shard, fingerprint: fingerprint)
    if case .done(let marker) = try part.prepare(force: force) { return .skipped(marker) }
    let names = SourceNames(sources: recipe.sources)
    var sources: [JSONValue] = []
    for position in shard.positions(of: listing.files.count) {
      let path = listing.files[position].path
      let digest = try FileDigest(path: path)
      sources.append(["position": .integer(Int64(position)), "path": .string(names.name(of: path)),
                      "bytes": .integer(Int64(digest.bytes)), "sha256": .string(digest.sha256)])
    }
    let positions = Array(shard.positions(of: listing.inputs.count))
    var options = ExtractOptions(htmlContent: recipe.htmlContent)
    options.limits = limits
    let extraction = ExtractionRun(inputs: positions.map { listing.inputs[$0].input }, options: options, jobs: jobs)
    try extraction.validateOptions()
    var screen = try DocumentScreen(recipe: recipe, environment: ProcessInfo.processInfo.environment)
    let writer = try part.writer()
    var pieces: [ShardMarker.Piece] = []
    var failures: [JSONValue] = []
    var inInput = 0
    var extracted = 0
    // The run reports an input's failure, then its end, after its documents, in input order.
    let summary = try extraction.run(
      onFailure: { failure in
        failures.append(["input": .integer(Int64(positions[pieces.count])), "message": .string(failure.message)])
      },
      onProgress: { _ in
        pieces.append(ShardMarker.Piece(input: positions[pieces.count], start: 0, records: [ShardPart.mainOutput: inInput]))
        inInput = 0
        extracted = 0
      }
    ) { document in
      // Named relative to their source folder, so ids, groups and wordings do not depend on
      // how the folder was spelled; then redacted and filtered (the build's redact and filter stages).
      let renamed = names.renamed(document)
      extracted += 1
      guard case .object(let object) = renamed.jsonValue,
        let kept = screen.screen(object, source: renamed.source, position: positions[pieces.count], number: extracted)
      else { return }
      try writer.write(.object(kept))
      inInput += 1
    }
    let report: JSONValue = [
      "extraction": BuildState.json(of: summary), "failures": .array(failures), "sources": .array(sources),
      "screen": BuildState.json(of: screen),
    ]
    return .finished(try part.commit(pieces: pieces, report: report))
  }

  /// The `prepare` step: the extract parts joined in listing order (read in place when there
  /// is one), their counts, failures and digests gathered into `result`, then site furniture
  /// removed, and with `dedup` (the local build) duplicate documents removed into
  /// `files.keptDocuments`.
  /// - Returns: the reports of the extract (and document dedup) stages, and the documents
  ///   dedup reads (a plan's dedup steps read them after this step).
  func prepareDocuments(
    listing: BuildSourceListing, parts: ShardPartsMerger, files: Workspace, dedup: Bool, into result: inout BuildResult
  ) throws -> (reports: [(BuildStage, StageReport)], dedupInput: String) {
    let documents: String
    if parts.count == 1, let path = parts.path(of: ShardPart.mainOutput, shard: 0) {
      documents = path
    } else {
      let file = try OutputFile(path: files.documents)
      try parts.merge(ShardPart.mainOutput, into: file)
      try file.commit()
      documents = files.documents
    }
    try gather(parts, listing: listing, into: &result)
    let extract = try removeFurniture(documents, files: files, into: &result)
    let stages: [(BuildStage, StageReport)] = [(.extract, extract), (.redact, Self.redactReport(result)), (.filter, Self.filterReport(result))]
    let input = recipe.removeFurniture ? files.cleanDocuments : documents
    guard dedup else { return (stages, input) }
    let dedupReport = try dedupDocuments(input, files: files, into: &result)
    return (stages + [(.dedupDocuments, dedupReport)], input)
  }

  /// The `instruct` step of one shard: the candidates of each document in `documents` (the
  /// documents its dedup-filter shard kept, which start at byte `start` of the deduplicated
  /// input), one line each, into a part in `folder`; the `finish` step resolves the parts in
  /// input order into the examples one process writes. A shard already done for `fingerprint`
  /// is skipped unless `force`.
  /// - Throws: ``ShardError`` for a folder of another job; the instruct stage's errors.
  func instructShard(
    _ shard: Shard, documents: String, start: Int, folder: String, fingerprint: String, force: Bool
  ) throws -> ShardJob.Outcome {
    let part = ShardPart(folder: folder, stage: BuildStep.instruct.stage, shard: shard, fingerprint: fingerprint)
    if case .done(let marker) = try part.prepare(force: force) { return .skipped(marker) }
    let instructor = Instructor(options: instructOptions(counter: try tokenizerSelection().counter))
    let writer = try part.writer()
    // The shard starting the input knows every title before its documents: one title variant.
    let read = try instructor.writeCandidates(try JSONLReader(path: documents, limits: limits), to: writer, startsInput: start == 0)
    let piece = ShardMarker.Piece(input: 0, start: start, records: [ShardPart.mainOutput: writer.count])
    return .finished(try part.commit(pieces: [piece], report: ["documents": .integer(Int64(read))]))
  }

  /// The `examples` step: the candidates the instruct shards wrote, resolved in input order
  /// into `path` (the examples one process writes), their counts into `result`.
  func resolveExamples(_ parts: ShardPartsMerger, to path: String, into result: inout BuildResult) throws -> StageReport {
    let instructor = Instructor(options: instructOptions(counter: try tokenizerSelection().counter))
    let writer = try JSONLWriter(path: path)
    result.instruct = try instructor.resolveCandidates({ body in try parts.forEachLine(ShardPart.mainOutput, body) }, to: writer)
    try writer.finish()
    return Self.instructReport(result.instruct)
  }

  /// The sources, extraction counts and failures of every extract shard, in listing order.
  private func gather(_ parts: ShardPartsMerger, listing: BuildSourceListing, into result: inout BuildResult) throws {
    let names = SourceNames(sources: recipe.sources)
    result.sourceNames = recipe.sources.map(names.name(of:))
    var sources: [(position: Int, file: SourceFile)] = []
    var failures: [(input: Int, message: String)] = []
    var total = ExtractionSummary()
    var screens: [BuildStateReader] = []
    for part in parts.parts {
      let path = part.folder + "/" + part.marker.shard.partStem + ".done.json"
      let report = try BuildStateReader(part.marker.report, path: path, what: "the marker's report")
      screens.append(try report.reader("screen"))
      let shard = try BuildState.extraction(try report.reader("extraction"))
      total.addShard(shard)
      for failure in try report.readers("failures") {
        failures.append((try failure.int("input"), try failure.string("message")))
      }
      for source in try report.readers("sources") {
        sources.append((try source.int("position"), SourceFile(
          path: try source.string("path"), bytes: try source.int("bytes"), sha256: try source.string("sha256"))))
      }
    }
    // What the whole listing gives, not a shard's share of it.
    total.inputs = listing.inputs.count
    total.ignored = listing.ignored
    total.linkedFolders = listing.linkedFolders
    result.extraction = total
    result.extractionFailures = failures.sorted { $0.input < $1.input }.map(\.message)
    result.sources = sources.sorted { $0.position < $1.position }.map(\.file)
    (result.redaction, result.filtering) = try BuildState.joinedScreens(screens, samplesPerReason: recipe.filter.options.samplesPerReason)
  }
}
