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
    var leakAction: String = "move"

    @Flag(name: .long, help: "Skip the leakage check.")
    var skipLeakageCheck = false

    @Option(name: .long, help: "Words in a shared passage for the leakage check.")
    var ngram: Int = 13

    @Option(name: .long, help: "Jaccard similarity for near duplicates in the leakage check.")
    var threshold: Double = 0.8

    @Flag(name: .long, help: "Replace existing output files.")
    var force = false

    @Flag(name: .long, help: "Accept a split that gets no records (by default an empty train, validation or test is an error).")
    var allowEmpty = false

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    @OptionGroup var tokens: TokenizerOptions

    func validate() throws {
      guard leakAction == "move" || leakAction == "drop" else { throw ValidationError("--leak-action must be move or drop") }
      do {
        _ = try options()
      } catch let error as ValidationError {
        throw error
      } catch {
        throw ValidationError(error.localizedDescription)
      }
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
      o.leakAction = noLeak ? (leakAction == "drop" ? .drop : .move) : .report
      o.leakage.ngram = ngram
      o.leakage.threshold = threshold
      o.overwrite = force
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
      let result = try Splitter(options: try options()).run(input: input, directory: output)
      let stderr = FileHandle.standardError
      for warning in result.warnings { stderr.write(Data("dataprep: warning: \(warning)\n".utf8)) }
      if !common.quiet {
        let parts = result.names.enumerated().map { i, name in
          "\(name) \(result.counts[i]) (\(String(format: "%.4f", result.ratiosObtained[i])))"
        }
        stderr.write(Data("split \(result.total) records: \(parts.joined(separator: ", ")) -> \(output)\n".utf8))
        if let leakage = result.leakage {
          stderr.write(Data(leakage.text(limit: 20).utf8))
          if result.repaired > 0 {
            let verb = leakAction == "drop" ? "dropped" : "moved to train"
            stderr.write(Data("\(result.repaired) held-out record(s) \(verb); \(result.leaksRemaining) leak(s) remain\n".utf8))
          }
        }
      }
      if tokens.tokenizer != nil {
        try reportTokens(result, to: stderr)
      }
      if result.leaksRemaining > 0 { throw ExitCode(1) }
    }

    /// With `--tokenizer`, one line per split: its token total and length percentiles, counted as
    /// `stats` counts them (chat examples with the services' per-message overhead).
    private func reportTokens(_ result: SplitResult, to stderr: FileHandle) throws {
      let tokenizer = try tokens.load()
      let counter = ExampleTokenCounter(tokenizer: tokenizer)
      var reader = DatasetTokenReader(jobs: common.jobs)
      reader.limits = limits.limits
      for name in result.names {
        let path = URL(fileURLWithPath: output).appendingPathComponent("\(name).jsonl").path
        let summary = try reader.statistics(path: path, counter: counter).summary()
        stderr.write(Data(("\(name): \(summary.totalTokens) tokens (\(tokenizer.name)) in \(summary.records) records; "
          + "median \(summary.median), p99 \(summary.p99), max \(summary.maximum)\n").utf8))
      }
    }
  }
}
