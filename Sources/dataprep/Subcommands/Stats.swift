import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep stats`: token-length statistics of JSONL datasets.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Token-length statistics of JSONL datasets: per record, per role, histogram, truncation.",
      discussion: """
        Counts each record as the fine-tuning services do: chat examples include the per-message \
        overhead (3 tokens per message, 1 per name, 3 priming the reply). See docs/stats.md.
        """
    )

    @Argument(help: "JSONL files to measure (`-` for stdin).")
    var files: [String]

    @OptionGroup var tokenizerOptions: TokenizerOptions

    @Option(name: .long, help: "Report how many records are longer than this many tokens.")
    var maxTokens: Int?

    @Option(name: .long, help: "Dotted path of the field to measure instead of the record's text.")
    var field: String?

    @Option(name: .customLong("output"), help: "Report format: text or json.")
    var outputFormat: ReportFormat = .text

    @Option(name: .customShort("o"), help: ArgumentHelp("Output file (`-` for stdout); with --shard, the folder of the part files.", valueName: "file"))
    var outputFile: String = "-"

    @OptionGroup var shard: ShardOptions

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
      if files.isEmpty { throw ValidationError("give at least one JSONL file") }
      if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
    }

    func run() throws {
      try OutputFile.requireDistinct(outputFile, from: files + [tokenizerOptions.tokenizer].compactMap { $0 })
      let tokenizer = try tokenizerOptions.load()
      var reader = DatasetTokenReader(field: field, jobs: common.jobs)
      reader.limits = limits.limits
      let selection = try shard.selection()
      if selection.isSharded {
        try runShard(selection.shard, reader: reader, tokenizer: tokenizer)
        return
      }
      let report = try TokenStatisticsReport.read(files, reader: reader, tokenizer: tokenizer)
      try Self.write(report, format: outputFormat, maxTokens: maxTokens, to: outputFile)
    }

    /// Writes `report` as `format` to `path` (`-`: stdout).
    static func write(_ report: TokenStatisticsReport, format: ReportFormat, maxTokens: Int?, to path: String) throws {
      let out = try OutputFile(path: path)
      switch format {
      case .text: try out.write(report.text(maxTokens: maxTokens))
      case .json: try out.write(JSONWriter().string(of: report.json(maxTokens: maxTokens)) + "\n")
      }
      try out.commit()
    }

    /// One shard: its files (`files[I::N]`, or its byte range of a single file) measured, their
    /// statistics (a count per token length) stored in the marker for `dataprep merge`.
    private func runShard(_ shard: Shard, reader: DatasetTokenReader, tokenizer: Tokenizer) throws {
      guard outputFile != "-" else { throw ValidationError("with --shard, -o names the folder of the part files") }
      var pieces: [(input: Int, statistics: TokenStatistics)] = []
      let job = ShardJob(
        stage: "stats", shard: shard, folder: outputFile, inputs: files, settings: ShardOptions.settings, force: self.shard.force)
      let outcome = try job.run({ piece, _ in
        pieces.append((piece.input, try reader.statistics(source: try piece.source(), tokenizer: tokenizer)))
        return [:]
      }, report: {
        var report = TokenStatisticsReport.shardJSON(tokenizer: tokenizer.name, names: files, pieces: pieces).objectValue ?? JSONObject()
        report.append("output", .string(outputFormat.rawValue))
        report.append("max_tokens", maxTokens.map { .integer(Int64($0)) } ?? .null)
        return .object(report)
      })
      ShardOptions.report(outcome, folder: outputFile, quiet: common.quiet)
    }
  }
}
