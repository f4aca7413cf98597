extension BuildPipeline {
  /// What a plan's dedup steps deduplicate: the documents (the recipe's threshold, partial
  /// copies) or the examples (exact copies, also against the previous build).
  enum DedupTarget: Sendable {
    case documents
    case examples

    /// The name the report gives the stage's samples.
    var stage: String { self == .documents ? "documents" : "examples" }
  }

  /// Dedup's settings for `target`.
  func dedupOptions(_ target: DedupTarget) -> DedupOptions {
    target == .documents ? documentDedupOptions : exampleDedupOptions
  }

  /// One sharded dedup stage (signatures, candidates, filter) of `target` as `shard`, its parts
  /// in `folder`, named by `fingerprint` (the plan's step); a shard done before is skipped
  /// unless `force`.
  func dedupStage(_ job: DedupJob, of target: DedupTarget, shard: Shard, folder: String, fingerprint: String, force: Bool) throws -> DedupJobOutcome {
    try Deduplicator(options: dedupOptions(target)).run(
      job, output: folder, stage: DedupStageSettings(shard: shard, settings: ["build=" + fingerprint], force: force))
  }

  /// A plan's dedup clusters step: the clusters of the candidate pairs in `pairs` (signatures in
  /// `signatures`), the decisions written to `folder`; the summary and the first clusters'
  /// samples, read back from `paths` (the input, then the reference files), into `result` as
  /// the local build's dedup of `target` fills them.
  /// - Parameter previousSplits: the reference files of example dedup (an incremental build).
  func dedupClusters(
    of target: DedupTarget, signatures: String, pairs: String, folder: String, input: String, previousSplits: [String],
    fingerprint: String, into result: inout BuildResult
  ) throws -> StageReport {
    // Always run: the step's own marker decides whether it is done, and the samples need the clusters.
    let outcome = try dedupStage(
      .clusters(signatures: signatures, pairs: pairs), of: target, shard: .whole, folder: folder, fingerprint: fingerprint, force: true)
    let summary = outcome.summary ?? DedupSummary()
    let paths = [input] + previousSplits
    func place(_ record: Int) -> (file: Int, line: Int)? {
      guard let label = outcome.labels[record] else { return nil }
      guard let reference = label.referenceFile else { return (0, Int(label.line)) }
      return paths.firstIndex(of: reference).map { ($0, Int(label.line)) }
    }
    var samplePairs: [SamplePair] = []
    for cluster in outcome.clusters {
      guard let kept = cluster.kept else { continue }
      let keptIsReference = outcome.labels[kept]?.referenceFile != nil
      if target == .examples && keptIsReference {
        for member in cluster.removed {
          if member.kind == .exact { result.alreadyPresent += 1 } else { result.duplicatesOfPrevious += 1 }
        }
      }
      guard samplePairs.count < Self.duplicateSamplesPerStage, let member = cluster.removed.first else { continue }
      // As the local build: an example made again that the previous build holds is no duplicate to show.
      if target == .examples && keptIsReference && member.kind == .exact { continue }
      guard let keptPlace = place(kept), let removedPlace = place(member.record) else { continue }
      samplePairs.append(SamplePair(kind: member.kind.rawValue, similarity: member.similarity, kept: keptPlace, removed: removedPlace))
    }
    let names = target == .documents ? ["documents"] : Self.exampleDedupNames(splitNames: recipe.splitNames)
    result.duplicateSamples += try samples(samplePairs, paths: paths, stage: target.stage, names: names)
    switch target {
    case .documents:
      result.documentDedup = summary
      return ("dedup documents: " + Self.line(summary), Self.counts(summary))
    case .examples:
      result.exampleDedup = summary
      return Self.exampleDedupReport(result, incremental: !previousSplits.isEmpty)
    }
  }
}
