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

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func run() throws {
      try OutputFile.requireDistinct(output, from: [input])
      let reader = try JSONLReader(path: input, limits: limits.limits)
      let writer = try JSONLWriter(path: output)
      let converter = ExampleConverter(
        target: to, from: from, skipInvalid: skipInvalid,
        renderer: ExampleRenderer(includeMetadata: !noMetadata, conversationalPrompts: conversational))
      let summary: ExampleConverter.Summary
      do {
        summary = try converter.convert(reader, to: writer)
      } catch let error as ConvertError {
        FileHandle.standardError.write(Data("dataprep: error: \(error.localizedDescription)\n".utf8))
        throw ExitCode(1)
      }
      try writer.finish()
      if !common.quiet {
        FileHandle.standardError.write(Data((summary.report(target: to) + "\n").utf8))
      }
    }
  }
}
