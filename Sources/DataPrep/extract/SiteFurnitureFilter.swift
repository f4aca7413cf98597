/// Removes site furniture learned from a set of documents: lines that recur on a large share of
/// the documents of one source set (navigation bars, breadcrumbs, "Previous topic / Next topic",
/// footers, "last modified" lines, licence notes), whatever the input kind.
///
/// Two passes over a documents JSONL. The first counts, for every line key (see
/// `FurnitureLineKey`: Markdown framing, spacing, case and digits folded; 3 words or more), how
/// many documents hold it; lines inside fenced code and heading lines are not counted. A key held
/// by at least ``Options/threshold(documents:)`` documents is furniture. The second pass rewrites
/// each document without its furniture lines: from `text`, from every `sections[].text` (a
/// section left empty goes), from `metadata.qa` answers (a pair left without answer goes), and
/// `metadata.description`/`abstract` when the whole value is furniture. A document whose text was
/// all furniture is dropped. Every other field is written back as read.
///
/// Memory: the first pass holds one 64-bit hash and a count per distinct line key of the whole
/// set (about 40 bytes a distinct line in the dictionary: 100 MB for 2.5 million distinct
/// lines); the second pass one document at a time. The output is deterministic.
public struct SiteFurnitureFilter: Sendable {
  /// When a line is furniture.
  public struct Options: Sendable, Hashable {
    /// The fewest documents a furniture line recurs on, whatever the set's size.
    public var minimumDocuments = 5
    /// The share of the set's documents a furniture line recurs on, when that is more than
    /// ``minimumDocuments``.
    public var minimumShare = 0.005
    /// The fewest words (runs of letters or digits) a furniture line holds; shorter lines
    /// (`Note`, `See also`, `Parameters`) are structure and stay.
    public var minimumWords = 3
    /// Whether lines inside fenced code count and go too. Off: code repeats legitimately
    /// (`from django.db import models` on every page of a framework's guide), and a code
    /// example without its imports is a worse example.
    public var includesCode = false
    /// Furniture lines listed in ``Summary/topLines``.
    public var topLineCount = 8
    /// Limits on the documents read back (JSON depth, line length).
    public var limits = InputLimits.standard

    /// The defaults: 3+ word lines on at least max(5, 0.5% of the documents).
    public init() {}

    /// The fewest documents a line must be on to be furniture in a set of `documents`.
    public func threshold(documents: Int) -> Int {
      let share = (Double(documents) * minimumShare).rounded(.up)
      return max(minimumDocuments, Int(min(share, Double(Int.max / 2))), 1)
    }
  }

  /// What a run removed.
  public struct Summary: Sendable, Equatable {
    /// Documents read.
    public var documents = 0
    /// Documents written (read, less those that were all furniture).
    public var documentsWritten = 0
    /// Documents that lost at least one line or field.
    public var documentsChanged = 0
    /// Documents dropped because their text was all furniture.
    public var documentsDropped = 0
    /// The number of documents a line had to be on to count as furniture.
    public var threshold = 0
    /// Distinct furniture line keys found in the set.
    public var furnitureLines = 0
    /// Lines removed from document texts (headings left without content included).
    public var linesRemoved = 0
    /// Sections dropped because they held only furniture.
    public var sectionsDropped = 0
    /// The most widespread furniture lines removed, as found, with the number of documents holding them.
    public var topLines: [TopLine] = []

    /// One furniture line for reports.
    public struct TopLine: Sendable, Equatable {
      /// The line as it was first removed (trimmed, at most 200 characters).
      public var text: String
      /// Documents holding a line with its key.
      public var documents: Int
    }

    /// An empty summary.
    public init() {}

    /// `furniture: 1520 lines removed from 800 of 1000 documents (38 distinct lines on 5+ documents), 12 sections and 1 document dropped`.
    public var line: String {
      var text = "furniture: \(linesRemoved) line\(linesRemoved == 1 ? "" : "s") removed from \(documentsChanged) of \(documents)"
      text += " document\(documents == 1 ? "" : "s") (\(furnitureLines) distinct line\(furnitureLines == 1 ? "" : "s")"
      text += " on \(threshold)+ documents), \(sectionsDropped) section\(sectionsDropped == 1 ? "" : "s") and"
      text += " \(documentsDropped) document\(documentsDropped == 1 ? "" : "s") dropped"
      return text
    }
  }

