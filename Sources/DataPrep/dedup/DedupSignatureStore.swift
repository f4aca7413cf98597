/// Every signatures part of a sharded dedup job seen as one table of records numbered as a
/// single process numbers them (input records in input order, then each `--against` file's):
/// shard parts are ordered by the input piece they read (see ``ShardMarker/Piece``), so a
/// record's global number is its place in its part plus the records of the pieces before.
///
/// Nothing is loaded but the markers: each lookup is a positioned read of the part holding the
/// record (``SignaturePartFile``), so a stage that needs a few records' sets or signatures holds
/// only those.
final class DedupSignatureStore: Sendable {
  /// The stage name of signature parts.
  static let stage = "dedup-signatures"

  /// A run of consecutive records held by one part.
  struct Segment: Sendable {
    /// The global number of the first record.
    var start: Int
    /// How many records.
    var count: Int
    /// The part holding them (shard index).
    var part: Int
    /// The place of the first in its part.
    var local: Int
  }

  let folder: String
  /// The parts, by shard index.
  let parts: [SignaturePartFile]
  /// The record runs, in global order.
  let segments: [Segment]
  /// All records (input and references).
  let count: Int
  /// Records of the input (numbers `0..<inputRecords`); the others are references.
  let inputRecords: Int
  /// The input, then the `--against` files, as named on the command line.
  let files: [String]
  /// Whether every input record's text was a document `text`.
  let allDocuments: Bool
  /// The signatures job's fingerprint: later stages record it, and refuse parts of another.
  let fingerprint: String
  /// The identity (paths, sizes, times) of the input and `--against` files sketched.
  let inputIdentity: String
  /// The options of the run reading the parts (for the similarity measure).
  let options: DedupOptions

  /// Opens the signature parts in `folder`, which must all be there and made with `options`' settings.
  /// - Throws: ``ShardError/badParts(reason:)`` when a shard is missing or the parts are of
  ///   several jobs; ``DedupError/badIntermediate(path:reason:)`` when they are not signature
  ///   parts or were made with other settings.
  init(folder: String, options: DedupOptions) throws {
    let merger = try ShardPartsMerger(paths: [folder])
    guard merger.stage == Self.stage else {
      throw DedupError.badIntermediate(path: folder, reason: "holds \(merger.stage) parts, not signatures (--stage signatures)")
    }
    self.folder = folder
    self.options = options
    var opened: [SignaturePartFile] = []
    var pieces: [(input: Int, start: Int, part: Int, local: Int, count: Int)] = []
    for (index, part) in merger.parts.enumerated() {
      guard let path = merger.path(of: "signatures", shard: index) else {
        throw DedupError.badIntermediate(path: folder, reason: "shard \(part.marker.shard) lists no signatures file")
      }
      let file = try SignaturePartFile(path: path, settings: options.fileSettings)
      opened.append(file)
      var local = 0
      for piece in part.marker.pieces {
        let n = piece.records["signatures"] ?? 0
        pieces.append((piece.input, piece.start, index, local, n))
        local += n
      }
      guard local == file.count else {
        throw DedupError.badIntermediate(path: path, reason: "holds \(file.count) records, its marker counts \(local) (run the shard again with --force)")
      }
    }
    pieces.sort { ($0.input, $0.start, $0.part) < ($1.input, $1.start, $1.part) }
    var segments: [Segment] = []
    var total = 0
    var inputTotal = 0
    for piece in pieces where piece.count > 0 {
      segments.append(Segment(start: total, count: piece.count, part: piece.part, local: piece.local))
      total += piece.count
      if piece.input == 0 { inputTotal += piece.count }
    }
    guard total <= Int(Int32.max) else {
      throw DedupError.badIntermediate(path: folder, reason: "\(total) records: dedup numbers records with 32 bits (at most \(Int32.max))")
    }
    parts = opened
    self.segments = segments
    count = total
    inputRecords = inputTotal
    let first = merger.reports.first ?? .null
    files = first["files"]?.arrayValue?.compactMap(\.stringValue) ?? []
    inputIdentity = first["input"]?.stringValue ?? ""
    allDocuments = merger.reports.allSatisfy { $0["all_documents"]?.boolValue ?? true }
    fingerprint = merger.parts.first?.marker.fingerprint ?? ""
  }

