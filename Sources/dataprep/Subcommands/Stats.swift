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

    @Option(name: .customShort("o"), help: ArgumentHelp("Output file (`-` for stdout).", valueName: "file"))
    var outputFile: String = "-"

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
      let report = try TokenStatisticsReport.read(files, reader: reader, tokenizer: tokenizer)
      let out = try OutputFile(path: outputFile)
      switch outputFormat {
      case .text: try out.write(report.text(maxTokens: maxTokens))
      case .json: try out.write(JSONWriter().string(of: report.json(maxTokens: maxTokens)) + "\n")
      }
      try out.commit()
    }
  }
}
