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