  /// The part and place of record `record`.
  func locate(_ record: Int) throws(DedupError) -> (part: SignaturePartFile, local: Int) {
    var low = 0
    var high = segments.count
    while low < high {
      let mid = (low + high) / 2
      if segments[mid].start + segments[mid].count <= record { low = mid + 1 } else { high = mid }
    }
    guard low < segments.count, segments[low].start <= record else {
      throw .badIntermediate(path: folder, reason: "no record \(record) in the signature parts (\(count) records)")
    }
    let segment = segments[low]
    return (parts[segment.part], segment.local + record - segment.start)
  }

  /// Whether record `record` comes from an `--against` file.
  func isReference(_ record: Int) -> Bool { record >= inputRecords }

  /// The facts of `record` for the survivor choice.
  func facts(_ record: Int) throws(DedupError) -> DedupRecordFacts {
    let (part, local) = try locate(record)
    return DedupRecordFacts(
      isReference: isReference(record), textLength: try part.value(.textLengths, local),
      exactHash: try part.value(.exactHashes, local))
  }

  /// How `--clusters` names `record`.
  func label(_ record: Int) throws(DedupError) -> DedupRecordLabel {
    let (part, local) = try locate(record)
    let bounds: [UInt64] = try part.read(.idOffsets, local..<(local + 2))
    let bytes: [UInt8] = try part.read(.idBytes, Int(bounds[0])..<Int(bounds[1]))
    let file = Int(try part.value(.fileIndex, local, as: UInt16.self))
    return DedupRecordLabel(
      id: String(decoding: bytes, as: UTF8.self), line: try part.value(.lines, local),
      referenceFile: file == 0 ? nil : (file < files.count ? files[file] : "?"))
  }

  /// The input line of input record `record`.
  func line(_ record: Int) throws(DedupError) -> Int32 {
    let (part, local) = try locate(record)
    return try part.value(.lines, local)
  }

  /// The sorted distinct shingle hashes of `record` (empty without exact verification).
  func shingleSet(_ record: Int) throws(DedupError) -> [UInt64] {
    let (part, local) = try locate(record)
    guard part.hasSets else { return [] }
    let bounds: [UInt64] = try part.read(.setOffsets, local..<(local + 2))
    return try part.read(.shingleSets, Int(bounds[0])..<Int(bounds[1]))
  }

  /// The signature of `record`.
  func signature(_ record: Int) throws(DedupError) -> [UInt32] {
    let (part, local) = try locate(record)
    return try part.read(.signatures, (local * part.permutations)..<((local + 1) * part.permutations))
  }

  /// The Jaccard similarity of two records: exact from their shingle sets with exact
  /// verification, else estimated from their signatures (as a single process computes it).
  func similarity(_ a: Int, _ b: Int) throws(DedupError) -> Double {
    if options.verification == .exact { return SketchTable.jaccard(try shingleSet(a)[...], try shingleSet(b)[...]) }
    let x = try signature(a)
    let y = try signature(b)
    return x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in MinHasher.estimatedJaccard(p, q) } }
  }

  /// Calls `body` with runs of at most `batch` consecutive records in global order: the first
  /// record's global number, its part and the run's places in that part.
  func forEachRun(batch: Int = 4096, _ body: (Int, SignaturePartFile, Range<Int>) throws -> Void) rethrows {
    for segment in segments {
      var done = 0
      while done < segment.count {
        let n = min(batch, segment.count - done)
        try body(segment.start + done, parts[segment.part], (segment.local + done)..<(segment.local + done + n))
        done += n
      }
    }
  }
}
