import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep tokens`: token counts or ids of a text or of each record of a JSONL.
  struct Tokens: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Count the tokens of a text or of each JSONL record, or print their token ids.",
      discussion: """
        A .jsonl (or .ndjson, optionally .gz) input has one text per line: the record's `text`, its \
        message contents joined, prompt and completion, or alpaca fields (--field PATH picks one). \
        Any other input is one text. Prints the total token count; --each prints one count per \
        text, --ids one JSON array of ids per text. Counts are of the text alone: `dataprep stats` \
        adds the per-message overhead of chat examples. See docs/tokens.md.
        """
    )

    @Argument(help: "The input file (`-` for stdin).")
    var input: String = "-"

    @OptionGroup var tokenizerOptions: TokenizerOptions

    @Flag(name: .long, help: "Print the token ids, one JSON array per text.")
    var ids = false

    @Flag(name: .long, help: "Print one count per text instead of the total.")
    var each = false

    @Flag(name: .long, help: "Encode special-token text such as <|endoftext|> as the special token.")
    var allowSpecial = false

    @Option(name: .long, help: "How to read the input: auto (by extension), text, jsonl.")
    var format: DatasetTokenReader.Format = .auto

    @Option(name: .long, help: "Dotted path of the field holding the text in each JSONL record.")
    var field: String?

    @Option(name: .shortAndLong, help: "Output file (`-` for stdout); with --shard, the folder of the part files.")
    var output: String = "-"

    @OptionGroup var shard: ShardOptions

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
      if ids && each { throw ValidationError("--ids and --each cannot be used together") }
    }

    func run() throws {
      try OutputFile.requireDistinct(output, from: [input] + [tokenizerOptions.tokenizer].compactMap { $0 })
      let tokenizer = try tokenizerOptions.load()
      let out = try OutputFile(path: output)
      var reader = DatasetTokenReader(field: field, jobs: common.jobs)
      reader.limits = limits.limits
      let report: TokenCountReport = ids ? .ids : (each ? .each : .total)
      let selection = try shard.selection()
      if selection.isSharded {
        try runShard(selection.shard, report: report, reader: reader, tokenizer: tokenizer)
        return
      }
      let withoutText = try report.write(
        path: input, format: format, reader: reader, tokenizer: tokenizer, allowingSpecialTokens: allowSpecial, to: out)
      try out.commit()
      if withoutText > 0 && !common.quiet {
        FileHandle.standardError.write(Data(Self.withoutTextNote(withoutText).utf8))
      }
    }

    /// The note on records without text, on stderr after the report.
    static func withoutTextNote(_ count: Int) -> String {
      "dataprep tokens: \(count) record(s) had no text (counted as 0)\n"
    }

    /// One shard: its byte range of the JSONL input counted, its lines (`--each`, `--ids`)
    /// written as a part into `-o`'s folder, its tally in the marker for `dataprep merge`.
    private func runShard(_ shard: Shard, report: TokenCountReport, reader: DatasetTokenReader, tokenizer: Tokenizer) throws {
      guard output != "-" else { throw ValidationError("with --shard, -o names the folder of the part files") }
      guard DatasetTokenReader.isJSONL(input, format: format) else {
        throw ValidationError("--shard splits a JSONL input by records; \(input) is read as one text (pass --format jsonl, or run without --shard)")
      }
      var tally = TokenCountTally()
      var out: OutputFile?
      let job = ShardJob(
        stage: "tokens", shard: shard, folder: output, inputs: [input], settings: ShardOptions.settings, force: self.shard.force)
      let outcome = try job.run({ piece, part in
        if report.isPerRecord && out == nil { out = try part.output() }
        let counted = try report.writeRecords(
          jsonl: try piece.source(), reader: reader, tokenizer: tokenizer, allowingSpecialTokens: allowSpecial, to: out)
        tally.add(counted)
        return report.isPerRecord ? [ShardPart.mainOutput: counted.records] : [:]
      }, report: { ["report": .string(ids ? "ids" : (each ? "each" : "total")), "tally": tally.json] })
      ShardOptions.report(outcome, folder: output, quiet: common.quiet)
    }
  }
}

extension DatasetTokenReader.Format: ExpressibleByArgument {}
