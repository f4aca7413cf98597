/// Identifies the language of a text: an ISO 639-1 code (`en`, `de`, `ja`, ...; ISO 639-2/3
/// for the few languages without one) and a score in `0...1`, one model for the whole pipeline
/// (filter, build, validate).
///
/// The model is CLD2 (Debian's `libcld2`, Apache-2.0), about 80 languages, run on the text's
/// prose: code (fenced blocks, inline spans, code-like tokens) is removed first, so a
/// documentation paragraph is judged by its words. Thread-safe: a value with no state, call it
/// from any number of tasks. docs/language.md has the score's meaning and the measured accuracy.
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

  /// Fewer bytes of prose letters than this is `und`: a title or a code line says too little.
  /// Counted in UTF-8 bytes, so 16 Latin letters or 6 kana or ideographs (which say as much).
  static let minimumLetterBytes = 16

  /// The answer when there is nothing to judge.
  static let unknown = Guess(language: "und", score: 0)

  /// The identifier.
  public init() {}

  /// The language of `text` and how sure the model is: the share of the prose's letters in that
  /// language, halved when CLD2 calls the answer unreliable (so it falls below any sensible
  /// threshold); `und` with 0 when the prose has fewer than 16 bytes of letters (16 Latin letters,
  /// 6 kana or ideographs) or CLD2 knows no language.
  /// Prose CLD2 calls English but that scores poorly as English is judged again in pieces, with
  /// English treated as borrowed terms (`EnglishBoilerplate`); a rare language CLD2 barely tells
  /// from a common relative (Galician from Spanish) must read at least as well as that relative
  /// (`CloseLanguages`). Only the first 256 KiB of prose are read.
  public func identify(_ text: String) -> Guess {
    let prose = ProseSample(text)
    guard prose.letterBytes >= Self.minimumLetterBytes else { return Self.unknown }
    let resolved = CloseLanguages.resolve(CLD2Detector.detect(prose.bytes[...]), prose: prose.bytes[...])
    let verdict = WeakAnswerProbe.applies(to: resolved) ? WeakAnswerProbe.probe(resolved, prose: prose.bytes[...]) : resolved
    guard verdict.language != "und", verdict.percent > 0 else { return Self.unknown }
    if EnglishBoilerplate.applies(to: verdict), let other = EnglishBoilerplate.rejudge(prose.bytes) {
      // CLD2's summary rule: a share of at least 51% is reliable.
      return Guess(language: other.language, score: other.share >= 0.51 ? other.share : other.share / 2)
    }
    let share = Double(min(verdict.percent, 100)) / 100
    return Guess(language: verdict.language, score: verdict.reliable ? share : share / 2)
  }
}
