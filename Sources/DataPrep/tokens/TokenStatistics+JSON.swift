extension TokenStatistics {
  /// The statistics whole, as one JSON object a shard stores in its marker so that `dataprep
  /// merge` can add the shards' statistics and print the report one process prints:
  /// `{records, without_text, tokens, lengths: [[length, records], ...], roles: {role: [tokens, records]}}`.
  ///
  /// The lengths are the exact count per distinct token length the percentiles and histograms
  /// are computed from (a pair per distinct length: its size grows with the longest record,
  /// not with the number of records).
  public var json: JSONValue {
    var object = JSONObject()
    object.append("records", .integer(Int64(records)))
    object.append("without_text", .integer(Int64(recordsWithoutText)))
    object.append("tokens", .integer(Int64(totalTokens)))
    object.append("lengths", .array(lengths.keys.sorted().map { [.integer(Int64($0)), .integer(Int64(lengths[$0] ?? 0))] }))
    var roleObject = JSONObject()
    for role in roles.keys.sorted() {
      let entry = roles[role] ?? RoleTotal()
      roleObject.append(role, [.integer(Int64(entry.tokens)), .integer(Int64(entry.records))])
    }
    object.append("roles", .object(roleObject))
    return .object(object)
  }

  /// Reads statistics back from ``json``; `nil` when a field is missing or not a count.
  public init?(json: JSONValue) {
    self.init()
    func count(_ value: JSONValue?) -> Int? {
      guard let n = value?.integerValue, n >= 0 else { return nil }
      return Int(n)
    }
    guard let records = count(json["records"]), let withoutText = count(json["without_text"]),
      let tokens = count(json["tokens"]), let lengths = json["lengths"]?.arrayValue, let roles = json["roles"]?.objectValue
    else { return nil }
    self.records = records
    recordsWithoutText = withoutText
    totalTokens = tokens
    for pair in lengths {
      guard let items = pair.arrayValue, items.count == 2, let length = count(items[0]), let n = count(items[1]) else { return nil }
      self.lengths[length, default: 0] += n
    }
    for member in roles {
      guard let items = member.value.arrayValue, items.count == 2, let tokens = count(items[0]), let n = count(items[1]) else {
        return nil
      }
      self.roles[member.key] = RoleTotal(tokens: tokens, records: n)
    }
  }
}
