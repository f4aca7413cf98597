/// The `language` rule: the text's language (one identifier for the pipeline, or a stand-in
/// a test gives) must be among the wanted ones with at least the minimum score.
struct LanguageRule {
  let settings: LanguageSettings
  let identify: @Sendable (String) -> LanguageIdentifier.Guess

  func evaluate(_ text: String) -> QualityRuleOutcome {
    let guess = identify(text)
    var failure: String?
    if !settings.languages.isEmpty && !settings.languages.contains(guess.language) {
      failure = "language_not_wanted"
    } else if guess.score < settings.minScore {
      failure = "language_score_too_low"
    }
    return QualityRuleOutcome(rules: .language, failure: failure, values: [("language_score", guess.score)], language: guess.language)
  }
}
