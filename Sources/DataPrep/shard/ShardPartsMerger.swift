import Foundation

/// The parts of every shard of one job, put back together: what a single process would have
/// written, in the same order (`dataprep merge`).
///
/// Reads the completion markers (``ShardMarker``) found in the folders given, checks that every
/// shard `0..<N` of one job is there (one stage, one shard count, one fingerprint), then copies
/// each output's lines piece by piece in input order: the pieces of all shards sorted by input
/// position and start byte. Memory is one buffer per part file; parts are read once each.
public struct ShardPartsMerger: Sendable {
  /// One shard's marker and the folder it was found in.
  public struct Part: Sendable {
    /// The folder holding the marker and its outputs.
    public var folder: String
    /// The marker.
    public var marker: ShardMarker
  }

  /// The parts, by shard index.
  public let parts: [Part]

  /// The stage that wrote the parts.
  public var stage: String { parts.first?.marker.stage ?? "" }
  /// The shard count.
  public var count: Int { parts.count }
  /// Every shard's report, by shard index.
  public var reports: [JSONValue] { parts.map(\.marker.report) }
  /// The outputs the shards wrote (the names in their markers), sorted.
  public var outputNames: [String] { Set(parts.flatMap { $0.marker.outputs.keys }).sorted() }

  /// The parts found in `paths`: folders holding markers, or marker files.
  /// - Throws: ``ShardError/badParts(reason:)`` when no marker is found, a shard is missing or
  ///   twice, or the markers disagree on the stage, count or fingerprint.
  public init(paths: [String]) throws(ShardError) {
    var found: [Part] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw .badParts(reason: "\(path): no such file or folder")
      }
      if isFolder.boolValue {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter(ShardPart.isMarkerName).sorted()
        for name in names { found.append(Part(folder: path, marker: try ShardMarker.read(path: path + "/" + name))) }
      } else {
        let url = URL(fileURLWithPath: path)
        found.append(Part(folder: url.deletingLastPathComponent().path, marker: try ShardMarker.read(path: path)))
      }
    }
    guard let first = found.first else {
      throw .badParts(reason: "no shard markers (part-IIIII-of-NNNNN.done.json) in \(paths.joined(separator: ", ")); did the shards finish?")
    }
    let count = first.marker.shard.count
    var byIndex = [Part?](repeating: nil, count: count)
    for part in found {
      let marker = part.marker
      guard marker.shard.count == count else {
        throw .badParts(reason: "parts of a \(count)-shard and a \(marker.shard.count)-shard run are mixed (\(part.folder)); merge one run")
      }
      guard marker.stage == first.marker.stage, marker.fingerprint == first.marker.fingerprint else {
        throw .badParts(reason: "shard \(marker.shard) in \(part.folder) belongs to another job (\(marker.stage), other inputs or settings)")
      }
      guard byIndex[marker.shard.index] == nil else {
        throw .badParts(reason: "shard \(marker.shard) appears twice (\(part.folder))")
      }
      byIndex[marker.shard.index] = part
    }
    let missing = byIndex.indices.filter { byIndex[$0] == nil }
    guard missing.isEmpty else {
      let list = missing.prefix(10).map(String.init).joined(separator: ", ") + (missing.count > 10 ? ", ..." : "")
      throw .badParts(reason: "\(missing.count) of \(count) shards have not finished (no marker for shard \(list)); run them first")
    }
    parts = byIndex.compactMap { $0 }
  }

  /// The path of output `name` of shard `index`, or `nil` when that shard wrote none.
  public func path(of name: String, shard index: Int) -> String? {
    guard let file = parts[index].marker.outputs[name] else { return nil }
    return parts[index].folder + "/" + file
  }

  /// Copies output `name` of every shard into `output`, in input order.
  /// - Returns: the lines written.
  /// - Throws: ``ShardError/badParts(reason:)`` when a part holds fewer or more lines than its
  ///   marker counts; ``InputError``/``OutputError`` on I/O failure.
  @discardableResult
  public func merge(_ name: String = ShardPart.mainOutput, into output: OutputFile) throws -> Int {
    try forEachLine(name) { line in
      try output.write(line)
      try output.write([0x0A])
    }
  }

  /// Calls `body` with each line (without its `\n`) of output `name` of every shard, in input
  /// order, for stages whose merge rewrites the lines rather than copying them.
  /// - Returns: the lines read.
  /// - Throws: ``ShardError/badParts(reason:)`` when a part holds fewer or more lines than its
  ///   marker counts; ``InputError`` on I/O failure; what `body` throws.
  @discardableResult
  public func forEachLine(_ name: String = ShardPart.mainOutput, _ body: (ArraySlice<UInt8>) throws -> Void) throws -> Int {
    var order: [(input: Int, start: Int, shard: Int, records: Int)] = []
    for (index, part) in parts.enumerated() {
      for piece in part.marker.pieces {
        order.append((piece.input, piece.start, index, piece.records[name] ?? 0))
      }
    }
    order.sort { ($0.input, $0.start, $0.shard) < ($1.input, $1.start, $1.shard) }
    var cursors: [Int: PartLineCursor] = [:]
    var written = 0
    for entry in order where entry.records > 0 {
      guard let path = path(of: name, shard: entry.shard) else {
        throw ShardError.badParts(reason: "shard \(parts[entry.shard].marker.shard) counts \(name) records but lists no \(name) file")
      }
      let cursor = try cursors[entry.shard] ?? PartLineCursor(path: path)
      cursors[entry.shard] = cursor
      for _ in 0..<entry.records {
        guard try cursor.nextLine(body) else {
          throw ShardError.badParts(reason: "\(path) ends before the \(entry.records) records its marker counts; run the shard again with --force")
        }
        written += 1
      }
    }
    for (shard, cursor) in cursors.sorted(by: { $0.key < $1.key }) where try cursor.hasMore() {
      throw ShardError.badParts(reason: "\(cursor.path) holds more records than shard \(parts[shard].marker.shard)'s marker counts")
    }
    return written
  }
}

/// Reads a part file line by line on demand, copying each line (with its `\n`) to an output.
private final class PartLineCursor {
  let path: String
  private let source: ByteSource
  private var buffer = [UInt8](repeating: 0, count: 1 << 20)
  private var start = 0
  private var end = 0
  private var ended = false

  init(path: String) throws(InputError) {
    self.path = path
    source = try ByteSource(path: path)
  }

  private func fill() throws {
    if start > 0 {
      buffer.replaceSubrange(0..<(end - start), with: buffer[start..<end])
      end -= start
      start = 0
    }
    if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
    let n = try buffer.withUnsafeMutableBytes { raw -> Int in
      try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
    }
    if n == 0 { ended = true }
    end += n
  }

  /// Calls `body` with the next line (without its `\n`); `false` at the end of the file.
  func nextLine(_ body: (ArraySlice<UInt8>) throws -> Void) throws -> Bool {
    var scanned = start
    while true {
      if let newline = buffer[scanned..<end].firstIndex(of: 0x0A) {
        let line = buffer[start..<newline]
        start = newline + 1
        try body(line)
        return true
      }
      if ended {
        guard start < end else { return false }
        // Shards end every record with a newline: a part cut mid-record is damaged.
        throw ShardError.badParts(reason: "\(path) ends in the middle of a record; run its shard again with --force")
      }
      scanned = end - start
      try fill()
      scanned = start + scanned
    }
  }

  /// Whether lines are left.
  func hasMore() throws -> Bool {
    if start < end { return true }
    if ended { return false }
    try fill()
    return start < end
  }
}
