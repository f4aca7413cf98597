import ArgumentParser
import DataPrep
import Foundation

extension BuildPlan.Executor: ExpressibleByArgument {}
extension BuildStep: ExpressibleByArgument {}

#if canImport(Glibc)
  import Glibc
#endif

extension DataPrepCommand {
  /// `dataprep build`: sources to a checked, ready-to-train dataset folder with a report.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a checked, ready-to-train dataset folder from raw sources, with a report.",
      discussion: """
        Runs extract, redact (secrets, emails and phone numbers masked by default; the recipe's \
        redact:), filter (off by default; the recipe's filter:), dedup, instruct, dedup, split, \
        leakage and validate, and writes DIR as a \
        Hugging Face dataset repository: train.jsonl, validation.jsonl (test.jsonl with three \
        ratios), README.md (dataset card), report.html, report.json and manifest.json. \
        Settings come from the recipe (--config, default ./dataprep.yaml when present; see \
        `dataprep init`); flags override it. Re-running into DIR with the same settings is an \
        incremental build: existing examples stay on their side, new duplicates are removed. \
        A DIR that is not such a build is refused unless --force. Exit status 1 when the \
        dataset has validation errors or leaks. See docs/build.md. \
        With --executor slurm or kubernetes, writes a plan folder (--plan, default DIR.plan) \
        whose steps run as job arrays of --task-count tasks and give the same folder; each task runs \
        `dataprep build --plan PLAN --step NAME`. See docs/scale-out.md.
        """
    )

    @Argument(help: "Source files and folders (default: the recipe's `sources`).")
    var sources: [String] = []

    @Option(name: [.short, .customLong("output")], help: "The dataset folder to write.")
    var output: String?

    @Option(name: .long, help: "The recipe (YAML). Default: ./dataprep.yaml when it exists.")
    var config: String?

    @Option(name: .long, help: "Example format (\(ExampleFormat.names.joined(separator: ", "))).")
    var format: ExampleFormat?

    @Option(name: .long, help: "Comma-separated instruct tasks (\(InstructTask.names.joined(separator: ", "))).")
    var tasks: String?

    @Option(name: .long, help: "Train share (0.9), or train,validation,test shares (0.8,0.1,0.1).")
    var ratio: String?

    @Option(name: .long, help: "Seed of the split hash.")
    var seed: UInt64?

    @Option(name: .long, help: "Dotted path of the split group key (default: metadata.source_id).")
    var groupBy: String?

    @Option(name: .long, help: "The longest example in tokens (validate, histogram line).")
    var maxTokens: Int?

    @Option(name: .long, help: "Jaccard similarity of near duplicates (dedup).")
    var dedupThreshold: Double?

    @Option(name: .long, help: "Where the steps run: local (this process), slurm (batch scripts) or kubernetes (Indexed Jobs).")
    var executor: BuildPlan.Executor = .local

    @Option(name: .long, help: "Tasks of each sharded step of a slurm or kubernetes plan (its job array's size).")
    var taskCount: Int?

    @Option(name: .long, help: "The plan folder (default: DIR.plan); with --step, the plan to run a step of.")
    var plan: String?

    @Flag(name: .long, help: "Run the plan's submit.sh (slurm) or run.sh (kubernetes) once written.")
    var submit = false

    @Option(name: .long, help: "Run one step of --plan (\(BuildStep.names.joined(separator: ", "))); the shard comes from --shard or the scheduler.")
    var step: BuildStep?

    @Option(name: .customLong("sbatch-option"), parsing: .unconditionalSingleValue, help: "An #SBATCH option added to every Slurm script (repeatable), e.g. --partition=cpu.")
    var sbatchOptions: [String] = []

    @Option(name: .long, help: "Kubernetes: the container image, with dataprep on its PATH.")
    var image = BuildPlan.KubernetesSettings().image

    @Option(name: .long, help: "Kubernetes: the PersistentVolumeClaim holding the sources, the plan and the output.")
    var volumeClaim = BuildPlan.KubernetesSettings().volumeClaim

    @Option(name: .long, help: "Kubernetes: where the pods mount the claim (the paths of the plan must lie under it).")
    var mountPath = BuildPlan.KubernetesSettings().mountPath

    @Option(name: .long, help: "Kubernetes: retries of a failed index.")
    var backoffLimitPerIndex = BuildPlan.KubernetesSettings().backoffLimitPerIndex

    @OptionGroup var shard: ShardOptions

    @Option(name: .long, help: "Progress format on stderr: text (a line per stage) or json (an object per stage event).")
    var logFormat: ReportFormat = .text

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
      if step != nil {
        guard plan != nil else { throw ValidationError("--step runs a step of a plan: give --plan PLAN") }
        guard sources.isEmpty, output == nil, config == nil, format == nil, tasks == nil, taskCount == nil, ratio == nil, seed == nil,
          groupBy == nil, maxTokens == nil, dedupThreshold == nil, executor == .local, !submit
        else { throw ValidationError("--step reads the build from its plan: give only --plan, --step, --shard, --jobs and --force") }
        return
      }
      guard output != nil else { throw ValidationError("missing -o DIR, the dataset folder to write") }
      if shard.shard != nil || shard.shardCount != nil {
        throw ValidationError("--shard and --shard-count choose the shard of a plan's step: use them with --plan PLAN --step NAME")
      }
      if executor == .local {
        guard taskCount == nil, plan == nil, !submit else {
          throw ValidationError("--task-count, --plan and --submit write a plan for --executor slurm or kubernetes")
        }
      } else {
        guard let taskCount else {
          throw ValidationError("--executor \(executor.rawValue) needs --task-count N, the tasks of each sharded step")
        }
        guard taskCount >= 1, taskCount <= Shard.maximumCount else {
          throw ValidationError("--task-count must be in 1...\(Shard.maximumCount)")
        }
      }
      guard backoffLimitPerIndex >= 0 else { throw ValidationError("--backoff-limit-per-index must be 0 or more") }
      if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
      if let dedupThreshold, !(dedupThreshold > 0 && dedupThreshold <= 1) {
        throw ValidationError("--dedup-threshold must be above 0 and at most 1")
      }
    }

    /// The recipe file's settings with the flags applied.
    func recipe() throws -> BuildRecipe {
      var recipe = BuildRecipe()
      let path = config ?? (FileManager.default.fileExists(atPath: "dataprep.yaml") ? "dataprep.yaml" : nil)
      if let path { recipe = try BuildRecipe.load(path: path) }
      var overrides = RecipeOverrides()
      overrides.sources = sources
      overrides.format = format
      if let tasks { overrides.tasks = try CommaList.tasks(tasks) }
      if let ratio {
        overrides.ratios = try ValidationError.reporting { try SplitOptions.parseRatios(ratio) }
      }
      overrides.seed = seed
      overrides.groupBy = groupBy
      overrides.maxTokens = maxTokens
      overrides.dedupThreshold = dedupThreshold
      return recipe.applying(overrides)
    }

    func run() throws {
      let progress = BuildProgressPrinter(format: logFormat, quiet: common.quiet, isTerminal: isatty(2) == 1)
      if let step, let plan {
        try runStep(step, plan: plan, progress: progress)
        return
      }
      var pipeline = BuildPipeline(recipe: try recipe(), output: output ?? "", jobs: common.jobs, force: shard.force)
      pipeline.limits = limits.limits
      let folder = output ?? ""
      pipeline.chatClient = { section in try Instruct.makeChatClient(ModelEndpoint(section, output: folder)).client }
      if executor != .local {
        try writePlan(pipeline)
        return
      }
      let result = try pipeline.run { progress.print($0) }
      if result.hasProblems { throw ExitCode(1) }
    }

    /// One step of a plan, as the shard the flag or the scheduler gives.
    private func runStep(_ step: BuildStep, plan folder: String, progress: BuildProgressPrinter) throws {
      let plan = try BuildPlan.read(folder: folder)
      let outcome = try plan.run(
        step, selection: try shard.selection(), force: shard.force, jobs: common.jobs, onEvent: { progress.print($0) })
      if !common.quiet {
        let name = step.isSharded ? "step \(step.rawValue) shard \(try shard.selection().shard)" : "step \(step.rawValue)"
        let line = outcome.skipped ? "\(name) already done in \(plan.folder); --force runs it again" : "\(name) done"
        FileHandle.standardError.write(Data((line + "\n").utf8))
      }
      if outcome.hasProblems { throw ExitCode(1) }
    }

    /// Writes the plan folder (and submits it with --submit).
    private func writePlan(_ pipeline: BuildPipeline) throws {
      var plan = BuildPlan(pipeline: pipeline, executor: executor, tasks: taskCount ?? 1, folder: self.plan, binary: Self.binaryPath)
      plan.slurm.options = sbatchOptions
      plan.kubernetes.image = image
      plan.kubernetes.volumeClaim = volumeClaim
      plan.kubernetes.mountPath = mountPath
      plan.kubernetes.backoffLimitPerIndex = backoffLimitPerIndex
      let written = try plan.write()
      let runner = plan.folder + (executor == .slurm ? "/submit.sh" : "/run.sh")
      if !common.quiet {
        var text = "wrote the \(executor.rawValue) plan \(plan.folder) (\(plan.tasks) tasks per sharded step):\n"
        for path in written { text += "  \(path)\n" }
        if !submit { text += "run it: \(runner)\n" }
        FileHandle.standardError.write(Data(text.utf8))
      }
      guard submit else { return }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = [runner]
      try process.run()
      process.waitUntilExit()
      if process.terminationStatus != 0 {
        FileHandle.standardError.write(Data("dataprep: error: \(runner) failed (exit \(process.terminationStatus))\n".utf8))
        throw ExitCode(2)
      }
    }

    /// The absolute path of this binary, which the Slurm scripts call.
    private static var binaryPath: String {
      if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
      return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
    }
  }
}

/// Writes build events to stderr: a line per stage (with a bar on a terminal), or one JSON
/// object per event with `--log-format json`; nothing with `--quiet`.
struct BuildProgressPrinter {
  var format: ReportFormat
  var quiet: Bool
  var isTerminal: Bool

  func print(_ event: BuildEvent) {
    let line: String
    switch format {
    case .json:
      line = JSONWriter().string(of: event.json)
    case .text:
      if quiet { return }
      if isTerminal {
        let width = 16
        let filled = width * event.index / max(1, event.total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        line = "\(bar) \(event.index)/\(event.total) \(event.message)"
      } else {
        line = "[\(event.index)/\(event.total)] \(event.message)"
      }
    }
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}

