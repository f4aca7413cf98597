import ArgumentParser
import DataPrep
import Foundation

extension ExampleFormat: ExpressibleByArgument {}

extension DataPrepCommand {
  /// `dataprep convert`: a fine-tuning dataset from one format to another.
  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Convert a fine-tuning dataset between formats.",
      discussion: """
        Formats: \(ExampleFormat.names.joined(separator: ", ")). The input format is detected \
        from the first record unless --from names it. A record the target cannot hold stops \
        the run with its line (exit 1) unless --skip-invalid skips and counts it.
        """
    )

    @Argument(help: "The dataset to convert (JSONL; `-` for stdin; `.gz` read transparently).")
    var input: String

    @Option(name: .long, help: "The format to write.")
    var to: ExampleFormat

    @Option(name: .long, help: "The input format (default: detected from the first record).")
    var from: ExampleFormat?

    @Option(name: .shortAndLong, help: "Output file (`-` for stdout).")
    var output: String = "-"

    @Flag(name: .long, help: "Skip records the target cannot hold, and count them, instead of stopping.")
    var skipInvalid = false

    @Flag(name: .long, help: "Drop each record's `metadata` object (for services that reject unknown keys).")
    var noMetadata = false

    @Flag(name: .long, help: "Write prompt-completion as TRL message lists instead of strings.")
    var conversational = false

    @OptionGroup var shard: ShardOptions

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func run() throws {
      try OutputFile.requireDistinct(output, from: [input])
      let converter = ExampleConverter(
        target: to, from: from, skipInvalid: skipInvalid,
        renderer: ExampleRenderer(includeMetadata: !noMetadata, conversationalPrompts: conversational))
      let selection = try shard.selection()
      if selection.isSharded {
        try runShard(selection.shard, converter: converter)
        return
      }
      let reader = try JSONLReader(path: input, limits: limits.limits)
      let writer = try JSONLWriter(path: output)
      let summary = try convert(converter, reader, writer)
      try writer.finish()
      if !common.quiet {
        FileHandle.standardError.write(Data((summary.report(target: to) + "\n").utf8))
      }
    }

    /// One shard: its share of the input converted into `-o`'s folder as a part.
    private func runShard(_ shard: Shard, converter: ExampleConverter) throws {
      guard output != "-" else { throw ValidationError("with --shard, -o names the folder of the part files") }
      var written = 0
      var skipped = 0
      let job = ShardJob(
        stage: "convert", shard: shard, folder: output, inputs: [input], settings: ShardOptions.settings, force: self.shard.force)
      let outcome = try job.run({ piece, part in
        let writer = try part.writer()
        let before = writer.count
        let summary = try convert(converter, try ShardInputs.reader(for: piece, limits: limits.limits), writer)
        written += summary.written
        skipped += summary.skipped
        return [ShardPart.mainOutput: writer.count - before]
      }, report: { ["written": .integer(Int64(written)), "skipped": .integer(Int64(skipped))] })
      ShardOptions.report(outcome, folder: output, quiet: common.quiet)
    }

    /// Converts `reader` into `writer`; a record the target cannot hold is exit 1.
    private func convert(_ converter: ExampleConverter, _ reader: JSONLReader, _ writer: JSONLWriter) throws -> ExampleConverter.Summary {
      do {
        return try converter.convert(reader, to: writer)
      } catch let error as ConvertError {
        FileHandle.standardError.write(Data("dataprep: error: \(error.localizedDescription)\n".utf8))
        throw ExitCode(1)
      }
    }
  }
}
