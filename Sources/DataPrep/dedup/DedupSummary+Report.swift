extension DedupSummary {
  /// The counts as the report object of a shard marker.
  var report: JSONObject {
    var object = JSONObject()
    object.append("records_in", .integer(Int64(recordsIn)))
    object.append("exact_duplicates", .integer(Int64(exactDuplicates)))
    object.append("near_duplicates", .integer(Int64(nearDuplicates)))
    object.append("partial_copies", .integer(Int64(partialCopies)))
    object.append("records_out", .integer(Int64(recordsOut)))
    object.append("clusters", .integer(Int64(clusters)))
    return object
  }

  /// The counts in a dedup marker's report (zero where missing): what `dataprep merge` prints
  /// for the filter stage's parts, the same summary a single process prints.
  public init(report: JSONValue) {
    func count(_ key: String) -> Int { Int(report[key]?.integerValue ?? 0) }
    self.init()
    recordsIn = count("records_in")
    exactDuplicates = count("exact_duplicates")
    nearDuplicates = count("near_duplicates")
    partialCopies = count("partial_copies")
    recordsOut = count("records_out")
    clusters = count("clusters")
  }
}
