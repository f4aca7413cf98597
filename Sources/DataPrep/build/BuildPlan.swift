import Foundation

/// A `dataprep build` written down for a cluster: the recipe with its flags applied, the
/// sources, the output, the task count and the binary to call, in a plan folder (`DIR.plan` by
/// default) that also holds a shared `work/` folder, `logs/`, and the scheduler's files (Slurm
/// batch scripts, or Kubernetes Indexed Job manifests) that run each ``BuildStep`` in turn as
/// `dataprep build --plan PLAN --step NAME`.
///
/// Every step runs in the folder the plan was written from (``directory``), so relative paths
/// mean what they meant then and the dataset is byte-identical to a local build's. The plan
/// folder, the sources and the output must be seen at the same paths by every task (a shared
/// file system; on Kubernetes, the volume mounted at ``KubernetesSettings/mountPath``).
public struct BuildPlan: Sendable {
  /// Where the steps run.
  public enum Executor: String, Sendable, CaseIterable {
    /// Every step in this process, in turn (no plan folder): the plain `dataprep build`.
    case local
    /// Slurm: one batch script per step (job arrays for the sharded steps) and `submit.sh`.
    case slurm
    /// Kubernetes: one Indexed Job manifest per step and `run.sh`.
    case kubernetes
  }

  /// What the Slurm scripts add to the plan.
  public struct SlurmSettings: Sendable, Equatable {
    /// Extra `#SBATCH` options for every step (`--partition=cpu`, `--time=2:00:00`, `--mem=8G`).
    public var options: [String] = []

    /// No extra options.
    public init() {}
  }

  /// What the Kubernetes manifests need besides the plan.
  public struct KubernetesSettings: Sendable, Equatable {
    /// The container image, with `dataprep` on its `PATH`.
    public var image = "dataprep:\(DataPrepVersion.current)"
    /// The PersistentVolumeClaim holding the sources, the plan and the output.
    public var volumeClaim = "dataprep-data"
    /// Where the pods mount the claim: the sources, the plan folder, the output and the working
    /// folder must lie under it, at the same paths as where the plan was written.
    public var mountPath = "/data"
    /// Retries of one failed index before the index counts as failed.
    public var backoffLimitPerIndex = 3

    /// The defaults.
    public init() {}
  }

  /// The build: recipe (flags applied), output, threads per task, `force`, input limits.
  public var pipeline: BuildPipeline
  /// The scheduler the files are written for.
  public var executor: Executor
  /// The tasks of each sharded step (its job array's size).
  public var tasks: Int
  /// The plan folder (absolute).
  public var folder: String
  /// The absolute path of the `dataprep` binary the Slurm scripts call.
  public var binary: String
  /// The folder the plan was written from, where every step runs.
  public var directory: String
  /// Slurm's extra options.
  public var slurm = SlurmSettings()
  /// Kubernetes' image and volume.
  public var kubernetes = KubernetesSettings()

  /// The plan file in the plan folder.
  public static let fileName = "plan.json"

  /// A plan of `pipeline` for `executor` with `tasks` tasks per sharded step, written to
  /// `folder` (default: the output's path + `.plan`), calling `binary`, run from `directory`
  /// (default: the current folder).
  public init(
    pipeline: BuildPipeline, executor: Executor, tasks: Int, folder: String? = nil, binary: String, directory: String? = nil
  ) {
    let here = directory ?? FileManager.default.currentDirectoryPath
    self.pipeline = pipeline
    self.executor = executor
    self.tasks = tasks
    self.binary = binary
    self.directory = here
    self.folder = Self.absolute(folder ?? Self.defaultFolder(output: pipeline.output), in: here)
  }

  /// `DIR.plan` for the output `DIR`.
  public static func defaultFolder(output: String) -> String {
    var path = output
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path + ".plan"
  }

