extension ExtractionRun {
  /// The name of a shard's side output holding its furniture counts.
  static let furnitureOutput = "furniture"

  /// Runs one shard of a sharded extraction into `folder`: the files of the listing (folders
  /// expanded, in byte order) at positions `index`, `index + count`, ... are extracted into the
  /// shard's part, one marker piece per file (its position in the listing, the documents it
  /// gave), and the counts and failure messages go into the marker's report for
  /// ``ExtractionPartsMerge``. A single input file is read whole by shard 0 (a document file
  /// cannot be cut by bytes: XML, HTML and archives are not line-aligned); the other shards
  /// write empty parts.
  ///
  /// With `furniture`, the documents are written unfiltered and the shard's furniture counts
  /// (documents per line key) are written beside them: the merge adds them up and removes the
  /// furniture the whole set has, as one process would.
  /// - Parameters:
  ///   - settings: the arguments that shape the output, part of the job's fingerprint.
  ///   - force: run even when the shard is done; clear stale parts.
  /// - Returns: whether the shard ran or had finished before.
  /// - Throws: ``ExtractionProblem/stopped(_:)`` when `strict` stopped the shard (no marker is
  ///   written); ``ExtractError/partsInsideInput(folder:input:)``; ``ShardError`` for a stale folder or standard input split N ways; ``OutputError``.
  public func runShard(
    _ shard: Shard, folder: String, settings: [String], force: Bool, furniture: SiteFurnitureFilter.Options?,
    onFailure: (ExtractionFailure) -> Void = { _ in }, onProgress: (ExtractionSummary) -> Void = { _ in },
    onNotice: (String) -> Void = { _ in }
  ) throws -> ShardJob.Outcome {
    let parts = InputFiles.resolved(folder)
    for input in self.paths where input != "-" {
      let resolved = InputFiles.resolved(input)
      if parts == resolved || parts.hasPrefix(resolved + "/") { throw ExtractError.partsInsideInput(folder: folder, input: input) }
    }
    let listing = InputFiles(inputs: inputs)
    let paths = listing.entries.map(\.path)
    if shard.count > 1, paths.contains("-") {
      throw ShardError.cannotSplit(path: "-", reason: "standard input is read by one process; give files or folders")
    }
    let job = ShardJob(stage: "extract", shard: shard, folder: folder, inputs: paths, settings: settings, force: force)
    let part = ShardPart(folder: folder, stage: job.stage, shard: shard, fingerprint: job.fingerprint)
    if case .done(let marker) = try part.prepare(force: force) { return .skipped(marker) }
    let writer = try part.writer()
    var counts = furniture.map { FurnitureCounts(minimumWords: $0.minimumWords, includesCode: $0.includesCode) }
    var pieces: [ShardMarker.Piece] = []
    var failures: [JSONValue] = []
    var notices: [String] = []
    var position = 0
    let summary = try run(
      listing: listing, shard: shard,
      onFailure: { failure in
        failures.append(["input": .integer(Int64(position)), "message": .string(failure.message)])
        onFailure(failure)
      },
      onProgress: onProgress,
      onNotice: { notice in
        notices.append(notice)
        onNotice(notice)
      },
      onInput: { input, documents in
        position = input
        pieces.append(ShardMarker.Piece(input: input, start: 0, records: [ShardPart.mainOutput: documents]))
      }
    ) { document in
      let value = document.jsonValue
      if let object = value.objectValue { counts?.add(object) }
      try writer.write(value)
    }
    if let stop = summary.stoppedByFailure { throw ExtractionProblem.stopped(stop) }
    var report = ExtractionShardReport(
      summary: summary, failures: failures, notices: notices, options: options, furniture: furniture,
      furnitureDocuments: counts?.documents ?? 0)
    if let counts {
      let sorted = counts.sortedCounts
      let file = try part.output(Self.furnitureOutput, extension: "txt")
      var line: [UInt8] = []
      for (key, documents) in sorted {
        line.removeAll(keepingCapacity: true)
        line += "\(Int64(bitPattern: key)) \(documents)\n".utf8
        try file.write(line)
      }
      report.furnitureKeys = sorted.count
    }
    return .finished(try part.commit(pieces: pieces, report: report.json))
  }
}
