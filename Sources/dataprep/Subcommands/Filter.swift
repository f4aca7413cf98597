import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep filter`: drops (or annotates) records failing quality rule sets.
  struct Filter: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Drop (or annotate) records that fail quality rules: gopher-quality, gopher-repetition, c4, fineweb, language.",
      discussion: """
        Judges each record's text (a document's `text`, an example's messages; --field PATH picks \
        another) with the rule sets named in --rules, at the published thresholds (datatrove's \
        filters). By default records failing any rule set are dropped and the rest written \
        unchanged, except that c4 rewrites a kept document's text to its kept lines (as datatrove \
        does; --set c4.rewrite=false keeps it whole); --annotate keeps every record and writes each rule set's values and verdict \
        under `metadata.quality`. Thresholds are set with --set RULESET.KEY=VALUE or the \
        `filter:` section of --config. Counts per rule and reason go to --report (JSON) and a \
        summary to stderr. See docs/filter.md.
        """
    )

    @Argument(help: "JSONL inputs (documents or examples; `-` for stdin).")
    var inputs: [String] = ["-"]

    @Option(name: .long, help: "Rule sets, comma-separated: gopher-quality, gopher-repetition, c4, fineweb, language, or all.")
    var rules: String?

    @Option(name: .shortAndLong, help: "Output JSONL (`-` for stdout); with --shard, the folder of the part files.")
    var output: String = "-"

    @Flag(name: .long, help: "Keep every record and write the values and verdicts under metadata.quality.")
    var annotate = false

    @Option(name: .long, help: "Write the reasons report (JSON: counts per rule set and reason, samples with file:line) here.")
    var report: String?

    @Option(name: .long, help: "A YAML config or recipe whose `filter:` section sets rules and thresholds.")
    var config: String?

    @Option(name: .customLong("set"), help: "Set a threshold: RULESET.KEY=VALUE (e.g. gopher-quality.min_words=30; `off` turns a rule off). Repeatable.")
    var settings: [String] = []

    @Option(name: .long, help: "Languages the language rule keeps, comma-separated ISO 639-1 codes.")
    var languages: String?

    @Option(name: .long, help: "Least language score the language rule keeps (default 0.65).")
    var minLanguageScore: Double?

    @Option(name: .long, help: "Dotted path of the field holding the text in each record.")
    var field: String?

    @OptionGroup var shard: ShardOptions

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func run() throws {
      var options = try filterOptions()
      options.jobs = common.jobs
      guard !options.rules.isEmpty else {
        throw ValidationError("name the rule sets to run with --rules (gopher-quality, gopher-repetition, c4, fineweb, language, or all)")
      }
      try OutputFile.requireDistinct(output, from: inputs)
      if let report { try OutputFile.requireDistinct(report, from: inputs) }
      let filter = QualityFilter(options: options)
      let selection = try shard.selection()
      if selection.isSharded {
        try runShard(selection.shard, filter: filter)
        return
      }
      let writer = JSONLWriter(try OutputFile(path: output))
      let result = try filter.run(inputs: inputs, to: writer, limits: limits.limits)
      try writer.finish()
      try Self.finish(result, options: options, report: report, quiet: common.quiet)
    }

    /// Writes the reasons report (when `report` names a file) and the summary on stderr: the
    /// end of a run, and of `dataprep merge` of its shards.
    static func finish(_ result: FilterReport, options: QualityFilterOptions, report: String?, quiet: Bool) throws {
      if let report {
        let out = try OutputFile(path: report)
        try out.write(JSONWriter().string(of: result.json(rules: options.rules, annotated: options.annotate)) + "\n")
        try out.commit()
      }
      if !quiet {
        FileHandle.standardError.write(Data(("dataprep filter: " + result.summary(rules: options.rules, annotated: options.annotate)).utf8))
      }
    }

    /// One shard: its share of the inputs filtered into `-o`'s folder as a part; each piece's
    /// report (counts and samples), the rule sets and the `--report` path in the marker, for
    /// `dataprep merge` to write what one process writes.
    private func runShard(_ shard: Shard, filter: QualityFilter) throws {
      guard output != "-" else { throw ValidationError("with --shard, -o names the folder of the part files") }
      var pieces: [JSONValue] = []
      let options = filter.options
      let job = ShardJob(
        stage: "filter", shard: shard, folder: output, inputs: inputs, settings: ShardOptions.settings, force: self.shard.force)
      let outcome = try job.run({ piece, part in
        var result = FilterReport()
        try filter.run(source: try piece.source(), to: try part.writer(), limits: limits.limits, report: &result)
        pieces.append([
          "input": .integer(Int64(piece.input)), "start": .integer(Int64(piece.range?.start ?? 0)),
          "report": result.json(rules: options.rules, annotated: options.annotate),
        ])
        return [ShardPart.mainOutput: result.written]
      }, report: {
        [
          "rules": .array(options.rules.map { .string($0.rawValue) }), "annotate": .bool(options.annotate),
          "samples_per_reason": .integer(Int64(options.samplesPerReason)), "report": report.map(JSONValue.string) ?? .null,
          "pieces": .array(pieces),
        ]
      })
      ShardOptions.report(outcome, folder: output, quiet: common.quiet)
    }

    /// The options from --config, then the flags (flags win).
    func filterOptions() throws -> QualityFilterOptions {
      var options = QualityFilterOptions()
      if let config {
        let text: String
        do {
          text = try String(contentsOfFile: config, encoding: .utf8)
        } catch {
          throw ValidationError("\(config): cannot read the config: \(error.localizedDescription)")
        }
        try options.apply(yaml: text, path: config)
      }
      if let rules { options.rules = try QualityFilterOptions.ruleSets(CommaList.items(rules), path: "--rules") }
      if annotate { options.annotate = true }
      if let languages { options.language.languages = CommaList.items(languages) }
      if let minLanguageScore { try options.set("language.min_score", to: minLanguageScore, path: "--min-language-score") }
      for setting in settings {
        guard let equals = setting.firstIndex(of: "=") else {
          throw ValidationError("--set \(setting): expected RULESET.KEY=VALUE (e.g. gopher-quality.min_words=30)")
        }
        try options.set(String(setting[..<equals]), to: String(setting[setting.index(after: equals)...]), path: "--set")
      }
      options.field = field
      return options
    }
  }
}
