extension LeakFinding {
  /// The finding whole as one JSON object, similarity unrounded, as a shard of `dataprep leakage`
  /// writes it in its part so that `dataprep merge` reads back the very finding:
  /// `{kind, held_out: {file, line, id}, found: {...}, similarity?, passage?, words?, part?, group?}`.
  public var json: JSONValue {
    var object = JSONObject()
    object.append("kind", .string(kind.rawValue))
    object.append("held_out", heldOut.json)
    object.append("found", found.json)
    if let similarity { object.append("similarity", .double(similarity)) }
    if let passage { object.append("passage", .string(passage)) }
    if let passageWords { object.append("words", .integer(Int64(passageWords))) }
    if let part { object.append("part", .string(part.rawValue)) }
    if let group { object.append("group", .string(group)) }
    return .object(object)
  }

  /// Reads a finding back from ``json``; `nil` when a field is missing or wrong.
  public init?(json: JSONValue) {
    guard let kind = json["kind"]?.stringValue.flatMap(LeakKind.init(rawValue:)),
      let heldOut = json["held_out"].flatMap(Self.reference), let found = json["found"].flatMap(Self.reference)
    else { return nil }
    self.init(kind: kind, heldOut: heldOut, found: found)
    if let value = json["similarity"] {
      guard let number = value.doubleValue else { return nil }
      similarity = number
    }
    passage = json["passage"]?.stringValue
    passageWords = json["words"]?.integerValue.map { Int($0) }
    if let value = json["part"] {
      guard let name = value.stringValue, let part = LeakagePart(rawValue: name) else { return nil }
      self.part = part
    }
    group = json["group"]?.stringValue
  }

  private static func reference(_ json: JSONValue) -> LeakRecordReference? {
    guard let file = json["file"]?.stringValue, let line = json["line"]?.integerValue else { return nil }
    return LeakRecordReference(file: file, line: Int(line), id: json["id"]?.stringValue)
  }
}
