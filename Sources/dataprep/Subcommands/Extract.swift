import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep extract`: HTML, XML and text files to a documents JSONL.
  struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Extract structured text from HTML, XML and text files into documents JSONL.",
      discussion: """
        Folders are read recursively in sorted order (hidden files and media/asset files are \
        passed over); .gz inputs are decompressed. A file that cannot be read is reported as \
        'path: reason' and skipped. Exit status: 0 done, 1 --strict and a file failed (or every \
        input failed), 2 could not run.
        """
    )

    @Argument(help: "Files or folders to read (`-` for stdin).")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Output file (`-` for stdout).")
    var output: String = "-"

    @Option(name: .long, help: "Read every input as this kind: html, xml, text or markdown (default: detect).")
    var format: ExtractOptions.InputFormat?

    @Option(name: .long, help: "Record mode: one document per element matching this XPath (e.g. //row).")
    var record: String?

    @Option(name: .long, help: "Record mode: a named field NAME=XPATH relative to the record (repeatable).")
    var field: [String] = []

    @Flag(name: .long, help: "HTML: keep only the main content (<main> or the main <article>), no navigation, asides, headers or footers.")
    var mainContent = false

    @Flag(name: .long, help: "Stop at the first input that cannot be read or parsed (exit 1).")
    var strict = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
      if !field.isEmpty && record == nil {
        throw ValidationError("--field needs --record XPATH")
      }
    }

    func run() throws {
      var fields: [(name: String, xpath: String)] = []
      for spec in field {
        guard let eq = spec.firstIndex(of: "="), eq != spec.startIndex, spec.index(after: eq) != spec.endIndex else {
          throw ValidationError("--field \(spec): expected NAME=XPATH, e.g. body=@Body")
        }
        fields.append((String(spec[..<eq]), String(spec[spec.index(after: eq)...])))
      }
      let options = ExtractOptions(
        format: format, recordXPath: record, fields: fields, htmlContent: mainContent ? .mainContent : .wholePage)
      let run = ExtractionRun(paths: paths, options: options, jobs: common.jobs, strict: strict)
      try run.validateOptions()
      try run.checkOutput(output)

      if output != "-" {
        // `-o build/documents.jsonl` on a fresh clone: create the folder.
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      let writer = try JSONLWriter(path: output)
      let showProgress = !common.quiet && isatty(2) == 1
      var lastProgress = Date.distantPast
      let summary = try run.run(
        writer: writer,
        onFailure: { failure in
          FileHandle.standardError.write(Data(((showProgress ? "\r\u{1B}[K" : "") + failure.message + "\n").utf8))
        },
        onProgress: { summary in
          guard showProgress, Date().timeIntervalSince(lastProgress) > 0.2 else { return }
          lastProgress = Date()
          let line = "\r\u{1B}[Kextract: \(summary.done)/\(summary.inputs) files, \(summary.documents) documents"
          FileHandle.standardError.write(Data(line.utf8))
        })
      if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      if summary.stoppedByFailure != nil {
        // The output is not published: a strict run that failed leaves no partial file.
        if !common.quiet { FileHandle.standardError.write(Data((summary.line + "\n").utf8)) }
        throw ExitCode(1)
      }
      try writer.finish()
      if !common.quiet { FileHandle.standardError.write(Data((summary.line + "\n").utf8)) }
      if summary.documents == 0 && summary.skipped > 0 { throw ExitCode(1) }
    }
  }
}

extension ExtractOptions.InputFormat: ExpressibleByArgument {}