  static func absolute(_ path: String, in directory: String) -> String {
    let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: directory).appendingPathComponent(path)
    return url.standardizedFileURL.path
  }

  /// The shared working folder of the steps.
  var work: String { folder + "/work" }
  /// The plan file.
  var planPath: String { folder + "/" + Self.fileName }
  /// The source listing written with the plan.
  var listingPath: String { work + "/sources.json" }
  /// Where the schedulers write the tasks' output.
  var logs: String { folder + "/logs" }

  /// The tasks step `step` runs as.
  public func taskCount(of step: BuildStep) -> Int { step.isSharded ? tasks : 1 }

  /// The arguments of one step's command, after the binary: `build --plan PLAN --step NAME --jobs J`.
  public func stepArguments(_ step: BuildStep) -> [String] {
    ["build", "--plan", folder, "--step", step.rawValue, "--jobs", String(pipeline.jobs)]
  }

  /// The file names of the steps' scheduler files: `01-extract`, `02-prepare`, ...
  func stem(of step: BuildStep) -> String {
    let number = (BuildStep.allCases.firstIndex(of: step) ?? 0) + 1
    return (number < 10 ? "0" : "") + "\(number)-\(step.rawValue)"
  }

  // MARK: - Writing

  /// Checks the build as a local run would, lists the sources, and writes the plan folder:
  /// `plan.json`, `work/sources.json`, `logs/` and the executor's files. A plan folder holding
  /// the same plan keeps its `work/` (finished shards are not run again); another plan, or
  /// `force`, starts it afresh.
  /// - Returns: the files written, scheduler files last.
  /// - Throws: ``BuildError`` for a bad build or plan folder; the stages' option errors.
  @discardableResult
  public func write() throws -> [String] {
    guard executor != .local else {
      throw BuildError.badPlan(path: planPath, reason: "the local executor runs the build in this process and writes no plan")
    }
    guard (1...Shard.maximumCount).contains(tasks) else {
      throw ShardError.outOfRange(index: 0, count: tasks)
    }
    try pipeline.requireRuleGenerator()
    let start = try pipeline.begin()
    try checkFolder()
    let writer = JSONWriter()
    let planText = writer.string(of: json) + "\n"
    let listingText = writer.string(of: start.listing.json) + "\n"
    let manager = FileManager.default
    if manager.fileExists(atPath: folder) {
      if manager.fileExists(atPath: planPath) {
        let same = (try? String(contentsOfFile: planPath, encoding: .utf8)) == planText
          && (try? String(contentsOfFile: listingPath, encoding: .utf8)) == listingText
        if !same || pipeline.force { try? manager.removeItem(atPath: work) }
      } else if !((try? manager.contentsOfDirectory(atPath: folder)) ?? []).isEmpty {
        throw BuildError.outputExists(path: folder, reason: "is not empty and holds no plan.json of a dataprep build")
      }
    }
    do {
      try manager.createDirectory(atPath: work, withIntermediateDirectories: true)
      try manager.createDirectory(atPath: logs, withIntermediateDirectories: true)
    } catch {
      throw BuildError.cannotWrite(path: folder, reason: error.localizedDescription)
    }
    var written = [planPath, listingPath]
    try Self.writeText(planText, to: planPath)
    try Self.writeText(listingText, to: listingPath)
    let files = executor == .slurm
      ? SlurmBatchScripts(plan: self).files
      : KubernetesJobManifests(plan: self, digest: Self.digest(Array((planText + listingText).utf8))).files
    for file in files {
      let path = folder + "/" + file.name
      try Self.writeText(file.text, to: path)
      if file.executable { chmod(path, 0o755) }
      written.append(path)
    }
    return written
  }

  /// Refuses a plan folder that is the output, holds it or lies inside it or a source; on
  /// Kubernetes, any path outside the mounted volume.
  private func checkFolder() throws {
    let output = Self.absolute(pipeline.output, in: directory)
    if BuildPipeline.isInside(folder, output) || BuildPipeline.isInside(output, folder) {
      throw BuildError.cannotWrite(path: folder, reason: "the plan folder must be apart from the output folder \(pipeline.output); give --plan another folder")
    }
    for source in pipeline.recipe.sources where BuildPipeline.isInside(folder, Self.absolute(source, in: directory)) {
      throw BuildError.outputInsideSources(output: folder, source: source)
    }
    guard executor == .kubernetes else { return }
    let mount = Self.absolute(kubernetes.mountPath, in: "/")
    for path in [directory, folder, output] + pipeline.recipe.sources.map({ Self.absolute($0, in: directory) })
    where !BuildPipeline.isInside(path, mount) {
      throw BuildError.outsideVolume(path: path, mountPath: mount)
    }
  }

  static func writeText(_ text: String, to path: String) throws {
    let file = try OutputFile(path: path)
    try file.write(text)
    try file.commit()
  }

  // MARK: - JSON

  /// The plan as `plan.json` holds it.
  var json: JSONValue {
    var o = JSONObject()
    o.append("tool", "dataprep")
    o.append("version", .string(DataPrepVersion.current))
    o.append("executor", .string(executor.rawValue))
    o.append("tasks", .integer(Int64(tasks)))
    o.append("steps", .array(BuildStep.allCases.map { .string($0.rawValue) }))
    o.append("binary", .string(binary))
    o.append("directory", .string(directory))
    o.append("folder", .string(folder))
    o.append("output", .string(pipeline.output))
    o.append("jobs", .integer(Int64(pipeline.jobs)))
    o.append("force", .bool(pipeline.force))
    o.append("limits", [
      "max_json_depth": .integer(Int64(pipeline.limits.maximumJSONDepth)),
      "max_entity_bytes": .integer(Int64(pipeline.limits.maximumEntityBytes)),
      "max_line_bytes": .integer(Int64(pipeline.limits.maximumLineBytes))])
    o.append("recipe", pipeline.recipe.planJSON)
    o.append("slurm", ["options": .array(slurm.options.map { .string($0) })])
    o.append("kubernetes", [
      "image": .string(kubernetes.image), "volume_claim": .string(kubernetes.volumeClaim),
      "mount_path": .string(kubernetes.mountPath),
      "backoff_limit_per_index": .integer(Int64(kubernetes.backoffLimitPerIndex))])
    return .object(o)
  }

  /// Reads the plan in `folder`.
  /// - Throws: ``BuildError/badPlan(path:reason:)`` when `plan.json` is missing, damaged or was
  ///   written by another version of dataprep.
  public static func read(folder: String) throws -> BuildPlan {
    let path = folder + "/" + fileName
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BuildError.badPlan(path: path, reason: "no plan here (cannot read it)")
    }
    let value: JSONValue
    do { value = try JSONParser().parse([UInt8](data)) } catch {
      throw BuildError.badPlan(path: path, reason: "not JSON (\(error))")
    }
    let r = try BuildStateReader(value, path: path)
    guard try r.string("tool") == "dataprep" else { throw BuildError.badPlan(path: path, reason: "not a dataprep build plan") }
    let version = try r.string("version")
    guard version == DataPrepVersion.current else {
      throw BuildError.badPlan(path: path, reason: "written by dataprep \(version), this is \(DataPrepVersion.current) (a build's steps must all run one version)")
    }
    guard let executor = Executor(rawValue: try r.string("executor")) else {
      throw BuildError.badPlan(path: path, reason: "'executor' must be slurm or kubernetes")
    }
    let limitsReader = try r.reader("limits")
    var pipeline = BuildPipeline(
      recipe: try BuildRecipe(planJSON: try r.value("recipe"), path: path), output: try r.string("output"),
      jobs: try r.int("jobs"), force: try r.bool("force"))
    pipeline.limits = InputLimits(
      maximumJSONDepth: try limitsReader.int("max_json_depth"), maximumEntityBytes: try limitsReader.int("max_entity_bytes"),
      maximumLineBytes: try limitsReader.int("max_line_bytes"))
    var plan = BuildPlan(
      pipeline: pipeline, executor: executor, tasks: try r.int("tasks"), folder: try r.string("folder"),
      binary: try r.string("binary"), directory: try r.string("directory"))
    plan.slurm.options = try r.reader("slurm").strings("options")
    let k = try r.reader("kubernetes")
    plan.kubernetes.image = try k.string("image")
    plan.kubernetes.volumeClaim = try k.string("volume_claim")
    plan.kubernetes.mountPath = try k.string("mount_path")
    plan.kubernetes.backoffLimitPerIndex = try k.int("backoff_limit_per_index")
    return plan
  }
}
