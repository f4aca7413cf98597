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

    @Option(name: .long, help: "Write the report to this file instead of stdout; with --shard, the folder of the part files.")
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

    @OptionGroup var shard: ShardOptions

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
      guard !files.isEmpty || !train.isEmpty || !validation.isEmpty else { throw ValidationError("give at least one FILE to check") }
      if let maxErrors, maxErrors < 1 { throw ValidationError("--max-errors must be at least 1") }
      if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
    }

    func run() throws {
      try OutputFile.requireDistinct(reportFile, from: files + validation + [config, schema].compactMap { $0 })
      let check = validationRun()
      let selection = try shard.selection()
      if selection.isSharded {
        try runShard(selection.shard, check: check)
        return
      }
      let report = try check.run(warn: Self.warn)
      try write(report, to: reportFile)
    }

    /// The run the flags describe.
    func validationRun() -> ValidationRun {
      var check = ValidationRun()
      (check.files, check.training, check.validation) = (files, train, validation)
      (check.configPath, check.schema, check.tokenizer) = (config, schema, tokenizerOptions.tokenizer)
      (check.maxFindingsPerCheck, check.maxTokens, check.maxFileMegabytes) = (maxErrors, maxTokens, maxFileMb)
      (check.groupBy, check.limits, check.jobs) = (groupBy, limits.limits, common.jobs)
      return check
    }

    /// Shows a warning of the run on stderr.
    static func warn(_ warning: String) {
      FileHandle.standardError.write(Data("dataprep validate: \(warning)\n".utf8))
    }

    /// Writes `report` in the `--output` style to `path` (`-`: stdout); exit status 1 when it fails.
    func write(_ report: ValidationReport, to path: String) throws {
      let renderer = ValidationReportRenderer(style: output, strict: strict)
      let out = try OutputFile(path: path)
      try out.write(renderer.render(report))
      try out.commit()
      if report.failed(strict: strict) { throw ExitCode(1) }
    }

    /// One shard: its files (`files[I::N]` of the files in the order checked, or its byte range
    /// of a single file) checked record by record, each record's findings and cross-record data
    /// written as events (a part per file piece), the counts in the marker; `dataprep merge`
    /// replays them into the report one process writes.
    private func runShard(_ shard: Shard, check: ValidationRun) throws {
      guard reportFile != "-" else { throw ValidationError("with --shard, --report-file names the folder of the part files") }
      let files = check.checkedFiles
      var validator: DatasetValidator?
      var pieces: [JSONValue] = []
      let job = ShardJob(
        stage: "validate", shard: shard, folder: reportFile, inputs: files.map(\.path),
        // The config, schema and tokenizer files shape the findings: a change to them is a new job too.
        settings: ShardOptions.settings
          + ["read=" + ShardPart.fingerprint(stage: "read", count: 1, settings: [], inputs: [config, schema, tokenizerOptions.tokenizer].compactMap { $0 })],
        force: self.shard.force)
      let outcome = try job.run({ piece, part in
        let shardValidator = try validator ?? check.validator(warn: Self.warn)
        validator = shardValidator
        var startFormat: DatasetFormat?
        if let range = piece.range, range.start > 0 { startFormat = try shardValidator.format(of: piece.path, before: range.start) }
        let name = Self.eventsOutput(piece.input)
        let summary = try shardValidator.validateShardPiece(
          source: try piece.source(), role: files[piece.input].role, startFormat: startFormat, events: try part.output(name))
        pieces.append(["input": .integer(Int64(piece.input)), "start": .integer(Int64(piece.range?.start ?? 0)), "summary": summary.json])
        return [name: summary.events]
      }, report: {
        [
          "arguments": .array(ShardOptions.settings.map { .string($0) }), "pieces": .array(pieces),
          "groups": validator?.groupTallies ?? ["training": [:], "validation": [:]],
        ]
      })
      ShardOptions.report(outcome, folder: reportFile, quiet: common.quiet)
    }

    /// The name of the part holding the record events of the file at `input`.
    static func eventsOutput(_ input: Int) -> String { "events-\(input)" }
  }
}

extension ValidationReportRenderer.Style: ExpressibleByArgument {}
