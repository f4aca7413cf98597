import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep split`: stable, grouped train/validation(/test) splits, checked for leakage.
  struct Split: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Split a JSONL dataset into train, validation (and test), keeping groups together.",
      discussion: """
        Writes DIR/train.jsonl, DIR/validation.jsonl (DIR/test.jsonl with three ratios) and \
        DIR/split.json; records are copied unchanged. A group's side is decided by a keyed hash of \
        (seed, group key), so adding records never moves existing ones (--exact: exact counts \
        instead). The result is then checked for leakage (see `dataprep leakage`); exit status 1 \
        when leaks are found and not fixed (--no-leak fixes them). See docs/split.md.
        """
    )

    @Argument(help: "The JSONL to split (`-` for stdin, stable mode only).")
    var input: String

    @Option(name: .long, help: "Share of train (0.9), or train,validation[,test] shares (0.8,0.1,0.1).")
    var ratio: String = "0.9"

    @Option(name: [.short, .customLong("output-dir")], help: "Output folder (default: the current folder).")
    var output: String = "."

    @Option(name: .long, help: "Seed of the split hash.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Dotted path of the group key (default: metadata.source_id, else the record's own text).")
    var groupBy: String?

    @Option(name: .long, help: "Dotted path of a label whose share is kept in every split (implies exact counts per label).")
    var stratifyBy: String?

    @Flag(name: .long, help: "Exact counts (groups sorted by keyed hash and cut) instead of stable hashing.")
    var exact = false

    @Option(name: .long, help: "Dotted path to the text (default group and leakage check).")
    var field: String?

    @Option(name: .long, help: "Text normalisation: none, basic, aggressive.")
    var normalize: NormalizationLevel = .basic

    @Flag(name: .customLong("no-leak"), help: "Fix leaks found after splitting (see --leak-action).")
    var noLeak = false

    @Option(name: .long, help: "With --no-leak: move leaking held-out records (and their groups) to train, or drop them.")
    var leakAction: SplitOptions.LeakAction = .move

    @Flag(name: .long, help: "Skip the leakage check.")
    var skipLeakageCheck = false

    @Option(name: .long, help: "Words in a shared passage for the leakage check.")
    var ngram: Int = 13

    @Option(name: .long, help: "Jaccard similarity for near duplicates in the leakage check.")
    var threshold: Double = 0.8

    @Flag(name: .long, help: "Accept a split that gets no records (by default an empty train, validation or test is an error).")
    var allowEmpty = false

    @OptionGroup var shard: ShardOptions

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    @OptionGroup var tokens: TokenizerOptions

    func validate() throws {
      _ = try ValidationError.reporting { try options() }
    }

    func options() throws -> SplitOptions {
      var o = SplitOptions()
      o.ratios = try SplitOptions.parseRatios(ratio)
      o.seed = seed
      o.groupBy = groupBy
      o.stratifyBy = stratifyBy
      o.exact = exact
      o.field = field
      o.normalization = normalize
      o.checkLeakage = !skipLeakageCheck
      o.leakAction = noLeak ? leakAction : .report
      o.leakage.ngram = ngram
      o.leakage.threshold = threshold
      o.overwrite = shard.force
      o.allowEmpty = allowEmpty
      o.jobs = common.jobs
      o.limits = limits.limits
      try o.leakage.validate()
      return o
    }

    func run() throws {
      for name in ["train.jsonl", "validation.jsonl", "test.jsonl", "split.json"] {
        try OutputFile.requireDistinct(URL(fileURLWithPath: output).appendingPathComponent(name).path, from: [input])
      }
      let splitOptions = try options()
      let selection = try shard.selection()
      if selection.isSharded {
        try runShard(selection.shard, options: splitOptions)
        return
      }
      let result = try Splitter(options: splitOptions).run(input: input, directory: output)
      try tell(result, options: splitOptions, directory: output)
    }

    /// What a split prints once its files are written: warnings, the summary (unless quiet),
    /// the token lines (with --tokenizer); exit status 1 when leaks remain.
    func tell(_ result: SplitResult, options splitOptions: SplitOptions, directory: String) throws {
      let stderr = FileHandle.standardError
      for warning in result.warnings { stderr.write(Data("dataprep: warning: \(warning)\n".utf8)) }
      if !common.quiet {
        stderr.write(Data(result.summary(output: directory, leakAction: splitOptions.leakAction).utf8))
      }
      if tokens.tokenizer != nil {
        // One line per split, counted as `stats` counts (chat examples with the services' overhead).
        var reader = DatasetTokenReader(jobs: common.jobs)
        reader.limits = limits.limits
        let paths = result.names.map { URL(fileURLWithPath: directory).appendingPathComponent("\($0).jsonl").path }
        let report = try TokenStatisticsReport.read(paths, names: result.names, reader: reader, tokenizer: try tokens.load())
        stderr.write(Data(report.lines.utf8))
      }
      if result.leaksRemaining > 0 { throw ExitCode(1) }
    }

    /// The name of the part holding a shard's group hashes per split.
    static let groupsOutput = "groups"

    /// One shard: its byte range of the input assigned record by record (stable mode: a
    /// group's side is its keyed hash alone), a part per split and the group hashes written
    /// into `-o`'s folder; `dataprep merge -o DIR` then writes the splits and `split.json`.
    private func runShard(_ shard: Shard, options splitOptions: SplitOptions) throws {
      let splitter = Splitter(options: splitOptions)
      let whole = splitter.settingsNeedingWholeInput
      guard whole.isEmpty else {
        throw ValidationError(
          "--shard splits each shard's records by their group's hash alone; \(whole.joined(separator: " and ")) rank groups over the whole input: run split without --shard")
      }
      var tally = SplitShardTally(sides: splitOptions.ratios.count)
      let names = splitOptions.splitNames
      let job = ShardJob(
        stage: "split", shard: shard, folder: output, inputs: [input], settings: ShardOptions.settings, force: self.shard.force)
      let outcome = try job.run({ piece, part in
        let writers = try names.map { try part.writer($0) }
        let before = writers.map(\.count)
        try splitter.assign(try piece.source(), to: writers, tally: &tally)
        var records: [String: Int] = [:]
        for (side, name) in names.enumerated() { records[name] = writers[side].count - before[side] }
        records[Self.groupsOutput] = try tally.writeGroups(to: part.output(Self.groupsOutput))
        return records
      }, report: {
        ["tally": tally.json, "arguments": .array(ShardOptions.settings.map { .string($0) }), "force": .bool(self.shard.force)]
      })
      ShardOptions.report(outcome, folder: output, quiet: common.quiet)
    }
  }
}

extension SplitOptions.LeakAction: ExpressibleByArgument {
  /// `--leak-action` takes the two repairs; reporting only is the default without `--no-leak`.
  public init?(argument: String) {
    switch argument {
    case "move": self = .move
    case "drop": self = .drop
    default: return nil
    }
  }

  public static var allValueStrings: [String] { ["move", "drop"] }
}
