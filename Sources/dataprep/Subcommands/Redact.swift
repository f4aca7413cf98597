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

    @Argument(help: "The dataset (JSONL; `-` for stdin; `.gz` read transparently).")
    var input: String

    @Option(name: .shortAndLong, help: "Output file (`-` for stdout).")
    var output: String = "-"

    @Option(name: .long, help: "mask (default), pseudonym or drop-record.")
    var mode: Mode = .mask

    @Option(name: .long, help: "Kinds to redact, comma-separated: email, ip, phone, card, iban, secret, or all (default).")
    var kinds: String = "all"

    @Option(name: .long, help: "The pseudonym key (default: $DATAPREP_REDACT_KEY).")
    var key: String?

    @Option(name: .long, help: "Write the JSON report (counts, file:line, field and kind of each replacement) here.")
    var report: String?

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func run() throws {
      try OutputFile.requireDistinct(output, from: [input])
      if let report { try OutputFile.requireDistinct(report, from: [input, output]) }
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
      let run = RedactionRun(kinds: kinds, mode: redactionMode, jobs: common.jobs, limits: limits.limits)
      let writer = try JSONLWriter(path: output)
      let reportWriter = try report.map { try RedactionReportWriter(try OutputFile(path: $0)) }
      let summary = try run.run(input: input, output: writer, report: reportWriter)
      try writer.finish()
      try reportWriter?.finish(summary)
      if !common.quiet {
        FileHandle.standardError.write(Data("dataprep redact: \(summary.line)\n".utf8))
      }
    }
  }
}
