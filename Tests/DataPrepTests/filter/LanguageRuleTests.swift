import Testing
@testable import DataPrep

/// The language rule with a stand-in identifier.
@Suite struct LanguageRuleTests {
  private func judge(_ guess: LanguageIdentifier.Guess, languages: [String], minScore: Double = 0.65) -> QualityRuleOutcome {
    var s = LanguageSettings()
    s.languages = languages
    s.minScore = minScore
    return LanguageRule(settings: s, identify: { _ in guess }).evaluate("Ein Text.")
  }

  @Test func aWantedLanguageAboveTheScorePasses() {
    let outcome = judge(.init(language: "de", score: 0.9), languages: ["en", "de"])
    #expect(outcome.failure == nil)
    #expect(outcome.language == "de")
    #expect(FilterTestTexts.value(outcome, "language_score") == 0.9)
  }

  @Test func anUnwantedLanguageFails() {
    #expect(judge(.init(language: "fr", score: 0.99), languages: ["en"]).failure == "language_not_wanted")
  }

  @Test func aScoreBelowTheMinimumFails() {
    #expect(judge(.init(language: "en", score: 0.65), languages: ["en"]).failure == nil)
    #expect(judge(.init(language: "en", score: 0.64), languages: ["en"]).failure == "language_score_too_low")
  }

  @Test func noLanguageListKeepsAnyLanguageAboveTheScore() {
    #expect(judge(.init(language: "ja", score: 0.8), languages: []).failure == nil)
  }

  @Test func thePlaceholderIdentifierFailsEveryWantedLanguage() {
    var options = QualityFilterOptions()
    options.rules = [.language]
    options.language.languages = ["en"]
    #expect(QualityFilter(options: options).evaluate("Some English text.").first?.failure == "language_not_wanted")
  }
}
