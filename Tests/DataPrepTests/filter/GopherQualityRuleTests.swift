import Testing
@testable import DataPrep

/// Each gopher-quality rule on both sides of its published threshold, the others off.
@Suite struct GopherQualityRuleTests {
  private func judge(_ text: String, _ configure: (inout GopherQualitySettings) -> Void) -> QualityRuleOutcome {
    var s = FilterTestTexts.gopherQualityOff()
    configure(&s)
    return GopherQualityRule(s).evaluate(FilterText(text))
  }

  @Test func proseOfSeventySevenWordsPassesEveryRule() {
    let outcome = GopherQualityRule(GopherQualitySettings()).evaluate(FilterText(FilterTestTexts.prose))
    #expect(outcome.failure == nil)
    #expect((FilterTestTexts.value(outcome, "words") ?? 0) >= 50)
  }

  @Test func wordCountsLeavePunctuationOut() {
    let outcome = judge("One, two; three.") { _ in }
    #expect(FilterTestTexts.value(outcome, "words") == 3)
  }

  @Test func fewerThanFiftyWordsFail() {
    #expect(judge(FilterTestTexts.words(50)) { $0.minWords = 50 }.failure == nil)
    #expect(judge(FilterTestTexts.words(49)) { $0.minWords = 50 }.failure == "gopher_short_doc")
  }

  @Test func moreThanTheMostWordsFail() {
    #expect(judge(FilterTestTexts.words(10)) { $0.maxWords = 10 }.failure == nil)
    #expect(judge(FilterTestTexts.words(11)) { $0.maxWords = 10 }.failure == "gopher_long_doc")
  }

  @Test func meanWordLengthMustBeThreeToTen() {
    let three = Array(repeating: "abc", count: 5).joined(separator: " ")
    let two = Array(repeating: "ab", count: 5).joined(separator: " ")
    let ten = Array(repeating: "abcdefghij", count: 5).joined(separator: " ")
    let eleven = Array(repeating: "abcdefghijk", count: 5).joined(separator: " ")
    let rule: (inout GopherQualitySettings) -> Void = {
      $0.minMeanWordLength = 3
      $0.maxMeanWordLength = 10
    }
    #expect(judge(three, rule).failure == nil)
    #expect(judge(two, rule).failure == "gopher_below_avg_threshold")
    #expect(judge(ten, rule).failure == nil)
    #expect(judge(eleven, rule).failure == "gopher_above_avg_threshold")
  }

  @Test func hashesPerWordAtMostATenth() {
    // "#" alone is a token: 9 words + 1 = 10 tokens (0.1), 8 + 1 = 9 tokens (0.11).
    #expect(judge(FilterTestTexts.words(9) + " #") { $0.maxSymbolWordRatio = 0.1 }.failure == nil)
    #expect(judge(FilterTestTexts.words(8) + " #") { $0.maxSymbolWordRatio = 0.1 }.failure == "gopher_too_many_hashes")
  }

  @Test func ellipsesPerWordAtMostATenth() {
    #expect(judge(FilterTestTexts.words(9) + " …") { $0.maxSymbolWordRatio = 0.1 }.failure == nil)
    #expect(judge(FilterTestTexts.words(8) + " ...") { $0.maxSymbolWordRatio = 0.1 }.failure == "gopher_too_many_ellipsis")
  }

  @Test func atMostNinetyPercentOfLinesStartWithABullet() {
    let nine = (0..<9).map { "- item \($0)" } + ["plain line"]
    let ten = (0..<9).map { "- item \($0)" } + ["  • last"]
    #expect(judge(nine.joined(separator: "\n")) { $0.maxBulletLinesRatio = 0.9 }.failure == nil)
    #expect(judge(ten.joined(separator: "\n")) { $0.maxBulletLinesRatio = 0.9 }.failure == "gopher_too_many_bullets")
  }

  @Test func atMostThirtyPercentOfLinesEndWithAnEllipsis() {
    let three = (0..<10).map { $0 < 3 ? "line \($0)..." : "line \($0)" }
    let four = (0..<10).map { $0 < 4 ? "line \($0)…  " : "line \($0)" }
    #expect(judge(three.joined(separator: "\n")) { $0.maxEllipsisLinesRatio = 0.3 }.failure == nil)
    #expect(judge(four.joined(separator: "\n")) { $0.maxEllipsisLinesRatio = 0.3 }.failure == "gopher_too_many_end_ellipsis")
  }

  @Test func atLeastEightyPercentOfWordsHoldALetter() {
    let eight = FilterTestTexts.words(8) + " 12 34"
    let seven = FilterTestTexts.words(7) + " 12 34 56"
    #expect(judge(eight) { $0.minAlphaWordsRatio = 0.8 }.failure == nil)
    #expect(judge(seven) { $0.minAlphaWordsRatio = 0.8 }.failure == "gopher_below_alpha_threshold")
  }

  @Test func atLeastTwoDistinctStopWordsCaseSensitive() {
    #expect(judge("the cat and the dog") { $0.minStopWords = 2 }.failure == nil)
    #expect(judge("the cat the dog The And") { $0.minStopWords = 2 }.failure == "gopher_enough_stop_words")
  }

  @Test func stopWordsAreSettable() {
    #expect(judge("der Hund und die Katze") {
      $0.minStopWords = 2
      $0.stopWords = ["der", "die", "und"]
    }.failure == nil)
  }

  @Test func chineseTextCountsEachCharacterAsAWord() {
    let text = String(repeating: "我们在河边散步。", count: 8)
    let outcome = judge(text) {
      $0.minWords = 50
      $0.minMeanWordLength = 1
    }
    #expect(outcome.failure == nil)
    #expect(FilterTestTexts.value(outcome, "words") == 56)
    #expect(FilterTestTexts.value(outcome, "mean_word_length") == 1)
  }
}
