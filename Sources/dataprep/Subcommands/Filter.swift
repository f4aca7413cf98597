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
        unchanged; --annotate keeps every record and writes each rule set's values and verdict \
        under `metadata.quality`. Thresholds are set with --set RULESET.KEY=VALUE or the \
        `filter:` section of --config. Counts per rule and reason go to --report (JSON) and a \
        summary to stderr. See docs/filter.md.
        """
    )

    @Argument(help: "JSONL inputs (documents or examples; `-` for stdin).")
    var inputs: [String] = ["-"]

    @Option(name: .long, help: "Rule sets, comma-separated: gopher-quality, gopher-repetition, c4, fineweb, language, or all.")
    var rules: String?

    @Option(name: .shortAndLong, help: "Output JSONL (`-` for stdout).")
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
      let writer = JSONLWriter(try OutputFile(path: output))
      let filter = QualityFilter(options: options)
      let result = try filter.run(inputs: inputs, to: writer, limits: limits.limits)
      try writer.finish()
      if let report {
        let out = try OutputFile(path: report)
        try out.write(JSONWriter().string(of: result.json(rules: options.rules, annotated: options.annotate)) + "\n")
        try out.commit()
      }
      if !common.quiet {
        FileHandle.standardError.write(Data(("dataprep filter: " + result.summary(rules: options.rules, annotated: options.annotate)).utf8))
      }
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
