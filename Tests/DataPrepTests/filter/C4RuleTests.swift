import Testing
@testable import DataPrep

/// The c4 line rules (which lines count) and document rules, each switchable.
@Suite struct C4RuleTests {
  private func judge(_ text: String, _ configure: (inout C4Settings) -> Void = { _ in }) -> QualityRuleOutcome {
    var s = C4Settings()
    configure(&s)
    return C4Rule(settings: s).evaluate(FilterText(text))
  }

  private func sentences(_ outcome: QualityRuleOutcome) -> Double? { FilterTestTexts.value(outcome, "sentences") }

  @Test func fiveSentencesPassFourFail() {
    let five = "One two three. Four five six.\nSeven eight nine! Ten eleven twelve?\nThirteen fourteen fifteen."
    let four = "One two three. Four five six.\nSeven eight nine! Ten eleven twelve?"
    #expect(sentences(judge(five)) == 5)
    #expect(judge(five).failure == nil)
    #expect(judge(four).failure == "too_few_sentences")
    #expect(judge(four) { $0.minSentences = 4 }.failure == nil)
  }

  @Test func proseOfEightLinesPasses() {
    #expect(judge(FilterTestTexts.prose).failure == nil)
    #expect(sentences(judge(FilterTestTexts.prose)) == 8)
  }

  @Test func abbreviationsDoNotEndASentence() {
    #expect(sentences(judge("Mr. Smith met Dr. Jones at noon.")) == 1)
  }

  @Test func linesWithoutTerminalPunctuationOrEndingInAnEllipsisDoNotCount() {
    let text = "A line with no end\nA line that trails off...\nA quoted line ends here.\"\nThe last one counts!"
    let outcome = judge(text) { $0.minSentences = nil }
    #expect(FilterTestTexts.value(outcome, "lines_no_terminal_punctuation") == 2)
    #expect(FilterTestTexts.value(outcome, "kept_lines") == 2)
    let all = judge(text) {
      $0.minSentences = nil
      $0.requireTerminalPunctuation = false
    }
    #expect(FilterTestTexts.value(all, "kept_lines") == 4)
  }

  @Test func linesOfFewerThanThreeWordsDoNotCount() {
    let outcome = judge("Two words.\nThree words here.") { $0.minSentences = nil }
    #expect(FilterTestTexts.value(outcome, "lines_too_few_words") == 1)
    #expect(FilterTestTexts.value(outcome, "kept_lines") == 1)
  }

  @Test func linesWithAWordOverAThousandCharactersDoNotCount() {
    let long = String(repeating: "x", count: 1001)
    let outcome = judge("See \(long) here.\nSee \(String(long.dropLast())) here.") { $0.minSentences = nil }
    #expect(FilterTestTexts.value(outcome, "lines_too_long_word") == 1)
    #expect(FilterTestTexts.value(outcome, "kept_lines") == 1)
  }

  @Test func citationsAreRemovedBeforeThePunctuationCheck() {
    let outcome = judge("It was built in 1850.[1]\nIt was moved in 1900.[edit]\nIt burned in 1950.[citation needed]") { $0.minSentences = nil }
    #expect(FilterTestTexts.value(outcome, "kept_lines") == 3)
    let kept = judge("It was built in 1850.[1]") {
      $0.minSentences = nil
      $0.removeCitations = false
    }
    #expect(FilterTestTexts.value(kept, "kept_lines") == 0)
  }

  @Test func javascriptAndPolicyLinesDoNotCount() {
    let text = "Please enable JavaScript to continue.\nThis site uses cookies to work.\nRead our Privacy Policy today.\nA real line of text."
    let outcome = judge(text) { $0.minSentences = nil }
    #expect(FilterTestTexts.value(outcome, "lines_javascript") == 1)
    #expect(FilterTestTexts.value(outcome, "lines_policy") == 2)
    #expect(FilterTestTexts.value(outcome, "kept_lines") == 1)
    let off = judge(text) {
      $0.minSentences = nil
      $0.dropJavascriptLines = false
      $0.dropPolicyLines = false
    }
    #expect(FilterTestTexts.value(off, "kept_lines") == 4)
  }

  @Test func loremIpsumDropsTheText() {
    #expect(judge(FilterTestTexts.prose + "\nLorem Ipsum dolor sit amet.").failure == "lorem_ipsum")
    #expect(judge(FilterTestTexts.prose + "\nLorem Ipsum dolor sit amet.") { $0.dropLoremIpsum = false }.failure == nil)
  }

  @Test func aCurlyBracketInAKeptLineDropsTheText() {
    #expect(judge(FilterTestTexts.prose + "\nThe map is {a: 1} here.").failure == "curly_bracket")
    #expect(judge(FilterTestTexts.prose + "\nint main() {").failure == nil)  // not a kept line
    #expect(judge(FilterTestTexts.prose + "\nThe map is {a: 1} here.") { $0.dropCurlyBracket = false }.failure == nil)
  }
}
