import Foundation

/// The parts of a sharded `extract` run joined into what one process writes (`dataprep
/// merge`): the documents in listing order, the summary counts added up, the failure messages
/// in listing order, and, when the shards counted furniture, the furniture of the whole set
/// removed with the shards' counts added up (the same lines as one process finds).
///
/// Memory: with furniture, the summed counts (as one process holds them); the documents are
/// copied to a temporary file beside the output and rewritten from it, as one process does.
public struct ExtractionPartsMerge {
  /// The shards' parts.
  public let merger: ShardPartsMerger
  /// The counts of the whole run.
  public let summary: ExtractionSummary
  /// The failure messages of every shard, in listing order.
  public let failures: [String]
  /// What the folder walk said (symbolic links to folders not followed).
  public let notices: [String]
  private let reports: [ExtractionShardReport]
  private let run: ExtractionRun

  /// The merge of `merger`'s parts.
  /// - Throws: ``ShardError/badParts(reason:)`` when a report is not an extract shard's.
  public init(_ merger: ShardPartsMerger) throws(ShardError) {
    self.merger = merger
    var reports: [ExtractionShardReport] = []
    for part in merger.parts { reports.append(try ExtractionShardReport(json: part.marker.report, shard: part.marker.shard)) }
    self.reports = reports
    var summary = reports.first?.summary ?? ExtractionSummary()
    for report in reports.dropFirst() { summary.addShard(report.summary) }
    self.summary = summary
    var failures: [(input: Int, shard: Int, message: String)] = []
    for (shard, report) in reports.enumerated() {
      for failure in report.failures {
        failures.append((Int(failure["input"]?.integerValue ?? 0), shard, failure["message"]?.stringValue ?? ""))
      }
    }
    self.failures = failures.sorted { ($0.input, $0.shard) < ($1.input, $1.shard) }.map(\.message)
    notices = reports.first?.notices ?? []
    run = ExtractionRun(paths: [], options: reports.first?.options ?? ExtractOptions())
  }

  /// Why the whole run failed (exit status 1, nothing written), as one process would say.
  public var problem: ExtractionProblem? { run.problem(in: summary) }

  /// Warnings about a run that did not fail (a `--field` that selected nothing).
  public var warnings: [String] { run.warnings(in: summary) }

  /// Whether the shards counted furniture, so that the merge removes it.
  public var removesFurniture: Bool { reports.first?.furniture != nil }

  /// Writes the documents to `writer` (not finished), without the furniture of the whole set
  /// when the shards counted it.
  /// - Returns: the furniture removed, when it was.
  /// - Throws: ``ShardError/badParts(reason:)`` for a missing or damaged part; ``InputError``, ``OutputError``.
  public func write(to writer: JSONLWriter) throws -> SiteFurnitureFilter.Summary? {
    guard let options = reports.first?.furniture else {
      try merger.forEachLine { line in try writer.writeRawLine(Array(line)) }
      return nil
    }
    var counts = FurnitureCounts(minimumWords: options.minimumWords, includesCode: options.includesCode)
    for (index, report) in reports.enumerated() {
      guard let path = merger.path(of: ExtractionRun.furnitureOutput, shard: index) else {
        throw ShardError.badParts(reason: "extract shard \(merger.parts[index].marker.shard) lists no furniture counts; run it again with --force")
      }
      counts.add(documents: report.furnitureDocuments, counts: try Self.readCounts(path: path))
    }
    let spool = try DocumentSpool(besides: writer.path)
    let spoolWriter = try JSONLWriter(path: spool.path)
    try merger.forEachLine { line in try spoolWriter.writeRawLine(Array(line)) }
    try spoolWriter.finish()
    return try SiteFurnitureFilter(options).rewrite(input: spool.path, counts: counts, writer: writer)
  }

  /// The `KEY COUNT` lines of a shard's furniture counts.
  private static func readCounts(path: String) throws -> [(key: UInt64, documents: UInt32)] {
    var counts: [(key: UInt64, documents: UInt32)] = []
    try LineReader(try ByteSource(path: path)).forEachLine { line, number in
      guard !line.isEmpty else { return true }
      let text = String(decoding: line, as: UTF8.self)
      let fields = text.split(separator: " ")
      guard fields.count == 2, let key = Int64(fields[0]), let documents = UInt32(fields[1]) else {
        throw ShardError.badParts(reason: "\(path):\(number): not a furniture count (KEY COUNT); run that shard again with --force")
      }
      counts.append((UInt64(bitPattern: key), documents))
      return true
    }
    return counts
  }
}
