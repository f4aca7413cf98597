import Foundation

/// What an ``ExtractionRun`` did: the counts behind its one-line summary.
public struct ExtractionSummary: Sendable, Equatable {
  /// Documents delivered.
  public var documents = 0
  /// Inputs to read (after walking folders).
  public var inputs = 0
  /// Inputs finished so far (read well or not).
  public var done = 0
  /// Inputs read without failure.
  public var files = 0
  /// Inputs reported as failures (unreadable, empty, binary, malformed).
  public var skipped = 0
  /// Files a folder walk passed over because of their extension.
  public var ignored = 0
  /// Bytes read from the inputs (after decompression).
  public var bytesRead = 0
  /// The failure that stopped a `--strict` run, if any.
  public var stoppedByFailure: ExtractionFailure?
  /// Symbolic links to folders that a folder walk met and did not follow.
  public var linkedFolders = 0
  /// Documents made by record mode (`--record`): the records matched.
  public var records = 0
  /// For each `--field`, in order, how many records it selected something in.
  public var fieldMatches: [Int] = []

  /// An empty summary.
  public init() {}

  /// Adds the counts of another shard of the same run: documents, files read, skipped and
  /// done, bytes, records and field matches. The listing's own counts (inputs, ignored files,
  /// linked folders) are the same in every shard and stay as they are.
  public mutating func addShard(_ other: ExtractionSummary) {
    documents += other.documents
    files += other.files
    skipped += other.skipped
    done += other.done
    bytesRead += other.bytesRead
    records += other.records
    for (index, matches) in other.fieldMatches.enumerated() where index < fieldMatches.count {
      fieldMatches[index] += matches
    }
  }

  /// `extract: 12 documents from 10 files, 2 skipped, 1.2 MB read`.
  public var line: String {
    var parts = "extract: \(documents) document\(documents == 1 ? "" : "s") from \(files) file\(files == 1 ? "" : "s")"
    parts += ", \(skipped) skipped"
    if ignored > 0 { parts += ", \(ignored) ignored by extension" }
    if linkedFolders > 0 { parts += ", \(linkedFolders) folder link\(linkedFolders == 1 ? "" : "s") not followed" }
    parts += ", \(Self.formatBytes(bytesRead)) read"
    if let stop = stoppedByFailure { parts += "; stopped at \(stop.path) (\(OptionName.naming(.strict)))" }
    return parts
  }

  /// Bytes in B, kB, MB or GB (powers of 1000), one decimal.
  static func formatBytes(_ bytes: Int) -> String {
    if bytes < 1000 { return "\(bytes) B" }
    let units = ["kB", "MB", "GB", "TB"]
    var value = Double(bytes) / 1000
    var unit = 0
    while value >= 1000 && unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) \(units[unit])"
  }
}

/// One input that gave no document (or stopped part way), as reported on stderr.
public struct ExtractionFailure: Error, Sendable, Equatable, CustomStringConvertible {
  /// The input path as given.
  public var path: String
  /// `path: reason`.
  public var message: String
  /// Documents the input had already given before it failed (streamed feeds, dumps, records).
  public var documentsBefore: Int

  /// A failure of `path` caused by `error`.
  public init(path: String, error: any Error, documentsBefore: Int = 0) {
    self.path = path
    var text = (error as? any LocalizedError)?.errorDescription ?? "\(path): \(error)"
    if !text.hasPrefix(path) { text = "\(path): \(text)" }
    if documentsBefore > 0 { text += " (after \(documentsBefore) documents)" }
    self.message = text
    self.documentsBefore = documentsBefore
  }

  /// The message.
  public var description: String { message }
}
