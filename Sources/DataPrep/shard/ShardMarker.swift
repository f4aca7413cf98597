import Foundation

/// The completion marker a shard writes last, beside its parts (`part-IIIII-of-NNNNN.done.json`):
/// which job it belongs to, what it read and wrote, and its counts. A rerun that finds it skips
/// the shard; ``ShardPartsMerger`` reads it to put the parts back in input order.
public struct ShardMarker: Sendable, Equatable {
  /// What one piece of input (see ``ShardInputs/Piece``) gave: records written per output.
  public struct Piece: Sendable, Equatable {
    /// The input's position in the job's list.
    public var input: Int
    /// The first byte read of it (0 for a whole file).
    public var start: Int
    /// Records written to each output (by output name) from this piece.
    public var records: [String: Int]

    /// A piece of input `input` from byte `start` that wrote `records`.
    public init(input: Int, start: Int, records: [String: Int]) {
      self.input = input
      self.start = start
      self.records = records
    }
  }

  /// The command or step that wrote it (`convert`, `dedup-signatures`, ...).
  public var stage: String
  /// The shard.
  public var shard: Shard
  /// A digest of the job: stage, shard count, settings and the inputs' names, sizes and times.
  /// Shards of one job share it; a changed input or setting changes it.
  public var fingerprint: String
  /// The output files of the shard, by output name (paths relative to the marker's folder).
  public var outputs: [String: String]
  /// What each piece of input gave, in input order.
  public var pieces: [Piece]
  /// The stage's own counts and findings for this shard, merged by the stage at merge time.
  public var report: JSONValue

  /// A marker for `shard` of `stage`.
  public init(
    stage: String, shard: Shard, fingerprint: String, outputs: [String: String], pieces: [Piece], report: JSONValue
  ) {
    self.stage = stage
    self.shard = shard
    self.fingerprint = fingerprint
    self.outputs = outputs
    self.pieces = pieces
    self.report = report
  }

  /// The marker as one JSON object.
  public var json: JSONValue {
    var object = JSONObject()
    object.append("stage", .string(stage))
    object.append("shard", .integer(Int64(shard.index)))
    object.append("count", .integer(Int64(shard.count)))
    object.append("fingerprint", .string(fingerprint))
    var outputObject = JSONObject()
    for name in outputs.keys.sorted() { outputObject.append(name, .string(outputs[name] ?? "")) }
    object.append("outputs", .object(outputObject))
    object.append("pieces", .array(pieces.map { piece in
      var records = JSONObject()
      for name in piece.records.keys.sorted() { records.append(name, .integer(Int64(piece.records[name] ?? 0))) }
      return ["input": .integer(Int64(piece.input)), "start": .integer(Int64(piece.start)), "records": .object(records)]
    }))
    object.append("report", report)
    return .object(object)
  }

  /// Reads a marker back.
  /// - Throws: ``ShardError/badParts(reason:)`` naming `path` when a field is missing or wrong.
  public init(json: JSONValue, path: String) throws(ShardError) {
    func fail(_ what: String) -> ShardError { .badParts(reason: "\(path): \(what); the shard did not finish cleanly, run it again") }
    guard let stage = json["stage"]?.stringValue, let index = json["shard"]?.integerValue,
      let count = json["count"]?.integerValue, let fingerprint = json["fingerprint"]?.stringValue,
      let outputs = json["outputs"]?.objectValue, let pieces = json["pieces"]?.arrayValue
    else { throw fail("not a shard marker (stage, shard, count, fingerprint, outputs, pieces)") }
    guard let shard = try? Shard(index: Int(index), count: Int(count)) else { throw fail("shard \(index)/\(count) out of range") }
    self.stage = stage
    self.shard = shard
    self.fingerprint = fingerprint
    var names: [String: String] = [:]
    for member in outputs {
      guard let file = member.value.stringValue else { throw fail("output \(member.key) is not a file name") }
      names[member.key] = file
    }
    self.outputs = names
    self.pieces = try pieces.map { (value) throws(ShardError) -> Piece in
      guard let input = value["input"]?.integerValue, let start = value["start"]?.integerValue,
        let records = value["records"]?.objectValue
      else { throw fail("a piece without input, start and records") }
      var counts: [String: Int] = [:]
      for member in records {
        guard let n = member.value.integerValue, n >= 0 else { throw fail("a piece's record count is not a count") }
        counts[member.key] = Int(n)
      }
      return Piece(input: Int(input), start: Int(start), records: counts)
    }
    self.report = json["report"] ?? .null
  }

  /// Reads the marker file at `path`.
  /// - Throws: ``ShardError/badParts(reason:)`` when it cannot be read or is not a marker.
  public static func read(path: String) throws(ShardError) -> ShardMarker {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .badParts(reason: "\(path): cannot be read")
    }
    let value: JSONValue
    do { value = try JSONParser().parse([UInt8](data)) } catch {
      throw .badParts(reason: "\(path): not JSON (\(error)); the shard did not finish cleanly, run it again")
    }
    return try ShardMarker(json: value, path: path)
  }
}
