/// Thresholds of the `fineweb` rules (datatrove's `FineWebQualityFilter` defaults). `nil` turns
/// a rule off.
public struct FineWebSettings: Sendable, Equatable {
  /// Least share of lines ending in terminal punctuation.
  public var minLinePunctuationRatio: Double? = 0.12
  /// Most share of short lines.
  public var maxShortLineRatio: Double? = 0.67
  /// A line of at most this many characters is short.
  public var shortLineLength: Int = 30
  /// Most characters in duplicated lines, as a share of the characters (newlines not counted).
  public var maxDuplicateLineCharRatio: Double? = 0.01
  /// Most newlines per word.
  public var maxNewlineWordRatio: Double? = 0.3

  /// The published thresholds.
  public init() {}
}
