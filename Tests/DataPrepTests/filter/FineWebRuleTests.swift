import Testing
@testable import DataPrep

/// Each fineweb rule: its value and the verdict at the threshold.
@Suite struct FineWebRuleTests {
  private func judge(_ text: String, _ configure: (inout FineWebSettings) -> Void) -> QualityRuleOutcome {
    var s = FilterTestTexts.fineWebOff()
    configure(&s)
    return FineWebRule(settings: s).evaluate(FilterText(text))
  }

  @Test func proseFromTheTestsPasses() {
    #expect(FineWebRule(settings: FineWebSettings()).evaluate(FilterText(FilterTestTexts.prose)).failure == nil)
  }

  @Test func atLeastTwelvePercentOfLinesEndInPunctuation() {
    // 25 lines: 3 ending in "." is 0.12, 2 is 0.08; blank lines are not lines.
    let three = (0..<25).map { $0 < 3 ? "line \($0)." : "line \($0)" }.joined(separator: "\n\n")
    let two = (0..<25).map { $0 < 2 ? "line \($0)。" : "line \($0)" }.joined(separator: "\n")
    #expect(judge(three) { $0.minLinePunctuationRatio = 0.12 }.failure == nil)
    #expect(judge(two) { $0.minLinePunctuationRatio = 0.12 }.failure == "line_punct_ratio")
  }

  @Test func atMostTwoThirdsOfLinesAreShort() {
    let long = String(repeating: "y", count: 31)
    let short = String(repeating: "z", count: 30)
    let passing = (["a", "b"] + [long]).joined(separator: "\n")  // 2/3 = 0.667 <= 0.67
    let failing = ([short, "b", "c"] + [long]).joined(separator: "\n")  // 3/4
    #expect(judge(passing) { $0.maxShortLineRatio = 0.67 }.failure == nil)
    #expect(judge(failing) { $0.maxShortLineRatio = 0.67 }.failure == "short_line_ratio")
  }

  @Test func duplicatedLineCharactersAreCountedWithoutNewlines() {
    // "abcd" repeated once: 4 of the 4+2+4 = 10 characters that are not newlines.
    let outcome = judge("abcd\nxy\nabcd") { $0.maxDuplicateLineCharRatio = 0.4 }
    #expect(FilterTestTexts.value(outcome, "duplicate_line_char_ratio") == 0.4)
    #expect(outcome.failure == nil)
    #expect(judge("abcd\nxy\nabcd") { $0.maxDuplicateLineCharRatio = 0.01 }.failure == "char_dup_ratio")
  }

  @Test func atMostThreeTenthsNewlinesPerWord() {
    // 10 words: 3 newlines pass, 4 fail.
    let three = "w1 w2 w3\nw4 w5\nw6 w7\nw8 w9 w10"
    let four = "w1 w2 w3\nw4 w5\nw6 w7\nw8 w9\nw10"
    #expect(judge(three) { $0.maxNewlineWordRatio = 0.3 }.failure == nil)
    #expect(judge(four) { $0.maxNewlineWordRatio = 0.3 }.failure == "list_ratio")
  }

  @Test func aBlankTextFails() {
    #expect(FineWebRule(settings: FineWebSettings()).evaluate(FilterText(" \n \n")).failure == "empty")
  }
}
