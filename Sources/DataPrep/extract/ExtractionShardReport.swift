/// What one shard of a sharded extraction reports in its marker: its counts, its failure
/// messages with their positions in the listing, the notices of the folder walk, the options
/// the merge needs to judge the whole run (`--record`, `--field`) and, with furniture removal,
/// the filter's options and the documents its counts cover.
struct ExtractionShardReport {
  /// The shard's counts (``ExtractionSummary/inputs``, `ignored` and `linkedFolders` are the
  /// whole listing's: every shard walks the same folders).
  var summary: ExtractionSummary
  /// `{"input": position, "message": text}` for each input that failed, in order.
  var failures: [JSONValue]
  /// What the folder walk passed over and said.
  var notices: [String]
  /// The record and field options of the run.
  var options: ExtractOptions
  /// The furniture filter's options, when furniture is removed at merge time.
  var furniture: SiteFurnitureFilter.Options?
  /// Documents the shard's furniture counts cover.
  var furnitureDocuments: Int
  /// Distinct keys in the shard's furniture counts.
  var furnitureKeys = 0

  init(
    summary: ExtractionSummary, failures: [JSONValue], notices: [String], options: ExtractOptions,
    furniture: SiteFurnitureFilter.Options?, furnitureDocuments: Int
  ) {
    self.summary = summary
    self.failures = failures
    self.notices = notices
    self.options = options
    self.furniture = furniture
    self.furnitureDocuments = furnitureDocuments
  }

  /// The report as the marker holds it.
  var json: JSONValue {
    var object = JSONObject()
    func count(_ name: String, _ value: Int) { object.append(name, .integer(Int64(value))) }
    count("documents", summary.documents)
    count("files", summary.files)
    count("skipped", summary.skipped)
    count("bytes_read", summary.bytesRead)
    count("records", summary.records)
    object.append("field_matches", .array(summary.fieldMatches.map { .integer(Int64($0)) }))
    count("inputs", summary.inputs)
    count("ignored", summary.ignored)
    count("linked_folders", summary.linkedFolders)
    object.append("failures", .array(failures))
    object.append("notices", .array(notices.map { .string($0) }))
    if let xpath = options.recordXPath { object.append("record", .string(xpath)) }
    object.append("fields", .array(options.fields.map { ["name": .string($0.name), "xpath": .string($0.xpath)] }))
    if let furniture {
      object.append(
        "furniture",
        [
          "documents": .integer(Int64(furnitureDocuments)), "keys": .integer(Int64(furnitureKeys)),
          "minimum_documents": .integer(Int64(furniture.minimumDocuments)), "minimum_share": .double(furniture.minimumShare),
          "minimum_words": .integer(Int64(furniture.minimumWords)), "includes_code": .bool(furniture.includesCode),
          "top_lines": .integer(Int64(furniture.topLineCount)),
          "maximum_json_depth": .integer(Int64(furniture.limits.maximumJSONDepth)),
          "maximum_line_bytes": .integer(Int64(furniture.limits.maximumLineBytes)),
        ])
    }
    return .object(object)
  }

  /// Reads a shard's report back.
  /// - Throws: ``ShardError/badParts(reason:)`` naming the shard when a field is missing.
  init(json value: JSONValue, shard: Shard) throws(ShardError) {
    func fail(_ what: String) -> ShardError {
      .badParts(reason: "extract shard \(shard): its report \(what); run it again with --force")
    }
    func count(_ name: String) throws(ShardError) -> Int {
      guard let n = value[name]?.integerValue else { throw fail("has no \(name)") }
      return Int(n)
    }
    var summary = ExtractionSummary()
    summary.documents = try count("documents")
    summary.files = try count("files")
    summary.skipped = try count("skipped")
    summary.done = summary.files + summary.skipped
    summary.bytesRead = try count("bytes_read")
    summary.records = try count("records")
    summary.fieldMatches = (value["field_matches"]?.arrayValue ?? []).map { Int($0.integerValue ?? 0) }
    summary.inputs = try count("inputs")
    summary.ignored = try count("ignored")
    summary.linkedFolders = try count("linked_folders")
    self.summary = summary
    failures = value["failures"]?.arrayValue ?? []
    notices = (value["notices"]?.arrayValue ?? []).compactMap(\.stringValue)
    let fields = (value["fields"]?.arrayValue ?? []).compactMap { field -> (name: String, xpath: String)? in
      guard let name = field["name"]?.stringValue, let xpath = field["xpath"]?.stringValue else { return nil }
      return (name, xpath)
    }
    options = ExtractOptions(recordXPath: value["record"]?.stringValue, fields: fields)
    if let furniture = value["furniture"] {
      var filter = SiteFurnitureFilter.Options()
      filter.minimumDocuments = Int(furniture["minimum_documents"]?.integerValue ?? Int64(filter.minimumDocuments))
      filter.minimumShare = furniture["minimum_share"]?.doubleValue ?? filter.minimumShare
      filter.minimumWords = Int(furniture["minimum_words"]?.integerValue ?? Int64(filter.minimumWords))
      filter.includesCode = furniture["includes_code"]?.boolValue ?? filter.includesCode
      filter.topLineCount = Int(furniture["top_lines"]?.integerValue ?? Int64(filter.topLineCount))
      filter.limits.maximumJSONDepth = Int(furniture["maximum_json_depth"]?.integerValue ?? Int64(filter.limits.maximumJSONDepth))
      filter.limits.maximumLineBytes = Int(furniture["maximum_line_bytes"]?.integerValue ?? Int64(filter.limits.maximumLineBytes))
      self.furniture = filter
      furnitureDocuments = Int(furniture["documents"]?.integerValue ?? 0)
      furnitureKeys = Int(furniture["keys"]?.integerValue ?? 0)
    } else {
      self.furniture = nil
      furnitureDocuments = 0
    }
  }
}
