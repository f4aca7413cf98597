import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep extract`: HTML, XML and text files to a documents JSONL.
  struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Extract structured text from HTML, XML and text files into documents JSONL.",
      discussion: """
        Folders are read recursively in sorted order (hidden files, media/asset files and links \
        to folders are passed over); .gz inputs are decompressed. A file that cannot be read is \
        reported as 'path: reason' and skipped.

        Exit status: 0 done; 1 --strict and a file failed, every input failed, --record matched \
        nothing or no --field selected anything (the output is then left as it was); 2 could \
        not run (bad flags or XPath, unwritable output). With --shard, a shard exits 0 once its \
        part is written (its failures are counted for `dataprep merge`, which applies the rules \
        above to the whole run), 1 when --strict stopped it (no marker is written).
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

    @Flag(name: .long, help: "HTML: keep only the main content, no navigation, asides, headers, footers or comments (the default).")
    var mainContent = false

    @Flag(name: .long, help: "HTML: keep all visible text of the page instead of its main content.")
    var allText = false

    @Option(name: .long, help: "HTML main content: favor precision, recall or balanced (default: balanced).")
    var favor: HTMLContentOptions.Favor = .balanced

    @Option(
      name: .long,
      help: "HTML: parts to keep besides prose, comma-separated among comments, tables, links, images, or none (default: tables).")
    var include: String?

    @Option(name: .long, help: "Text of HTML pages as markdown or plain (default: markdown).")
    var textFormat: HTMLContentOptions.TextFormat = .markdown

    @Flag(
      name: .long, inversion: .prefixedNo,
      help: """
        Remove site furniture: lines (3+ words, outside code) recurring on at least max(5, 0.5%) of \
        the documents extracted, such as navigation bars, footers and licence notes. Reads the \
        documents twice through a temporary file beside the output (default: off; build turns it on).
        """)
    var removeFurniture = false

    @Flag(name: .long, help: "Stop at the first input that cannot be read or parsed (exit 1).")
    var strict = false

    @OptionGroup var shard: ShardOptions

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
      if mainContent && allText {
        throw ValidationError("--main-content and --all-text exclude each other")
      }
      _ = try includedParts()
      if !field.isEmpty && record == nil {
        throw ValidationError("--field needs --record XPATH")
      }
    }

    /// The parts named by `--include` (the defaults when it is absent).
    private func includedParts() throws -> Set<HTMLContentOptions.Part> {
      guard let include else { return HTMLContentOptions.defaultParts }
      var parts: Set<HTMLContentOptions.Part> = []
      for name in CommaList.items(include).map({ $0.lowercased() }) where name != "none" {
        guard let part = HTMLContentOptions.Part(rawValue: name) else {
          throw ValidationError("--include \(name): expected comments, tables, links, images or none")
        }
        parts.insert(part)
      }
      return parts
    }

    func run() throws {
      let fields = try ValidationError.reporting { try field.map(ExtractOptions.field(parsing:)) }
      var options = ExtractOptions(
        format: format, recordXPath: record, fields: fields, htmlContent: allText ? .wholePage : .mainContent,
        html: HTMLContentOptions(favor: favor, include: try includedParts(), textFormat: textFormat))
      options.limits = limits.limits
      let run = ExtractionRun(inputs: paths.map(Self.inputPath), options: options, jobs: common.jobs, strict: strict)
      try run.validateOptions()
      let selection = try shard.selection()
      if selection.isSharded {
        try runShard(selection.shard, run: run)
        return
      }
      try run.checkOutput(output)

      if output != "-" {
        // `-o build/documents.jsonl` on a fresh clone: create the folder.
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      let writer = try JSONLWriter(path: output)
      let showProgress = !common.quiet && isatty(2) == 1
      var lastProgress = Date.distantPast
      let onFailure = { (failure: ExtractionFailure) in
        FileHandle.standardError.write(Data(((showProgress ? "\r\u{1B}[K" : "") + failure.message + "\n").utf8))
      }
      let onProgress = { (summary: ExtractionSummary) in
        guard showProgress, Date().timeIntervalSince(lastProgress) > 0.2 else { return }
        lastProgress = Date()
        let line = "\r\u{1B}[Kextract: \(summary.done)/\(summary.inputs) files, \(summary.documents) documents"
        FileHandle.standardError.write(Data(line.utf8))
      }
      let onNotice = { (notice: String) in
        guard !common.quiet else { return }
        FileHandle.standardError.write(Data(((showProgress ? "\r\u{1B}[K" : "") + notice + "\n").utf8))
      }
      let summary: ExtractionSummary
      var furniture: SiteFurnitureFilter.Summary?
      if removeFurniture {
        var furnitureOptions = SiteFurnitureFilter.Options()
        furnitureOptions.limits = limits.limits
        let result = try SiteFurnitureFilter(furnitureOptions).run(
          extraction: run, writer: writer, onFailure: onFailure, onProgress: onProgress, onNotice: onNotice)
        (summary, furniture) = (result.extraction, result.furniture)
      } else {
        summary = try run.run(writer: writer, onFailure: onFailure, onProgress: onProgress, onNotice: onNotice)
      }
      if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      if let problem = run.problem(in: summary) {
        // A failed run publishes nothing: the previous output file, if any, stays as it was.
        if !common.quiet { FileHandle.standardError.write(Data((summary.line + "\n").utf8)) }
        FileHandle.standardError.write(Data(("extract: " + (problem.errorDescription ?? "failed") + "\n").utf8))
        throw ExitCode(1)
      }
      try writer.finish()
      if !common.quiet {
        for warning in run.warnings(in: summary) { FileHandle.standardError.write(Data(("extract: " + warning + "\n").utf8)) }
        FileHandle.standardError.write(Data((summary.line + "\n").utf8))
        if let furniture { FileHandle.standardError.write(Data((furniture.line + "\n").utf8)) }
      }
    }

    /// One shard: its share of the input files extracted into `-o`'s folder as a part, with
    /// its counts and failures (and furniture counts) in its marker; `dataprep merge` joins them.
    private func runShard(_ shard: Shard, run: ExtractionRun) throws {
      guard output != "-" else { throw ValidationError("with --shard, -o names the folder of the part files") }
      var furniture: SiteFurnitureFilter.Options?
      if removeFurniture {
        var options = SiteFurnitureFilter.Options()
        options.limits = limits.limits
        furniture = options
      }
      let outcome: ShardJob.Outcome
      do {
        outcome = try run.runShard(
          shard, folder: output, settings: ShardOptions.settings, force: self.shard.force, furniture: furniture,
          onFailure: { failure in FileHandle.standardError.write(Data((failure.message + "\n").utf8)) },
          onNotice: { notice in if !common.quiet { FileHandle.standardError.write(Data((notice + "\n").utf8)) } })
      } catch let problem as ExtractionProblem {
        FileHandle.standardError.write(Data(("extract: " + (problem.errorDescription ?? "failed") + "\n").utf8))
        throw ExitCode(1)
      }
      ShardOptions.report(outcome, folder: output, quiet: common.quiet)
    }

    /// The path an argument names. Swift decodes arguments as UTF-8, replacing bytes that are
    /// not with U+FFFD, so for such an argument the bytes are read back from `argv`.
    private static func inputPath(_ argument: String) -> InputPath {
      guard argument.unicodeScalars.contains("\u{FFFD}") else { return InputPath(argument) }
      for index in 1..<Int(CommandLine.argc) {
        guard let pointer = CommandLine.unsafeArgv[index] else { continue }
        let bytes = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
        if String(validating: bytes, as: UTF8.self) == nil, String(decoding: bytes, as: UTF8.self) == argument {
          return InputPath(bytes: bytes)
        }
      }
      return InputPath(argument)
    }
  }
}

extension ExtractOptions.InputFormat: ExpressibleByArgument {}
extension HTMLContentOptions.Favor: ExpressibleByArgument {}
extension HTMLContentOptions.TextFormat: ExpressibleByArgument {}
