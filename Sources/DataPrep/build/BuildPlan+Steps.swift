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
    case .finish:
      return try finish(pipeline, listing: listing, digest: digest, force: force, onEvent: onEvent)
    }
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
    let parts = try extractParts(digest: digest)
    let files = BuildPipeline.Workspace(work: folder(of: .prepare), out: folder(of: .prepare) + "/out")
    var result = BuildResult(recipe: pipeline.recipe)
    let reports = try pipeline.prepareDocuments(listing: listing, parts: parts, files: files, into: &result)
    onEvent(BuildPipeline.event(.sources, pipeline.sourcesReport(result, mode: .fresh, tokenizerWarning: nil)))
    for (stage, report) in reports { onEvent(BuildPipeline.event(stage, report)) }
    let kept = URL(fileURLWithPath: files.keptDocuments).lastPathComponent
    try part.commit(pieces: [], report: ["state": BuildState.json(of: result)], extraOutputs: ["documents": kept])
    // Scratch: only the kept documents are read later.
    unlink(files.documents)
    unlink(files.cleanDocuments)
    return StepOutcome(skipped: false, hasProblems: false)
  }

  /// Every extract shard of this plan, done.
  private func extractParts(digest: String) throws -> ShardPartsMerger {
    let parts: ShardPartsMerger
    do {
      parts = try ShardPartsMerger(paths: [folder(of: .extract)])
    } catch {
      throw BuildError.stepNotReady(step: BuildStep.prepare.rawValue, reason: "the extract shards: \(error.localizedDescription)")
    }
    guard parts.count == tasks, parts.parts.first?.marker.fingerprint == fingerprint(of: .extract, digest: digest) else {
      throw BuildError.stepNotReady(
        step: BuildStep.prepare.rawValue, reason: "the parts in \(folder(of: .extract)) belong to another plan; run step extract again")
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
    let prepared = try marker(of: .prepare, digest: digest, before: .finish)
    let start = try pipeline.begin(listing: listing)
    var result = BuildResult(recipe: pipeline.recipe)
    try BuildState.apply(prepared.report["state"] ?? .null, to: &result, path: folder(of: .prepare) + "/" + Shard.whole.partStem + ".done.json")
    let output = OutputFolder(path: pipeline.output)
    let outWork = try output.makeWorkFolder()
    defer { output.removeWorkFolder(outWork) }
    try? FileManager.default.removeItem(atPath: stepFolder + "/split")
    var files = BuildPipeline.Workspace(work: stepFolder, out: outWork + "/out")
    files.keptDocuments = folder(of: .prepare) + "/" + (prepared.outputs["documents"] ?? "documents.kept.jsonl")
    try pipeline.finishDataset(start: start, files: files, into: &result, onEvent: onEvent) { out, built in
      let manifest = try FileDigest(path: out + "/manifest.json")
      let text = JSONWriter().string(of: [
        "plan": .string(digest), "manifest": .string(manifest.sha256), "problems": .bool(built.hasProblems)])
      try Self.writeText(text + "\n", to: note)
    }
    try part.commit(pieces: [], report: ["problems": .bool(result.hasProblems)])
    unlink(files.examples)
    unlink(files.keptExamples)
    try? FileManager.default.removeItem(atPath: files.split)
    return StepOutcome(skipped: false, hasProblems: result.hasProblems)
  }
}
