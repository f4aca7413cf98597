import Testing
@testable import DataPrep

/// Hostile texts finish and are judged correctly (the rules are linear in the text).
@Suite struct HostileFilterTextTests {
  private static func all() -> QualityFilter {
    var options = QualityFilterOptions()
    options.rules = [.gopherQuality, .gopherRepetition, .c4, .fineweb]
    return QualityFilter(options: options)
  }

  @Test func punctuationOnlyAndNewlineOnlyTextsAreJudged() {
    let outcomes = Self.all().evaluate(String(repeating: "...!?", count: 2000))
    #expect(outcomes[0].failure == "gopher_short_doc")
    #expect(Self.all().evaluate(String(repeating: "\n", count: 5000)).map(\.failure) == ["gopher_short_doc", "dup_line_frac", "too_few_sentences", "empty"])
  }
}

extension HostileFilterTextTests {
  @Suite(.tags(.long)) struct LongTests {
    @Test func aTenMegabyteWordIsOneWordOfOneLine() {
      let outcomes = HostileFilterTextTests.all().evaluate(String(repeating: "a", count: 10_000_000))
      #expect(outcomes.map(\.failure) == ["gopher_short_doc", nil, "too_few_sentences", "line_punct_ratio"])
      #expect(FilterTestTexts.value(outcomes[2], "lines_too_long_word") == 1)
    }

    @Test func aPathologicalRepetitionOfTenMegabytesFinishes() {
      let text = String(repeating: "ab ab ab.\n", count: 1_000_000)
      let outcomes = HostileFilterTextTests.all().evaluate(text)
      #expect(outcomes[1].failure == "dup_line_frac")
      #expect(outcomes[3].failure == "short_line_ratio")
    }
  }
}
