/// What `dataprep tokens` counted over a share of its input: the records, their tokens and the
/// records without text. A shard stores it in its marker; `dataprep merge` sums the shards'
/// tallies to print the total (and the note on records without text) one process prints.
public struct TokenCountTally: Sendable, Equatable {
  /// Records read.
  public var records = 0
  /// Their tokens, summed.
  public var tokens = 0
  /// Records without text (counted as 0 tokens).
  public var withoutText = 0

  /// An empty tally.
  public init() {}

  /// Adds one record's count (`nil`: the record had no text).
  public mutating func add(_ count: Int?) {
    records += 1
    tokens += count ?? 0
    if count == nil { withoutText += 1 }
  }

  /// Adds another share's tally.
  public mutating func add(_ other: TokenCountTally) {
    records += other.records
    tokens += other.tokens
    withoutText += other.withoutText
  }

  /// `{records, tokens, without_text}`.
  public var json: JSONValue {
    ["records": .integer(Int64(records)), "tokens": .integer(Int64(tokens)), "without_text": .integer(Int64(withoutText))]
  }

  /// Reads a tally back from ``json``; `nil` when a count is missing or negative.
  public init?(json: JSONValue) {
    guard let records = json["records"]?.integerValue, let tokens = json["tokens"]?.integerValue,
      let withoutText = json["without_text"]?.integerValue, records >= 0, tokens >= 0, withoutText >= 0
    else { return nil }
    self.records = Int(records)
    self.tokens = Int(tokens)
    self.withoutText = Int(withoutText)
  }
}
