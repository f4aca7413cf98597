extension TokenStatisticsReport {
  /// One shard's share of a `stats` run as it stores it in its marker: the tokenizer, every
  /// file's name (all of the job's, so the merge can list them in order) and the statistics of
  /// each piece the shard read, by the file's position: `{tokenizer, files, pieces: [{input, statistics}]}`.
  public static func shardJSON(tokenizer: String, names: [String], pieces: [(input: Int, statistics: TokenStatistics)]) -> JSONValue {
    var object = JSONObject()
    object.append("tokenizer", .string(tokenizer))
    object.append("files", .array(names.map { .string($0) }))
    object.append("pieces", .array(pieces.map { piece in
      ["input": .integer(Int64(piece.input)), "statistics": piece.statistics.json]
    }))
    return .object(object)
  }

  /// The report one process makes over the files, from every shard's ``shardJSON(tokenizer:names:pieces:)``:
  /// the pieces of each file added together (the counts per length add exactly, so percentiles
  /// and histograms are those of the whole file). `nil` when a report is damaged or the shards
  /// disagree on the files or the tokenizer.
  public static func merging(_ shards: [JSONValue]) -> TokenStatisticsReport? {
    guard let first = shards.first, let tokenizer = first["tokenizer"]?.stringValue,
      let names = first["files"]?.arrayValue?.compactMap(\.stringValue)
    else { return nil }
    var perFile = [TokenStatistics](repeating: TokenStatistics(), count: names.count)
    for shard in shards {
      guard shard["tokenizer"]?.stringValue == tokenizer, shard["files"]?.arrayValue?.compactMap(\.stringValue) == names,
        let pieces = shard["pieces"]?.arrayValue
      else { return nil }
      for piece in pieces {
        guard let input = piece["input"]?.integerValue, input >= 0, Int(input) < names.count,
          let statistics = piece["statistics"].flatMap(TokenStatistics.init(json:))
        else { return nil }
        perFile[Int(input)].add(statistics)
      }
    }
    var report = TokenStatisticsReport(tokenizer: tokenizer)
    for (name, statistics) in zip(names, perFile) { report.add(statistics, name: name) }
    return report
  }
}
