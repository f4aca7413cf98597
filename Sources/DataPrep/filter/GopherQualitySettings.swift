/// Thresholds of the `gopher-quality` rules (Gopher, Rae et al. 2021, table A1; datatrove's
/// `GopherQualityFilter` defaults). `nil` turns a rule off.
public struct GopherQualitySettings: Sendable, Equatable {
  /// Fewest words (punctuation-only tokens not counted).
  public var minWords: Double? = 50
  /// Most words.
  public var maxWords: Double? = 100_000
  /// Shortest mean word length.
  public var minMeanWordLength: Double? = 3
  /// Longest mean word length.
  public var maxMeanWordLength: Double? = 10
  /// Most `#`, and most ellipses, per word.
  public var maxSymbolWordRatio: Double? = 0.1
  /// Most lines starting with a bullet (`•`, `-`).
  public var maxBulletLinesRatio: Double? = 0.9
  /// Most lines ending with an ellipsis.
  public var maxEllipsisLinesRatio: Double? = 0.3
  /// Least share of words holding a letter.
  public var minAlphaWordsRatio: Double? = 0.8
  /// Fewest distinct stop words present.
  public var minStopWords: Double? = 2
  /// The stop words (English, the paper's list).
  public var stopWords: [String] = ["the", "be", "to", "of", "and", "that", "have", "with"]

  /// The published thresholds.
  public init() {}
}
