/// What a shard of `validate` read of one piece of a file (the whole file, or its byte range):
/// the counts and the 3-gram sample the file-level checks need, which add up exactly over the
/// pieces of a file, and how many record events it wrote (see ``ValidationEvent``).
package struct ValidationPieceSummary: Sendable, Equatable {
  /// Records read.
  package var records = 0
  /// Bytes read.
  package var bytes: Int64 = 0
  /// The format the file had at the piece's end (detected from its first record, or given).
  package var format: DatasetFormat?
  /// Sampled word 3-grams of the diversity check.
  package var diversitySampled = 0
  /// The distinct-count registers of the diversity check (4 KB; joined by maximum).
  package var diversityRegisters: [UInt8] = []
  /// Record events written.
  package var events = 0

  /// An empty summary.
  package init() {}

  /// `{records, bytes, format, trigrams, registers (hex), events}`.
  package var json: JSONValue {
    var object = JSONObject()
    object.append("records", .integer(Int64(records)))
    object.append("bytes", .integer(bytes))
    object.append("format", format.map { .string($0.rawValue) } ?? .null)
    object.append("trigrams", .integer(Int64(diversitySampled)))
    object.append("registers", .string(HexBytes.encode(diversityRegisters)))
    object.append("events", .integer(Int64(events)))
    return .object(object)
  }

  /// Reads a summary back from ``json``; `nil` when damaged.
  package init?(json: JSONValue) {
    guard let records = json["records"]?.integerValue, let bytes = json["bytes"]?.integerValue,
      let sampled = json["trigrams"]?.integerValue, let registers = json["registers"]?.stringValue.flatMap(HexBytes.decode),
      let events = json["events"]?.integerValue
    else { return nil }
    self.records = Int(records)
    self.bytes = bytes
    if let name = json["format"]?.stringValue {
      guard let format = DatasetFormat(rawValue: name) else { return nil }
      self.format = format
    }
    diversitySampled = Int(sampled)
    diversityRegisters = registers
    self.events = Int(events)
  }
}