  /// When a line is furniture.
  public var options: Options

  /// A filter with `options`.
  public init(_ options: Options = Options()) {
    self.options = options
  }

  /// Reads the documents at `input` twice and writes them without furniture to `output`
  /// (atomically; `-` is standard output). `input` must be a file (it is read twice).
  /// - Throws: ``InputError`` for a line that is not a JSON object, ``OutputError``.
  public func run(input: String, output: String) throws -> Summary {
    var counts = FurnitureCounts(minimumWords: options.minimumWords, includesCode: options.includesCode)
    try JSONLReader(path: input, limits: options.limits).forEachRecord { record in
      counts.add(record.object)
      return true
    }
    let writer = try JSONLWriter(path: output)
    let summary = try rewrite(input: input, counts: counts, writer: writer)
    try writer.finish()
    return summary
  }

  /// Runs `extraction` and writes its documents without furniture to `writer` (not finished:
  /// the caller commits it). The documents are counted as they come and spooled to a temporary
  /// file beside the output, which the second pass reads back and removes.
  /// - Returns: the extraction's summary and the filter's; when a `--strict` extraction stopped,
  ///   nothing is written and the filter's summary is empty.
  public func run(
    extraction: ExtractionRun, writer: JSONLWriter, onFailure: (ExtractionFailure) -> Void = { _ in },
    onProgress: (ExtractionSummary) -> Void = { _ in }, onNotice: (String) -> Void = { _ in }
  ) throws -> (extraction: ExtractionSummary, furniture: Summary) {
    let spool = try DocumentSpool(besides: writer.path)
    let spoolWriter = try JSONLWriter(path: spool.path)
    var counts = FurnitureCounts(minimumWords: options.minimumWords, includesCode: options.includesCode)
    let extracted = try extraction.run(onFailure: onFailure, onProgress: onProgress, onNotice: onNotice) { document in
      let value = document.jsonValue
      if let object = value.objectValue { counts.add(object) }
      try spoolWriter.write(value)
    }
    guard extracted.stoppedByFailure == nil else { return (extracted, Summary()) }
    try spoolWriter.finish()
    return (extracted, try rewrite(input: spool.path, counts: counts, writer: writer))
  }

  /// The second pass: every record of `input` without the furniture `counts` found.
  func rewrite(input: String, counts: FurnitureCounts, writer: JSONLWriter) throws -> Summary {
    var summary = Summary()
    summary.documents = counts.documents
    summary.threshold = options.threshold(documents: counts.documents)
    let furniture = counts.keys(onAtLeast: summary.threshold)
    summary.furnitureLines = furniture.count
    var rewriter = FurnitureRewriter(
      furniture: furniture, minimumWords: options.minimumWords, includesCode: options.includesCode)
    try JSONLReader(path: input, limits: options.limits).forEachRecordWithRawLine { record, rawLine in
      switch furniture.isEmpty ? .unchanged : rewriter.rewrite(record.object) {
      case .unchanged:
        try writer.writeRawLine(rawLine)
        summary.documentsWritten += 1
      case .changed(let object):
        try writer.write(object)
        summary.documentsChanged += 1
        summary.documentsWritten += 1
      case .dropped:
        summary.documentsChanged += 1
        summary.documentsDropped += 1
      }
      return true
    }
    summary.linesRemoved = rewriter.linesRemoved
    summary.sectionsDropped = rewriter.sectionsDropped
    summary.topLines = rewriter.examples
      .map { Summary.TopLine(text: $0.value, documents: furniture[$0.key] ?? 0) }
      .sorted { ($0.documents, $1.text) > ($1.documents, $0.text) }
      .prefix(options.topLineCount).map { $0 }
    return summary
  }
}
