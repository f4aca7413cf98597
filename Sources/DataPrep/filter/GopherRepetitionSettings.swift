/// Thresholds of the `gopher-repetition` rules (Gopher table A1; datatrove's
/// `GopherRepetitionFilter` defaults). `nil` turns a rule off.
public struct GopherRepetitionSettings: Sendable, Equatable {
  /// Most duplicate lines, as a share of lines.
  public var maxDuplicateLineFraction: Double? = 0.3
  /// Most duplicate paragraphs, as a share of paragraphs.
  public var maxDuplicateParagraphFraction: Double? = 0.3
  /// Most characters in duplicate lines, as a share of the text.
  public var maxDuplicateLineCharFraction: Double? = 0.2
  /// Most characters in duplicate paragraphs, as a share of the text.
  public var maxDuplicateParagraphCharFraction: Double? = 0.2
  /// Most characters in the most frequent n-gram, for n = 2, 3, 4.
  public var maxTopNGramCharFraction: [Int: Double] = [2: 0.20, 3: 0.18, 4: 0.16]
  /// Most characters in duplicated n-grams, for n = 5 ... 10.
  public var maxDuplicateNGramCharFraction: [Int: Double] = [5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10]

  /// The published thresholds.
  public init() {}
}
