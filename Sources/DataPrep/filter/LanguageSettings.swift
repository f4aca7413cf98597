/// The `language` rule: keep texts identified as one of ``languages`` with at least
/// ``minScore`` (an empty list keeps every language above the score).
public struct LanguageSettings: Sendable, Equatable {
  /// Wanted ISO 639-1 codes.
  public var languages: [String] = []
  /// Least identification score.
  public var minScore: Double = 0.65

  /// No language wanted yet, the default score.
  public init() {}
}
