import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep leakage`: lists what a validation set (or an evaluation set) shares with the training set.
  struct Leakage: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find validation or evaluation records that leaked into the training set.",
      discussion: """
        Kinds of leak, each counted separately: same-group (same --group-by value on both sides), \
        exact-duplicate (equal normalised text), near-duplicate (MinHash Jaccard >= --threshold), \
        shared-passage (--ngram consecutive normalised words in common; prompts and responses of \
        instruction data checked separately). Exit status 1 when there are more than --max-leaks. \
        See docs/leakage.md.
        """
    )

    @Option(name: .long, help: "The training set (JSONL).")
    var train: String

    @Option(name: .long, parsing: .upToNextOption, help: "The validation (and test) sets (JSONL).")
    var validation: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: "External evaluation sets, JSONL or .txt (a record per paragraph), checked against train and validation.")
    var against: [String] = []

    @Option(name: .long, help: "Words in a shared passage (13 as GPT-3 and lm-eval; lower is stricter).")
    var ngram: Int = 13

    @Option(name: .long, help: "Jaccard similarity for near duplicates.")
    var threshold: Double = 0.8

    @Option(name: .long, help: "Dotted path of the group key for same-group leaks.")
    var groupBy: String = GroupKey.defaultPath

    @Option(name: .long, help: "Dotted path to the text to compare (default: document text or the turns of an example).")
    var field: String?

    @Option(name: .long, help: "Text normalisation: none, basic, aggressive.")
    var normalize: NormalizationLevel = .basic

    @Option(name: .long, help: "Kinds to check, comma-separated: same-group, exact-duplicate, near-duplicate, shared-passage (default: all).")
    var checks: String?

    @Option(name: .long, help: "Report format: text or json.")
    var output: ReportFormat = .text

    @Option(name: [.customShort("o"), .customLong("report")], help: "Write the report to this file instead of stdout; with --shard, the folder of the part files.")
    var report: String = "-"

    @Option(name: .long, help: "Exit status 1 when there are more leaks than this.")
    var maxLeaks: Int = 0

    @Option(name: .long, help: "Findings listed in the text report.")
    var limit: Int = 50

    @OptionGroup var shard: ShardOptions

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
      if validation.isEmpty && against.isEmpty { throw ValidationError("give --validation FILE and/or --against FILE") }
      guard maxLeaks >= 0 else { throw ValidationError("--max-leaks must be at least 0") }
      try ValidationError.reporting { try options().validate() }
    }

    func options() throws -> LeakageOptions {
      var o = LeakageOptions()
      o.ngram = ngram
      o.threshold = threshold
      o.groupBy = groupBy
      o.field = field
      o.normalization = normalize
      o.jobs = common.jobs
      o.limits = limits.limits
      if let checks {
        o.kinds = try Set(CommaList.items(checks).map { name in
          guard let kind = LeakKind(rawValue: name) else {
            throw ValidationError("--checks: unknown kind \(name) (same-group, exact-duplicate, near-duplicate, shared-passage)")
          }
          return kind
        })
      }
      return o
    }

    func run() throws {
      try OutputFile.requireDistinct(report, from: [train] + validation + against)
      let selection = try shard.selection()
      if selection.isSharded {
        try runShard(selection.shard)
        return
      }
      let result = try LeakageCheck(options: try options()).run(train: train, heldOut: validation, against: against)
      try Self.write(result, format: output, limit: limit, maxLeaks: maxLeaks, to: report)
    }

    /// Writes `result` as `format` to `path` (`-`: stdout); exit status 1 above `maxLeaks` leaks.
    static func write(_ result: LeakageReport, format: ReportFormat, limit: Int, maxLeaks: Int, to path: String) throws {
      let out = try OutputFile(path: path)
      switch format {
      case .text: try out.write(result.text(limit: limit))
      case .json: try out.write(JSONWriter().string(of: result.json) + "\n")
      }
      try out.commit()
      if result.findings.count > maxLeaks { throw ExitCode(1) }
    }

    /// The name of the part holding shard 0's leaks of the held-out files into `--against`.
    static let heldOutOutput = "held-out"

    /// One shard: the held-out side indexed whole, the shard's byte range of the training file
    /// scanned (shard 0 also scans the held-out files against `--against`); the leaks written
    /// as parts, the index's sizes and the report settings in the marker, for `dataprep merge`.
    private func runShard(_ shard: Shard) throws {
      guard report != "-" else { throw ValidationError("with --shard, -o/--report names the folder of the part files") }
      var summary: JSONValue = .null
      let job = ShardJob(
        stage: "leakage", shard: shard, folder: report, inputs: [train],
        // The held-out side is read whole by every shard: a change to it is a new job too.
        settings: ShardOptions.settings + ["read=" + ShardPart.fingerprint(stage: "read", count: 1, settings: [], inputs: validation + against)],
        force: self.shard.force)
      let outcome = try job.run({ piece, part in
        let scanner = try LeakageScanner(options: try options(), heldOut: validation, against: against)
        let found = try scanner.scanTraining(try piece.source())
        var records = [ShardPart.mainOutput: try Self.write(found, to: part.output())]
        var heldOut: [LeakFinding] = []
        if shard.index == 0 {
          heldOut = try scanner.scanHeldOut()
          records[Self.heldOutOutput] = try Self.write(heldOut, to: part.output(Self.heldOutOutput))
        }
        summary = scanner.report(findings: found + heldOut).shardJSON
        return records
      }, report: {
        var object = summary.objectValue ?? JSONObject()
        object.append("output", .string(output.rawValue))
        object.append("limit", .integer(Int64(limit)))
        object.append("max_leaks", .integer(Int64(maxLeaks)))
        return .object(object)
      })
      ShardOptions.report(outcome, folder: report, quiet: common.quiet)
    }

    /// Writes each finding as a JSON line; returns how many.
    private static func write(_ findings: [LeakFinding], to out: OutputFile) throws -> Int {
      let writer = JSONWriter()
      for finding in findings { try out.write(writer.string(of: finding.json) + "\n") }
      return findings.count
    }
  }
}
