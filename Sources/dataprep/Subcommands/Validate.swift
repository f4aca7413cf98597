import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep validate`: the CI gate for fine-tuning datasets.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check fine-tuning datasets line by line (schema, content, duplicates) and as a whole (data scarcity).",
      discussion: """
        Exit status: 0 no errors (warnings allowed unless --strict), 1 errors found, 2 could not run. \
        Files named validation*.jsonl (or given with --validation) are validation data; files given \
        with --train are training data. With both, validation examples that leaked from training \
        (same or nearly the same text, a shared 13-word passage, the same metadata.source_id) are errors.
        """
    )

    @Argument(help: "JSONL files to check (`-` for stdin; `.gz` read transparently).")
    var files: [String] = []

    @Option(name: .long, help: "A built-in schema name (\(BuiltinSchemas.names.joined(separator: ", "))) or a schema file. Default: the built-in schema of the format detected from the first valid record.")
    var schema: String?

    @Option(name: .long, help: "A training file, whatever its name (checked, and checked for leakage into --validation).")
    var train: [String] = []

    @Option(name: .long, help: "A validation file (checked too; scarcity thresholds for validation apply; checked for leakage from training).")
    var validation: [String] = []

    @Option(name: .long, help: "A YAML config (`dataprep.yaml`) with thresholds and rules; flags override it.")
    var config: String?

    @Option(name: .long, help: "Report style: text, json, github or junit.")
    var output: ValidationReportRenderer.Style = .text

    @Option(name: .long, help: "Write the report to this file instead of stdout.")
    var reportFile: String = "-"

    @Option(name: .long, help: "Show at most this many findings per check (default 20; all are counted).")
    var maxErrors: Int?

    @Option(name: .long, help: "Flag examples over this many tokens, counted with --tokenizer as the services count them (default 65536).")
    var maxTokens: Int?

    @OptionGroup var tokenizerOptions: TokenizerOptions

    @Option(name: .long, help: "Flag files over this many megabytes (default 512, OpenAI's upload limit).")
    var maxFileMb: Double?

    @Option(name: .long, help: "A dotted path to a group label (e.g. metadata.task) for per-group scarcity checks.")
    var groupBy: String?

    @Flag(name: .long, help: "Fail (exit 1) on warnings too.")
    var strict = false

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
      guard !files.isEmpty || !train.isEmpty || !validation.isEmpty else { throw ValidationError("give at least one FILE to check") }
      if let maxErrors, maxErrors < 1 { throw ValidationError("--max-errors must be at least 1") }
      if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
    }

    func run() throws {
      try OutputFile.requireDistinct(reportFile, from: files + validation + [config, schema].compactMap { $0 })
      var check = ValidationRun()
      (check.files, check.training, check.validation) = (files, train, validation)
      (check.configPath, check.schema, check.tokenizer) = (config, schema, tokenizerOptions.tokenizer)
      (check.maxFindingsPerCheck, check.maxTokens, check.maxFileMegabytes) = (maxErrors, maxTokens, maxFileMb)
      (check.groupBy, check.limits, check.jobs) = (groupBy, limits.limits, common.jobs)
      let report = try check.run { warning in
        FileHandle.standardError.write(Data("dataprep validate: \(warning)\n".utf8))
      }

      let renderer = ValidationReportRenderer(style: output, strict: strict)
      let out = try OutputFile(path: reportFile)
      try out.write(renderer.render(report))
      try out.commit()
      if report.failed(strict: strict) { throw ExitCode(1) }
    }
  }
}

extension ValidationReportRenderer.Style: ExpressibleByArgument {}
