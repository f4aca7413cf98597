import Testing
@testable import DataPrep

/// Each gopher-repetition rule: its value computed as datatrove defines it, and the verdict
/// flipping exactly at the threshold (a value equal to the limit passes).
@Suite struct GopherRepetitionRuleTests {
  private func judge(_ text: String, _ configure: (inout GopherRepetitionSettings) -> Void) -> QualityRuleOutcome {
    var s = FilterTestTexts.gopherRepetitionOff()
    configure(&s)
    return GopherRepetitionRule(settings: s).evaluate(FilterText(text))
  }

  @Test func proseHasNoRepetition() {
    #expect(GopherRepetitionRule(settings: GopherRepetitionSettings()).evaluate(FilterText(FilterTestTexts.prose)).failure == nil)
  }

  @Test func duplicateLinesAtMostThreeTenths() {
    let three = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a1", "a2", "a3"].joined(separator: "\n")
    let four = ["a1", "a2", "a3", "a4", "a5", "a6", "a1", "a1", "a2", "a3"].joined(separator: "\n")
    #expect(judge(three) { $0.maxDuplicateLineFraction = 0.3 }.failure == nil)
    #expect(judge(four) { $0.maxDuplicateLineFraction = 0.3 }.failure == "dup_line_frac")
  }

  @Test func duplicateParagraphsAtMostThreeTenths() {
    let three = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p1", "p2", "p3"].joined(separator: "\n\n")
    let four = ["p1", "p2", "p3", "p4", "p5", "p6", "p1", "p1", "p2", "p3"].joined(separator: "\n\n\n")
    #expect(judge(three) { $0.maxDuplicateParagraphFraction = 0.3 }.failure == nil)
    #expect(judge(four) { $0.maxDuplicateParagraphFraction = 0.3 }.failure == "dup_para_frac")
  }

  @Test func duplicateLineCharactersAreAShareOfTheText() {
    // "abcd\nxy\nabcd": 4 duplicate characters of 12.
    let outcome = judge("abcd\nxy\nabcd") { $0.maxDuplicateLineCharFraction = 4.0 / 12 }
    #expect(FilterTestTexts.value(outcome, "duplicate_line_char_fraction") == 4.0 / 12)
    #expect(outcome.failure == nil)
    #expect(judge("abcd\nxy\nabcd") { $0.maxDuplicateLineCharFraction = 4.0 / 12 - 1e-9 }.failure == "dup_line_char_frac")
  }

  @Test func duplicateParagraphCharactersAreAShareOfTheText() {
    let text = "abcd\n\nxy\n\nabcd"  // 4 of 14
    #expect(FilterTestTexts.value(judge(text) { _ in }, "duplicate_paragraph_char_fraction") == 4.0 / 14)
    #expect(judge(text) { $0.maxDuplicateParagraphCharFraction = 4.0 / 14 - 1e-9 }.failure == "dup_para_char_frac")
  }

  @Test func topTwoGramIsItsCharactersTimesItsCount() {
    // "ab cd" three times among other words: 5 characters × 3 of the 38 of the text.
    let text = "ab cd ef ab cd gh ab cd ij kl mn op"
    let share = 15.0 / Double(text.count)
    let outcome = judge(text) { $0.maxTopNGramCharFraction = [2: share] }
    #expect(FilterTestTexts.value(outcome, "top_2_gram_char_fraction") == share)
    #expect(outcome.failure == nil)
    #expect(judge(text) { $0.maxTopNGramCharFraction = [2: share - 1e-9] }.failure == "top_2_gram")
  }

  @Test func topNGramTieGoesToTheFirstSeen() {
    // "a b" and "ccc ddd" both twice: "a b" is seen first, so 3 × 2 characters count.
    let text = "a b ccc ddd a b ccc ddd"
    let outcome = judge(text) { $0.maxTopNGramCharFraction = [2: 1] }
    #expect(FilterTestTexts.value(outcome, "top_2_gram_char_fraction") == 6.0 / Double(text.count))
  }

  @Test func duplicatedFiveGramsSkipPastEachRepeat() {
    // Words a b c d e a b c d e: the second run is one repeat of 5 characters, of 19.
    let text = "a b c d e a b c d e"
    let outcome = judge(text) { $0.maxDuplicateNGramCharFraction = [5: 5.0 / 19] }
    #expect(FilterTestTexts.value(outcome, "duplicate_5_gram_char_fraction") == 5.0 / 19)
    #expect(outcome.failure == nil)
    #expect(judge(text) { $0.maxDuplicateNGramCharFraction = [5: 5.0 / 19 - 1e-9] }.failure == "duplicated_5_n_grams")
  }

  @Test func publishedNGramThresholdsStepDown() {
    let s = GopherRepetitionSettings()
    #expect(s.maxTopNGramCharFraction == [2: 0.20, 3: 0.18, 4: 0.16])
    #expect(s.maxDuplicateNGramCharFraction == [5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10])
  }

  @Test func anEmptyTextFails() {
    #expect(GopherRepetitionRule(settings: GopherRepetitionSettings()).evaluate(FilterText("")).failure == "empty")
  }

  @Test func aLongRepetitionIsJudgedInOnePass() {
    let text = String(repeating: "spam eggs ", count: 200_000)
    let outcome = GopherRepetitionRule(settings: GopherRepetitionSettings()).evaluate(FilterText(text))
    #expect(outcome.failure == "top_2_gram")
    #expect((FilterTestTexts.value(outcome, "duplicate_10_gram_char_fraction") ?? 0) > 0.7)
  }
}
