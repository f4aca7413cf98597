import ArgumentParser
import DataPrep
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension DataPrepCommand {
  /// `dataprep build`: sources to a checked, ready-to-train dataset folder with a report.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a checked, ready-to-train dataset folder from raw sources, with a report.",
      discussion: """
        Runs extract, dedup, instruct, dedup, split, leakage and validate, and writes DIR as a \
        Hugging Face dataset repository: train.jsonl, validation.jsonl (test.jsonl with three \
        ratios), README.md (dataset card), report.html, report.json and manifest.json. \
        Settings come from the recipe (--config, default ./dataprep.yaml when present; see \
        `dataprep init`); flags override it. Re-running into DIR with the same settings is an \
        incremental build: existing examples stay on their side, new duplicates are removed. \
        A DIR that is not such a build is refused unless --force. Exit status 1 when the \
        dataset has validation errors or leaks. See docs/build.md.
        """
    )

    @Argument(help: "Source files and folders (default: the recipe's `sources`).")
    var sources: [String] = []

    @Option(name: [.short, .customLong("output")], help: "The dataset folder to write.")
    var output: String

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

    @Flag(name: .long, help: "Rebuild an existing folder from scratch.")
    var force = false

    @Option(name: .long, help: "Progress format on stderr: text (a line per stage) or json (an object per stage event).")
    var logFormat: ReportFormat = .text

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
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
      var pipeline = BuildPipeline(recipe: try recipe(), output: output, jobs: common.jobs, force: force)
      pipeline.limits = limits.limits
      let progress = BuildProgressPrinter(format: logFormat, quiet: common.quiet, isTerminal: isatty(2) == 1)
      let result = try pipeline.run { progress.print($0) }
      if result.hasProblems { throw ExitCode(1) }
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

