import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension BuildPlan {
  /// What running one step did.
  public struct StepOutcome: Sendable, Equatable {
    /// Whether the step (or shard) had finished before and was skipped.
    public var skipped: Bool
    /// Whether the dataset has problems the exit status reports (the finish step only).
    public var hasProblems: Bool
  }

  /// Runs `step` as `selection`'s shard in the plan's folder (the folder the plan was written
  /// from becomes the current one), after checking that the sources are those listed with the
  /// plan. A shard or step already done is skipped unless `force`.
  /// - Parameter jobs: worker threads of this task.
  /// - Throws: ``BuildError`` for a wrong shard, changed sources or a step run too early;
  ///   ``ShardError`` for a folder of another job; the stages' errors.
  public func run(
    _ step: BuildStep, selection: ShardSelection, force: Bool, jobs: Int, onEvent: (BuildEvent) -> Void = { _ in }
  ) throws -> StepOutcome {
    guard FileManager.default.changeCurrentDirectoryPath(directory) else {
      throw BuildError.badPlan(
        path: planPath, reason: "the folder it was written from, \(directory), does not exist here; the tasks must see the shared file system at the same paths")
    }
    let shard = selection.shard
    if step.isSharded {
      guard shard.count == tasks else {
        throw BuildError.wrongShard(
          step: step.rawValue, shard: shard.description,
          expected: "the plan runs it as \(tasks) shards: pass --shard I/\(tasks), or run it as a task of the plan's job array")
      }
    } else if shard.count != 1 {
      throw BuildError.wrongShard(step: step.rawValue, shard: shard.description, expected: "it runs as one task (--shard 0/1 or none)")
    }
    var pipeline = self.pipeline
    pipeline.jobs = max(1, jobs)
    let digest = try planDigest()
    let listing = try BuildSourceListing.make(sources: pipeline.recipe.sources)
    if let reason = try listing.difference(from: try Self.readJSON(listingPath), path: listingPath) {
      throw BuildError.sourcesChanged(plan: folder, reason: reason)
    }
    switch step {
    case .extract:
      let outcome = try pipeline.extractShard(
        shard, listing: listing, folder: folder(of: .extract), fingerprint: fingerprint(of: .extract, digest: digest), force: force)
      if case .skipped = outcome { return StepOutcome(skipped: true, hasProblems: false) }
      return StepOutcome(skipped: false, hasProblems: false)
    case .prepare:
      return try prepare(pipeline, listing: listing, digest: digest, force: force, onEvent: onEvent)
    case .dedupSignatures, .dedupCandidates, .dedupFilter, .exampleDedupSignatures, .exampleDedupCandidates, .exampleDedupFilter:
      return try dedupShard(step, shard: shard, pipeline, digest: digest, force: force)
    case .dedupClusters, .exampleDedupClusters:
      return try dedupClusters(step, pipeline, digest: digest, force: force, onEvent: onEvent)
    case .instruct:
      let kept = try parts(of: .dedupFilter, digest: digest, before: .instruct)
      guard let documents = kept.path(of: ShardPart.mainOutput, shard: shard.index) else {
        throw BuildError.stepNotReady(
          step: step.rawValue, reason: "dedup-filter shard \(shard) lists no documents; run it again with --force")
      }
      let outcome = try pipeline.instructShard(
        shard, documents: documents,
        start: kept.parts[shard.index].marker.pieces.first?.start ?? 0, folder: folder(of: .instruct),
        fingerprint: fingerprint(of: .instruct, digest: digest), force: force)
      if case .skipped = outcome { return StepOutcome(skipped: true, hasProblems: false) }
      return StepOutcome(skipped: false, hasProblems: false)
    case .examples:
      return try examples(pipeline, digest: digest, force: force, onEvent: onEvent)
    case .finish:
      return try finish(pipeline, listing: listing, digest: digest, force: force, onEvent: onEvent)
    }
  }

  /// The four steps of one dedup in the plan, and the single-task step that writes its input.
  private struct DedupSteps {
    var target: BuildPipeline.DedupTarget
    var input: BuildStep
    var signatures: BuildStep
    var candidates: BuildStep
    var clusters: BuildStep
    var filter: BuildStep

    static let documents = DedupSteps(
      target: .documents, input: .prepare, signatures: .dedupSignatures, candidates: .dedupCandidates, clusters: .dedupClusters,
      filter: .dedupFilter)
    static let examples = DedupSteps(
      target: .examples, input: .examples, signatures: .exampleDedupSignatures, candidates: .exampleDedupCandidates,
      clusters: .exampleDedupClusters, filter: .exampleDedupFilter)

    /// The dedup `step` belongs to.
    static func of(_ step: BuildStep) -> DedupSteps {
      [documents.signatures, documents.candidates, documents.clusters, documents.filter].contains(step) ? documents : examples
    }

    /// The key of the input's path in the input step's marker.
    var inputKey: String { target == .documents ? "documents" : "examples" }
  }

  /// The file a dedup reads, named (a path) in the marker of the step that wrote it.
  private func dedupInput(_ steps: DedupSteps, digest: String, before: BuildStep) throws -> String {
    let marker = try marker(of: steps.input, digest: digest, before: before)
    guard let path = marker.outputs[steps.inputKey] else {
      throw BuildError.stepNotReady(step: before.rawValue, reason: "step \(steps.input.rawValue)'s marker names no \(steps.inputKey); run it again with --force")
    }
    return path
  }

  /// The reference files of a dedup: the previous build's splits for example dedup on an
  /// incremental build.
  private func dedupAgainst(_ steps: DedupSteps, _ pipeline: BuildPipeline, digest: String, before: BuildStep) throws -> [String] {
    steps.target == .documents ? [] : pipeline.previousSplits(mode: try recordedMode(digest: digest, before: before))
  }

  /// Whether the build adds to the output folder, as the `examples` step decided it (once: a
  /// finished plan submitted again finds its own build there, which is no previous build).
  private func recordedMode(digest: String, before: BuildStep) throws -> OutputFolder.Mode {
    let marker = try marker(of: .examples, digest: digest, before: before)
    return marker.report["incremental"]?.boolValue == true ? .incremental : .fresh
  }

  /// The folder of a dedup's decisions (dedup's own parts, apart from the step's marker).
  private func decisions(_ steps: DedupSteps) -> String { folder(of: steps.clusters) + "/decisions" }

  /// A sharded dedup step: dedup's signatures, candidates or filter stage as `shard`.
  private func dedupShard(_ step: BuildStep, shard: Shard, _ pipeline: BuildPipeline, digest: String, force: Bool) throws -> StepOutcome {
    let steps = DedupSteps.of(step)
    let job: DedupJob
    switch step {
    case steps.signatures:
      job = .signatures(
        input: try dedupInput(steps, digest: digest, before: step), against: try dedupAgainst(steps, pipeline, digest: digest, before: step))
    case steps.candidates:
      _ = try parts(of: steps.signatures, digest: digest, before: step)
      job = .candidates(signatures: folder(of: steps.signatures))
    default:
      let input = try dedupInput(steps, digest: digest, before: step)
      _ = try marker(of: steps.clusters, digest: digest, before: step)
      job = .filter(input: input, decisions: decisions(steps))
    }
    let outcome = try pipeline.dedupStage(
      job, of: steps.target, shard: shard, folder: folder(of: step), fingerprint: fingerprint(of: step, digest: digest), force: force)
    if case .skipped? = outcome.stage { return StepOutcome(skipped: true, hasProblems: false) }
    return StepOutcome(skipped: false, hasProblems: false)
  }

  /// The folder of a step's parts and marker.
  func folder(of step: BuildStep) -> String { work + "/" + step.rawValue }

  /// The fingerprint of `step`'s markers: the step, its task count and the plan's digest.
  func fingerprint(of step: BuildStep, digest: String) -> String {
    ShardPart.fingerprint(stage: step.stage, count: taskCount(of: step), settings: ["plan=\(digest)"], inputs: [])
  }

  /// A digest of `plan.json` and the source listing: what makes two plans the same.
  func planDigest() throws -> String {
    var bytes: [UInt8] = []
    for path in [planPath, listingPath] {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw BuildError.badPlan(path: path, reason: "cannot be read")
      }
      bytes += data
    }
    return Self.digest(bytes)
  }

  /// 16 hex digits of the XXH64 of `bytes`.
  static func digest(_ bytes: [UInt8]) -> String {
    let hex = String(XXH64.hash(bytes), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  static func readJSON(_ path: String) throws -> JSONValue {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BuildError.badPlan(path: path, reason: "cannot be read")
    }
    do { return try JSONParser().parse([UInt8](data)) } catch {
      throw BuildError.badPlan(path: path, reason: "not JSON (\(error))")
    }
  }

  /// The completion marker of single-task step `step` of this plan.
  private func marker(of step: BuildStep, digest: String, before: BuildStep) throws -> ShardMarker {
    let path = folder(of: step) + "/" + Shard.whole.partStem + ".done.json"
    guard FileManager.default.fileExists(atPath: path) else {
      throw BuildError.stepNotReady(step: before.rawValue, reason: "step \(step.rawValue) has not finished (no \(path)); run it first")
    }
    let marker = try ShardMarker.read(path: path)
    guard marker.fingerprint == fingerprint(of: step, digest: digest) else {
      throw BuildError.stepNotReady(step: before.rawValue, reason: "\(path) belongs to another plan; run step \(step.rawValue) again")
    }
    return marker
  }

  private func prepare(
    _ pipeline: BuildPipeline, listing: BuildSourceListing, digest: String, force: Bool, onEvent: (BuildEvent) -> Void
  ) throws -> StepOutcome {
    let part = ShardPart(
      folder: folder(of: .prepare), stage: BuildStep.prepare.stage, shard: .whole, fingerprint: fingerprint(of: .prepare, digest: digest))
    if case .done = try part.prepare(force: force) { return StepOutcome(skipped: true, hasProblems: false) }
    let parts = try parts(of: .extract, digest: digest, before: .prepare)
    let files = BuildPipeline.Workspace(work: folder(of: .prepare), out: folder(of: .prepare) + "/out")
    var result = BuildResult(recipe: pipeline.recipe)
    let (reports, input) = try pipeline.prepareDocuments(listing: listing, parts: parts, files: files, dedup: false, into: &result)
    onEvent(BuildPipeline.event(.sources, pipeline.sourcesReport(result, mode: .fresh, tokenizerWarning: nil)))
    for (stage, report) in reports { onEvent(BuildPipeline.event(stage, report)) }
    // The path, not a name: with one extract shard and no furniture filter, dedup reads the part in place.
    try part.commit(pieces: [], report: ["state": BuildState.json(of: result)], extraOutputs: ["documents": input])
    // Scratch: only the documents dedup reads are read later.
    if input != files.documents { unlink(files.documents) }
    return StepOutcome(skipped: false, hasProblems: false)
  }

  /// A dedup clusters step: dedup's clusters stage, and the summary and samples the report
  /// shows, saved in the step's marker for `finish`.
  private func dedupClusters(
    _ step: BuildStep, _ pipeline: BuildPipeline, digest: String, force: Bool, onEvent: (BuildEvent) -> Void
  ) throws -> StepOutcome {
    let steps = DedupSteps.of(step)
    let part = ShardPart(folder: folder(of: step), stage: step.stage, shard: .whole, fingerprint: fingerprint(of: step, digest: digest))
    if case .done = try part.prepare(force: force) { return StepOutcome(skipped: true, hasProblems: false) }
    let input = try dedupInput(steps, digest: digest, before: step)
    _ = try parts(of: steps.candidates, digest: digest, before: step)
    var result = BuildResult(recipe: pipeline.recipe)
    let report = try pipeline.dedupClusters(
      of: steps.target, signatures: folder(of: steps.signatures), pairs: folder(of: steps.candidates), folder: decisions(steps),
      input: input, previousSplits: try dedupAgainst(steps, pipeline, digest: digest, before: step), fingerprint: fingerprint(of: step, digest: digest), into: &result)
    onEvent(BuildPipeline.event(steps.target == .documents ? .dedupDocuments : .dedupExamples, report))
    let state = steps.target == .documents ? BuildState.documentDedupJSON(of: result) : BuildState.exampleDedupJSON(of: result)
    try part.commit(pieces: [], report: ["state": state])
    return StepOutcome(skipped: false, hasProblems: false)
  }

  /// The `examples` step: the instruct shards' candidates resolved into the examples, and
  /// instruct's counts saved in the step's marker.
  private func examples(_ pipeline: BuildPipeline, digest: String, force: Bool, onEvent: (BuildEvent) -> Void) throws -> StepOutcome {
    let part = ShardPart(
      folder: folder(of: .examples), stage: BuildStep.examples.stage, shard: .whole, fingerprint: fingerprint(of: .examples, digest: digest))
    if case .done = try part.prepare(force: force) { return StepOutcome(skipped: true, hasProblems: false) }
    let candidates = try parts(of: .instruct, digest: digest, before: .examples)
    let path = folder(of: .examples) + "/examples.jsonl"
    var result = BuildResult(recipe: pipeline.recipe)
    onEvent(BuildPipeline.event(.instruct, try pipeline.resolveExamples(candidates, to: path, into: &result)))
    // The output folder's mode, decided here for the steps after this one.
    let incremental = try pipeline.outputMode() == .incremental
    try part.commit(
      pieces: [], report: ["state": BuildState.instructJSON(of: result), "incremental": .bool(incremental)], extraOutputs: ["examples": path])
    return StepOutcome(skipped: false, hasProblems: false)
  }

  /// Every shard of sharded step `step` of this plan, done, for step `before` that joins them.
  private func parts(of step: BuildStep, digest: String, before: BuildStep) throws -> ShardPartsMerger {
    let parts: ShardPartsMerger
    do {
      parts = try ShardPartsMerger(paths: [folder(of: step)])
    } catch {
      throw BuildError.stepNotReady(step: before.rawValue, reason: "the \(step.rawValue) shards: \(error.localizedDescription)")
    }
    // Dedup's stages name their parts themselves (and check what they read); the build's own
    // steps name them by the plan.
    let owned = parts.parts.first?.marker.stage == step.stage
    guard parts.count == tasks, !owned || parts.parts.first?.marker.fingerprint == fingerprint(of: step, digest: digest) else {
      throw BuildError.stepNotReady(
        step: before.rawValue, reason: "the parts in \(folder(of: step)) belong to another plan; run step \(step.rawValue) again")
    }
    return parts
  }

  private func finish(
    _ pipeline: BuildPipeline, listing: BuildSourceListing, digest: String, force: Bool, onEvent: (BuildEvent) -> Void
  ) throws -> StepOutcome {
    let stepFolder = folder(of: .finish)
    let part = ShardPart(folder: stepFolder, stage: BuildStep.finish.stage, shard: .whole, fingerprint: fingerprint(of: .finish, digest: digest))
    if case .done(let marker) = try part.prepare(force: force) {
      return StepOutcome(skipped: true, hasProblems: marker.report["problems"]?.boolValue ?? false)
    }
    let note = stepFolder + "/installing.json"
    // A run killed after installing the folder and before its marker: the folder is this
    // plan's build; building again would take it for a previous build.
    if !force, let installed = try? Self.readJSON(note), installed["plan"]?.stringValue == digest,
      let manifest = try? FileDigest(path: pipeline.output + "/manifest.json"), manifest.sha256 == installed["manifest"]?.stringValue {
      let problems = installed["problems"]?.boolValue ?? false
      try part.commit(pieces: [], report: ["problems": .bool(problems)])
      return StepOutcome(skipped: true, hasProblems: problems)
    }
    var result = BuildResult(recipe: pipeline.recipe)
    // What the single-task steps found, in the order the local build finds it (the document
    // samples before the example samples).
    let states: [(BuildStep, (JSONValue, inout BuildResult, String) throws(BuildError) -> Void)] = [
      (.prepare, BuildState.apply), (.dedupClusters, BuildState.applyDocumentDedup), (.examples, BuildState.applyInstruct),
      (.exampleDedupClusters, BuildState.applyExampleDedup),
    ]
    for (step, apply) in states {
      let marker = try marker(of: step, digest: digest, before: .finish)
      try apply(marker.report["state"] ?? .null, &result, folder(of: step) + "/" + Shard.whole.partStem + ".done.json")
    }
    let kept = try parts(of: .dedupFilter, digest: digest, before: .finish)
    let keptExamples = try parts(of: .exampleDedupFilter, digest: digest, before: .finish)
    var start = try pipeline.begin(listing: listing)
    start.mode = try recordedMode(digest: digest, before: .finish)
    let output = OutputFolder(path: pipeline.output)
    let outWork = try output.makeWorkFolder()
    defer { output.removeWorkFolder(outWork) }
    try? FileManager.default.removeItem(atPath: stepFolder + "/split")
    let files = BuildPipeline.Workspace(work: stepFolder, out: outWork + "/out")
    // The kept documents (for the map from document id to source) and examples, each in one file.
    for (parts, path) in [(kept, files.keptDocuments), (keptExamples, files.keptExamples)] {
      let file = try OutputFile(path: path)
      try parts.merge(ShardPart.mainOutput, into: file)
      try file.commit()
    }
    try pipeline.finishDataset(start: start, files: files, examples: .deduplicated, into: &result, onEvent: onEvent) { out, built in
      let manifest = try FileDigest(path: out + "/manifest.json")
      let text = JSONWriter().string(of: [
        "plan": .string(digest), "manifest": .string(manifest.sha256), "problems": .bool(built.hasProblems)])
      try Self.writeText(text + "\n", to: note)
    }
    try part.commit(pieces: [], report: ["problems": .bool(result.hasProblems)])
    unlink(files.examples)
    unlink(files.keptExamples)
    unlink(files.keptDocuments)
    try? FileManager.default.removeItem(atPath: files.split)
    return StepOutcome(skipped: false, hasProblems: result.hasProblems)
  }
}
