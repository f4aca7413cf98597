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
        "  \(OptionName.naming(.maxTokens)) \(truncation.maxTokens): \(Self.grouped(truncation.records)) of \(Self.grouped(measured)) records "
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
