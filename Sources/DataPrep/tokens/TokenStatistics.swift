/// Token-length statistics of a dataset, accumulated record by record (`dataprep stats`).
///
/// Keeps one `Int32` per record for the percentiles (4 bytes per record: the only memory that
/// grows with the input). Adding the same counts in any order gives the same summary.
public struct TokenStatistics: Sendable {
  /// Records seen, with or without text.
  public private(set) var records = 0
  /// Records that had no text of a known shape (counted, not measured).
  public private(set) var recordsWithoutText = 0
  /// The total tokens of all records.
  public private(set) var totalTokens = 0
  private var counts: [Int32] = []
  private var roles: [String: (tokens: Int, records: Int)] = [:]

  /// Empty statistics.
  public init() {}

  /// Adds one record's count.
  public mutating func add(_ count: ExampleTokenCount) {
    records += 1
    totalTokens += count.total
    counts.append(Int32(clamping: count.total))
    for role in count.byRole {
      var entry = roles[role.role] ?? (0, 0)
      entry.tokens += role.tokens
      entry.records += 1
      roles[role.role] = entry
    }
  }

  /// Adds a record that has no text.
  public mutating func addRecordWithoutText() {
    records += 1
    recordsWithoutText += 1
  }

  /// Adds everything `other` holds (to total several files).
  public mutating func add(_ other: TokenStatistics) {
    records += other.records
    recordsWithoutText += other.recordsWithoutText
    totalTokens += other.totalTokens
    counts += other.counts
    for (role, entry) in other.roles {
      var mine = roles[role] ?? (0, 0)
      mine.tokens += entry.tokens
      mine.records += entry.records
      roles[role] = mine
    }
  }

  /// The summary; with `maxTokens`, how many records that limit would truncate.
  public func summary(maxTokens: Int? = nil) -> TokenStatisticsSummary {
    let sorted = counts.sorted()
    func percentile(_ p: Int) -> Int {
      guard !sorted.isEmpty else { return 0 }
      // Nearest rank: the smallest count with at least p% of the records at or below it.
      let rank = max(1, (p * sorted.count + 99) / 100)
      return Int(sorted[rank - 1])
    }
    var summary = TokenStatisticsSummary(
      records: records, recordsWithoutText: recordsWithoutText, totalTokens: totalTokens,
      minimum: Int(sorted.first ?? 0), median: percentile(50), p90: percentile(90), p99: percentile(99),
      maximum: Int(sorted.last ?? 0),
      mean: sorted.isEmpty ? 0 : Double(totalTokens) / Double(sorted.count),
      roles: roles.keys.sorted().map { role in
        let entry = roles[role] ?? (0, 0)
        return .init(role: role, tokens: entry.tokens, records: entry.records)
      },
      histogram: Self.histogram(sorted, upTo: percentile(99)), truncation: nil)
    if let maxTokens {
      var truncated = 0
      var cut = 0
      for count in sorted.reversed() {
        guard Int(count) > maxTokens else { break }
        truncated += 1
        cut += Int(count) - maxTokens
      }
      summary.truncation = .init(maxTokens: maxTokens, records: truncated, tokensCut: cut)
    }
    return summary
  }

  /// About 12 equal buckets of a round width up to `upper` (the p99), the last one open-ended.
  private static func histogram(_ sorted: [Int32], upTo upper: Int) -> [TokenStatisticsSummary.Bucket] {
    guard let largest = sorted.last else { return [] }
    let width = roundWidth(max(1, (upper + 11) / 12))
    var buckets: [TokenStatisticsSummary.Bucket] = []
    var start = 0
    var index = 0
    while index < sorted.count {
      let isLast = start + width > upper
      let end = isLast ? Int(largest) : start + width - 1
      var records = 0
      while index < sorted.count && Int(sorted[index]) <= end {
        records += 1
        index += 1
      }
      buckets.append(.init(lower: start, upper: isLast ? nil : end, records: records))
      start += width
    }
    return buckets
  }

  /// The smallest 1, 2 or 5 times a power of ten that is at least `width`.
  private static func roundWidth(_ width: Int) -> Int {
    var scale = 1
    while true {
      for step in [1, 2, 5] where step * scale >= width { return step * scale }
      scale *= 10
    }
  }
}

/// What ``TokenStatistics/summary(maxTokens:)`` reports.
public struct TokenStatisticsSummary: Sendable, Hashable {
  /// Records seen.
  public var records: Int
  /// Records without text.
  public var recordsWithoutText: Int
  /// All tokens.
  public var totalTokens: Int
  /// Fewest tokens in a record.
  public var minimum: Int
  /// Median tokens per record (nearest rank).
  public var median: Int
  /// 90th percentile (nearest rank).
  public var p90: Int
  /// 99th percentile (nearest rank).
  public var p99: Int
  /// Most tokens in a record.
  public var maximum: Int
  /// Mean tokens per measured record.
  public var mean: Double
  /// Content tokens by role, sorted by role.
  public var roles: [Role]
  /// Records per token-length bucket.
  public var histogram: [Bucket]
  /// What `--max-tokens` would cut, when asked.
  public var truncation: Truncation?

