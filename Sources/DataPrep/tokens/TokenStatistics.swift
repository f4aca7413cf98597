/// Token-length statistics of a dataset, accumulated record by record (`dataprep stats`, the
/// split statistics of `dataprep build`).
///
/// Keeps a count per distinct token length, so memory grows with the longest record, not with
/// the number of records. Adding the same counts in any order gives the same summary.
public struct TokenStatistics: Sendable, Equatable {
  /// Records seen, with or without text.
  public internal(set) var records = 0
  /// Records that had no text of a known shape (counted, not measured).
  public internal(set) var recordsWithoutText = 0
  /// The total tokens of all records.
  public internal(set) var totalTokens = 0
  /// Measured records per token length.
  var lengths: [Int: Int] = [:]
  var roles: [String: RoleTotal] = [:]

  /// The content tokens of one role over all records, and how many records have it.
  struct RoleTotal: Sendable, Equatable {
    var tokens = 0
    var records = 0
  }

  /// The share of records the histograms reach before their last, open-ended bucket: 99%, so a
  /// few very long records do not squeeze all the others into one bar.
  static let histogramCoveragePercent = 99
  /// About this many buckets in the histogram of ``summary(maxTokens:)``.
  static let summaryBuckets = 12

  /// Empty statistics.
  public init() {}

  /// Adds one record's count.
  mutating func add(_ count: ExampleTokenCount) {
    add(tokens: count.total)
    for role in count.byRole {
      roles[role.role, default: RoleTotal()].tokens += role.tokens
      roles[role.role, default: RoleTotal()].records += 1
    }
  }

  /// Adds one record of `tokens` tokens (a plain text count, no roles).
  public mutating func add(tokens: Int) {
    records += 1
    totalTokens += tokens
    lengths[tokens, default: 0] += 1
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
    lengths.merge(other.lengths, uniquingKeysWith: +)
    for (role, entry) in other.roles {
      roles[role, default: RoleTotal()].tokens += entry.tokens
      roles[role, default: RoleTotal()].records += entry.records
    }
  }

  /// Records that were measured (had text).
  public var measuredRecords: Int { records - recordsWithoutText }

  /// The most tokens in a record (0 when none was measured).
  public var longest: Int { lengths.keys.max() ?? 0 }

  /// The smallest length with at least `percent`% of the measured records at or below it
  /// (nearest rank; 0 when none was measured).
  public func percentile(_ percent: Int) -> Int {
    Self.percentile(percent, of: lengths.keys.sorted(), in: lengths, measured: measuredRecords)
  }

  /// Measured records longer than `limit` tokens.
  public func records(longerThan limit: Int) -> Int {
    lengths.reduce(0) { $0 + ($1.key > limit ? $1.value : 0) }
  }

  /// Measured records per bucket of `width` tokens starting at 0: bucket `i` holds the lengths
  /// `i * width ..< (i + 1) * width`, the last of the `count` buckets every longer one too.
  public func bucketCounts(width: Int, count: Int) -> [Int] {
    var counts = [Int](repeating: 0, count: max(1, count))
    for (length, n) in lengths { counts[min(counts.count - 1, length / max(1, width))] += n }
    return counts
  }

  /// The summary; with `maxTokens`, how many records that limit would truncate.
  public func summary(maxTokens: Int? = nil) -> TokenStatisticsSummary {
    let sorted = lengths.keys.sorted()
    let measured = measuredRecords
    func percentile(_ p: Int) -> Int { Self.percentile(p, of: sorted, in: lengths, measured: measured) }
    var summary = TokenStatisticsSummary(
      records: records, recordsWithoutText: recordsWithoutText, totalTokens: totalTokens,
      minimum: sorted.first ?? 0, median: percentile(50), p90: percentile(90), p99: percentile(99),
      maximum: sorted.last ?? 0,
      mean: measured == 0 ? 0 : Double(totalTokens) / Double(measured),
      roles: roles.keys.sorted().map { role in
        let entry = roles[role] ?? RoleTotal()
        return .init(role: role, tokens: entry.tokens, records: entry.records)
      },
      histogram: measured == 0 ? [] : histogram(upTo: percentile(Self.histogramCoveragePercent)), truncation: nil)
    if let maxTokens {
      var truncated = 0
      var cut = 0
      for length in sorted.reversed() {
        guard length > maxTokens else { break }
        let n = lengths[length] ?? 0
        truncated += n
        cut += (length - maxTokens) * n
      }
      summary.truncation = .init(maxTokens: maxTokens, records: truncated, tokensCut: cut)
    }
    return summary
  }

  /// About ``summaryBuckets`` equal buckets of a round width up to `upper` (the p99), the last
  /// one open-ended.
  private func histogram(upTo upper: Int) -> [TokenStatisticsSummary.Bucket] {
    let width = Self.roundWidth(max(1, (upper + Self.summaryBuckets - 1) / Self.summaryBuckets))
    let counts = bucketCounts(width: width, count: upper / width + 1)
    return counts.enumerated().map { index, records in
      let isLast = index == counts.count - 1
      return .init(lower: index * width, upper: isLast ? nil : (index + 1) * width - 1, records: records)
    }
  }

  /// Nearest rank over a count per length: the smallest length with at least `percent`% of the
  /// `measured` records at or below it.
  private static func percentile(_ percent: Int, of sorted: [Int], in lengths: [Int: Int], measured: Int) -> Int {
    guard measured > 0 else { return 0 }
    let rank = max(1, (percent * measured + 99) / 100)
    var seen = 0
    for length in sorted {
      seen += lengths[length] ?? 0
      if seen >= rank { return length }
    }
    return sorted.last ?? 0
  }

  /// The smallest 1, 2 or 5 times a power of ten that is at least `width` (a histogram's
  /// bucket width or axis end).
  static func roundWidth(_ width: Int) -> Int {
    var scale = 1
    while true {
      for step in [1, 2, 5] where step * scale >= width { return step * scale }
      scale *= 10
    }
  }
}
