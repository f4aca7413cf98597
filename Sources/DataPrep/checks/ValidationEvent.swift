/// What a shard of `validate` records about one record for `dataprep merge` to replay in input
/// order: the findings the record made on its own, split at the point where one process checks
/// it against the earlier records of its file (`duplicate`, `conflict`, the near-duplicate
/// index), the hashes and signature that check needs, and the answer lines of the dataset-wide
/// `boilerplate` tally. Replaying every record's event in input order makes the findings, their
/// order and the counts those of one process.
///
/// Written as one JSON line per record that has any of them:
/// `{l: line, f: [[check, severity|null, message]], d: [whole, prompt, response, passes_schema,
/// has_prompt_and_response, signature|null], a: [...], b: [source|null, [[digest, text|null]]]}`
/// (64-bit values as signed integers, the signature as 8 hex digits per value). About the size
/// of the record's answer plus 0.6 KB: the signature, and the answer lines' text the first time
/// a shard meets each line.
struct ValidationEvent {
  /// A finding before severity rules apply: the check, its natural severity (`nil`: the
  /// check's default) and the message.
  struct Finding {
    var check: ValidationCheck
    var severity: FindingSeverity?
    var message: String
  }

  /// What the check against earlier records of the file needs.
  struct Repeats {
    var hashes: ExampleHashes
    var passesSchema: Bool
    var hasPromptAndResponse: Bool
    var signature: [UInt32]?
  }

  /// The answer lines for the `boilerplate` tally: the record's declared source (`nil`: the
  /// record itself) and each countable line's digest, with its normalised text the first time
  /// the shard gives that line (`nil` after).
  struct Answer {
    var source: UInt64?
    var lines: [(digest: UInt64, text: [UInt8]?)]
  }

  /// The record's line in its file.
  var line: Int
  /// Findings made before the check against earlier records.
  var before: [Finding] = []
  /// The check against earlier records, when one process makes it for this record.
  var repeats: Repeats?
  /// Findings made after it (`too-long`).
  var after: [Finding] = []
  /// The answer, when the record has one the `boilerplate` tally counts.
  var answer: Answer?

  /// Whether the record left nothing to replay.
  var isEmpty: Bool { before.isEmpty && repeats == nil && after.isEmpty && answer == nil }

  /// The event as one JSON object (see the type's description).
  var json: JSONValue {
    func findings(_ list: [Finding]) -> JSONValue {
      .array(list.map { [.string($0.check.rawValue), $0.severity.map { .string($0.rawValue) } ?? .null, .string($0.message)] })
    }
    var object = JSONObject()
    object.append("l", .integer(Int64(line)))
    if !before.isEmpty { object.append("f", findings(before)) }
    if let repeats {
      object.append("d", [
        .integer(Int64(bitPattern: repeats.hashes.whole)), .integer(Int64(bitPattern: repeats.hashes.prompt)),
        .integer(Int64(bitPattern: repeats.hashes.response)), .bool(repeats.passesSchema), .bool(repeats.hasPromptAndResponse),
        repeats.signature.map { .string(HexBytes.encode($0)) } ?? .null,
      ])
    }
    if !after.isEmpty { object.append("a", findings(after)) }
    if let answer {
      object.append("b", [
        answer.source.map { .integer(Int64(bitPattern: $0)) } ?? .null,
        .array(answer.lines.map { [.integer(Int64(bitPattern: $0.digest)), $0.text.map { .string(String(decoding: $0, as: UTF8.self)) } ?? .null] }),
      ])
    }
    return .object(object)
  }

  /// Reads an event back from ``json``; `nil` when a field is missing or wrong.
  init?(json: JSONValue) {
    guard let line = json["l"]?.integerValue else { return nil }
    self.line = Int(line)
    func findings(_ value: JSONValue?) -> [Finding]? {
      guard let value else { return [] }
      guard let items = value.arrayValue else { return nil }
      var list: [Finding] = []
      for item in items {
        guard let parts = item.arrayValue, parts.count == 3, let check = parts[0].stringValue.flatMap(ValidationCheck.init(rawValue:)),
          let message = parts[2].stringValue
        else { return nil }
        var severity: FindingSeverity?
        if parts[1] != .null {
          guard let named = parts[1].stringValue.flatMap(FindingSeverity.init(rawValue:)) else { return nil }
          severity = named
        }
        list.append(Finding(check: check, severity: severity, message: message))
      }
      return list
    }
    guard let before = findings(json["f"]), let after = findings(json["a"]) else { return nil }
    self.before = before
    self.after = after
    if let value = json["d"] {
      guard let parts = value.arrayValue, parts.count == 6, let whole = parts[0].integerValue, let prompt = parts[1].integerValue,
        let response = parts[2].integerValue, let passes = parts[3].boolValue, let paired = parts[4].boolValue
      else { return nil }
      var signature: [UInt32]?
      if parts[5] != .null {
        guard let text = parts[5].stringValue, let values = HexBytes.decodeValues(text) else { return nil }
        signature = values
      }
      repeats = Repeats(
        hashes: ExampleHashes(whole: UInt64(bitPattern: whole), prompt: UInt64(bitPattern: prompt), response: UInt64(bitPattern: response)),
        passesSchema: passes, hasPromptAndResponse: paired, signature: signature)
    }
    if let value = json["b"] {
      guard let parts = value.arrayValue, parts.count == 2, let lines = parts[1].arrayValue else { return nil }
      var source: UInt64?
      if parts[0] != .null {
        guard let n = parts[0].integerValue else { return nil }
        source = UInt64(bitPattern: n)
      }
      var list: [(digest: UInt64, text: [UInt8]?)] = []
      for entry in lines {
        guard let pair = entry.arrayValue, pair.count == 2, let digest = pair[0].integerValue else { return nil }
        list.append((UInt64(bitPattern: digest), pair[1].stringValue.map { Array($0.utf8) }))
      }
      answer = Answer(source: source, lines: list)
    }
  }

  /// An event of the record at `line`, empty so far.
  init(line: Int) {
    self.line = line
  }
}
