import ArgumentParser
import DataPrep

extension DataPrepCommand {
  /// `dataprep extract`: HTML, XML and text files to a documents JSONL.
  struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Extract structured text from HTML, XML and text files into documents JSONL."
    )

    @Argument(help: "Files or folders to read (`-` for stdin).")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Output file (`-` for stdout).")
    var output: String = "-"

    func run() throws {
      let writer = try JSONLWriter(path: output)
      try writer.finish()
    }
  }
}
