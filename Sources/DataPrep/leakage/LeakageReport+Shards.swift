extension LeakageReport {
  /// What a shard of `dataprep leakage` stores in its marker besides its findings: the index's
  /// sizes (every shard builds the same index) and the options the report shows:
  /// `{held_out_records, indexed_ngrams, index_bytes, ngram, threshold, kinds}`.
  public var shardJSON: JSONValue {
    var object = JSONObject()
    object.append("held_out_records", .integer(Int64(heldOutRecords)))
    object.append("indexed_ngrams", .integer(Int64(indexedNGrams)))
    object.append("index_bytes", .integer(Int64(indexBytes)))
    object.append("ngram", .integer(Int64(options.ngram)))
    object.append("threshold", .double(options.threshold))
    object.append("kinds", .array(LeakKind.allCases.filter { options.kinds.contains($0) }.map { .string($0.rawValue) }))
    return .object(object)
  }

  /// The report one process makes, from a shard's ``shardJSON`` and every shard's findings
  /// joined in input order; `nil` when the JSON is damaged.
  public init?(shardJSON json: JSONValue, findings: [LeakFinding]) {
    guard let heldOut = json["held_out_records"]?.integerValue, let ngrams = json["indexed_ngrams"]?.integerValue,
      let bytes = json["index_bytes"]?.integerValue, let ngram = json["ngram"]?.integerValue,
      let threshold = json["threshold"]?.doubleValue, let kinds = json["kinds"]?.arrayValue
    else { return nil }
    var options = LeakageOptions()
    options.ngram = Int(ngram)
    options.threshold = threshold
    options.kinds = Set(kinds.compactMap { $0.stringValue.flatMap(LeakKind.init(rawValue:)) })
    self.init(findings: findings, heldOutRecords: Int(heldOut), indexedNGrams: Int(ngrams), indexBytes: Int(bytes), options: options)
  }
}
