import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep redact`: emails, public IPs, phone numbers, cards, IBANs and secrets out of a dataset.
  struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Replace emails, public IPs, phone numbers, card numbers, IBANs and secrets in every record.",
      discussion: """
        Reads documents or examples (JSONL) and redacts every string of every record (text, \
        sections, metadata, every message and field), ids and roles excepted. --mode mask writes \
        <EMAIL>, <IP>, <PHONE>, <CARD>, <IBAN>, <SECRET>; pseudonym a keyed-hash stand-in (the same \
        value gets the same stand-in: --key or DATAPREP_REDACT_KEY); drop-record leaves the record \
        out. Records without a finding are written unchanged. The summary (stderr) and --report \
        (JSON) give counts per kind and the file:line, field and kind of each replacement, never \
        the value. See docs/redact.md.
        """
    )

    /// The replacement modes as flags spell them.
    enum Mode: String, ExpressibleByArgument, CaseIterable {
      case mask
      case pseudonym
      case dropRecord = "drop-record"
    }

    @Argument(help: "The dataset: JSONL files, read in order (`-` for stdin; `.gz` read transparently).")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output file (`-` for stdout); with --shard, the folder of the part files.")
    var output: String = "-"

    @Option(name: .long, help: "mask (default), pseudonym or drop-record.")
    var mode: Mode = .mask

    @Option(name: .long, help: "Kinds to redact, comma-separated: email, ip, phone, card, iban, secret, or all (default).")
    var kinds: String = "all"

    @Option(name: .long, help: "The pseudonym key (default: $DATAPREP_REDACT_KEY).")
    var key: String?

    @Option(name: .long, help: "A value to leave as it is, or a pattern with * (e.g. '*@example.org'); repeatable.")
    var keep: [String] = []

    @Option(name: .long, help: "Write the JSON report (counts, file:line, field and kind of each replacement) here.")
    var report: String?

    @OptionGroup var shard: ShardOptions

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func run() throws {
      try OutputFile.requireDistinct(output, from: inputs)
      if let report { try OutputFile.requireDistinct(report, from: inputs + [output]) }
      let kinds = try PIIKind.parseList(kinds)
      let redactionMode: RedactionMode
      switch mode {
      case .mask: redactionMode = .mask
      case .dropRecord: redactionMode = .dropRecord
      case .pseudonym:
        guard let key = key ?? ProcessInfo.processInfo.environment["DATAPREP_REDACT_KEY"], !key.isEmpty else {
          throw RedactError.missingKey
        }
        redactionMode = .pseudonym(key: Array(key.utf8))
      }
      let run = RedactionRun(
        kinds: kinds, mode: redactionMode, allowlist: try PIIAllowlist(patterns: keep), jobs: common.jobs, limits: limits.limits)
      let selection = try shard.selection()
      if selection.isSharded {
        try runShard(selection.shard, run: run)
        return
      }
      let writer = try JSONLWriter(path: output)
      let reportWriter = try report.map { try RedactionReportWriter(try OutputFile(path: $0)) }
      let summary = try run.run(inputs: inputs, output: writer, report: reportWriter)
      try writer.finish()
      try reportWriter?.finish(summary)
      Self.say(summary, quiet: common.quiet)
    }

    /// The job's settings for its fingerprint without the pseudonym key, which is never
    /// written anywhere, not even hashed.
    static func settings(_ arguments: [String]) -> [String] {
      var result: [String] = []
      var skipNext = false
      for argument in arguments {
        if skipNext {
          skipNext = false
        } else if argument == "--key" {
          skipNext = true
        } else if !argument.hasPrefix("--key=") {
          result.append(argument)
        }
      }
      return result
    }

    /// The part of a shard holding its report entries, one JSON object a line.
    static let replacementsOutput = "replacements"

    /// The summary line on stderr (unless `quiet`): the end of a run, and of `dataprep merge`.
    static func say(_ summary: RedactionSummary, quiet: Bool) {
      if !quiet {
        FileHandle.standardError.write(Data("dataprep redact: \(summary.line)\n".utf8))
      }
    }

    /// One shard: its share of the inputs redacted into `-o`'s folder as a part, its report
    /// entries (file:line, field, kind) as a second part, its counts and the `--report` path in
    /// the marker, for `dataprep merge` to write what one process writes.
    private func runShard(_ shard: Shard, run: RedactionRun) throws {
      guard output != "-" else { throw ValidationError("with --shard, -o names the folder of the part files") }
      var summary = RedactionSummary()
      let job = ShardJob(
        stage: "redact", shard: shard, folder: output, inputs: inputs, settings: Self.settings(ShardOptions.settings),
        force: self.shard.force)
      let outcome = try job.run({ piece, part in
        let writer = try part.writer()
        let entries = try part.writer(Self.replacementsOutput)
        let (records, found) = (writer.count, entries.count)
        try run.run(source: try piece.source(), output: writer, summary: &summary) { entry in try entries.write(entry.json) }
        return [ShardPart.mainOutput: writer.count - records, Self.replacementsOutput: entries.count - found]
      }, report: { ["summary": summary.json, "report": report.map(JSONValue.string) ?? .null] })
      ShardOptions.report(outcome, folder: output, quiet: common.quiet)
    }
  }
}