  /// The content tokens of one role.
  public struct Role: Sendable, Hashable {
    /// The role.
    public var role: String
    /// Its content tokens over all records.
    public var tokens: Int
    /// How many records have it.
    public var records: Int
  }

  /// Records with `lower...upper` tokens (`upper` `nil`: and more).
  public struct Bucket: Sendable, Hashable {
    /// The smallest count in the bucket.
    public var lower: Int
    /// The largest count in the bucket, `nil` for the open-ended last one.
    public var upper: Int?
    /// How many records fall in it.
    public var records: Int
  }

  /// Records longer than a limit.
  public struct Truncation: Sendable, Hashable {
    /// The limit.
    public var maxTokens: Int
    /// Records over it.
    public var records: Int
    /// Tokens beyond the limit, summed.
    public var tokensCut: Int
  }

  /// The summary as a JSON object (`dataprep stats --output json`).
  public var json: JSONValue {
    var object = JSONObject()
    object.append("records", .integer(Int64(records)))
    object.append("records_without_text", .integer(Int64(recordsWithoutText)))
    object.append("tokens", .integer(Int64(totalTokens)))
    object.append(
      "per_record",
      [
        "min": .integer(Int64(minimum)), "median": .integer(Int64(median)), "mean": .double((mean * 100).rounded() / 100),
        "p90": .integer(Int64(p90)), "p99": .integer(Int64(p99)), "max": .integer(Int64(maximum)),
      ])
    var roleObject = JSONObject()
    for role in roles {
      roleObject.append(role.role, ["tokens": .integer(Int64(role.tokens)), "records": .integer(Int64(role.records))])
    }
    object.append("roles", .object(roleObject))
    object.append(
      "histogram",
      .array(
        histogram.map { bucket in
          ["min": .integer(Int64(bucket.lower)), "max": bucket.upper.map { .integer(Int64($0)) } ?? .null,
           "records": .integer(Int64(bucket.records))]
        }))
    if let truncation {
      object.append(
        "truncation",
        ["max_tokens": .integer(Int64(truncation.maxTokens)), "records": .integer(Int64(truncation.records)),
         "tokens_cut": .integer(Int64(truncation.tokensCut))])
    }
    return .object(object)
  }

  /// The summary as a human-readable report headed by `title` (a file name).
  public func text(title: String, tokenizer: String) -> String {
    var lines: [String] = []
    let measured = records - recordsWithoutText
    lines.append("\(title): \(Self.grouped(records)) records" + (recordsWithoutText > 0 ? " (\(Self.grouped(recordsWithoutText)) without text)" : ""))
    lines.append("  tokens (\(tokenizer)): \(Self.grouped(totalTokens)) total, \(Self.decimal(mean)) mean per record")
    guard measured > 0 else { return lines.joined(separator: "\n") + "\n" }
    lines.append(
      "  per record: min \(Self.grouped(minimum)), median \(Self.grouped(median)), p90 \(Self.grouped(p90)), "
        + "p99 \(Self.grouped(p99)), max \(Self.grouped(maximum))")
    if !roles.isEmpty && !(roles.count == 1 && roles[0].role == "text") {
      lines.append("  content tokens per role:")
      let width = roles.map(\.role.count).max() ?? 0
      for role in roles {
        let mean = Double(role.tokens) / Double(max(1, role.records))
        lines.append(
          "    \(role.role.padding(toLength: width, withPad: " ", startingAt: 0))  \(Self.grouped(role.tokens)) "
            + "in \(Self.grouped(role.records)) records (\(Self.decimal(mean)) mean)")
      }
    }
    lines.append("  tokens per record:")
    let labels = histogram.map { bucket in
      bucket.upper.map { "\(bucket.lower)-\($0)" } ?? "\(bucket.lower)+"
    }
    let labelWidth = labels.map(\.count).max() ?? 0
    let most = histogram.map(\.records).max() ?? 1
    for (bucket, label) in zip(histogram, labels) {
      let bar = String(repeating: "#", count: most == 0 ? 0 : (bucket.records * 40 + most - 1) / most)
      lines.append("    \(String(repeating: " ", count: labelWidth - label.count))\(label) | \(bar) \(Self.grouped(bucket.records))")
    }
    if let truncation {
      let share = measured == 0 ? 0 : Double(truncation.records) * 100 / Double(measured)
      lines.append(
        "  --max-tokens \(truncation.maxTokens): \(Self.grouped(truncation.records)) of \(Self.grouped(measured)) records "
          + "(\(Self.decimal(share))%) would be truncated, \(Self.grouped(truncation.tokensCut)) tokens cut")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, char) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(char)
    }
    return (value < 0 ? "-" : "") + out
  }

  private static func decimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
  }
}
