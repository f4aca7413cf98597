/// Identifies the language of a text: an ISO 639-1 code (`en`, `de`, `ja`, ...) and a score in
/// `0...1`, one model for the whole pipeline (filter, build, validate).
///
/// Placeholder until the model lands (issue 17): it answers `und` with score 0.
public struct LanguageIdentifier: Sendable {
  /// One identification.
  public struct Guess: Sendable, Equatable {
    /// ISO 639-1 code, or `und` when unknown.
    public var language: String
    /// Confidence in `0...1`.
    public var score: Double

    /// A guess of `language` with `score`.
    public init(language: String, score: Double) {
      self.language = language
      self.score = score
    }
  }

  /// The identifier.
  public init() {}

  /// The language of `text`.
  public func identify(_ text: String) -> Guess {
    Guess(language: "und", score: 0)
  }
}
