import Testing
@testable import DataPrep

/// Rules and thresholds from the `filter:` YAML section and from `--set` names.
@Suite struct QualityFilterOptionsTests {
  @Test func theFilterSectionSetsRulesAndThresholds() throws {
    var options = QualityFilterOptions()
    try options.apply(
      yaml: """
        filter:
          rules: [gopher-quality, c4, language]
          annotate: true
          languages: [en, de]
          min_language_score: 0.8
          gopher_quality:
            min_words: 30
            max_words: null
            stop_words: [der, die]
          gopher-repetition:
            max_top_2gram_char_fraction: 0.25
            max_duplicate_10gram_char_fraction: null
          c4:
            drop_curly_bracket: false
            min_sentences: 3
          fineweb:
            short_line_length: 20
        """, path: "dataprep.yaml")
    #expect(options.rules == [.gopherQuality, .c4, .language])
    #expect(options.annotate)
    #expect(options.language.languages == ["en", "de"])
    #expect(options.language.minScore == 0.8)
    #expect(options.gopherQuality.minWords == 30)
    #expect(options.gopherQuality.maxWords == nil)
    #expect(options.gopherQuality.stopWords == ["der", "die"])
    #expect(options.gopherRepetition.maxTopNGramCharFraction[2] == 0.25)
    #expect(options.gopherRepetition.maxDuplicateNGramCharFraction[10] == nil)
    #expect(options.gopherRepetition.maxDuplicateNGramCharFraction[9] == 0.11)
    #expect(!options.c4.dropCurlyBracket)
    #expect(options.c4.minSentences == 3)
    #expect(options.fineweb.shortLineLength == 20)
  }

  @Test func setTakesFlagStrings() throws {
    var options = QualityFilterOptions()
    try options.set("gopher-quality.min_words", to: "10", path: "--set")
    try options.set("fineweb.max_newline_word_ratio", to: "off", path: "--set")
    try options.set("c4.drop_lorem_ipsum", to: "false", path: "--set")
    #expect(options.gopherQuality.minWords == 10)
    #expect(options.fineweb.maxNewlineWordRatio == nil)
    #expect(!options.c4.dropLoremIpsum)
  }

  @Test func allIsEveryRuleSetButLanguage() throws {
    #expect(try QualityFilterOptions.ruleSets(["all"], path: "--rules") == [.gopherQuality, .gopherRepetition, .c4, .fineweb])
  }

  @Test func badSettingsAreErrorsNamingTheKey() {
    var options = QualityFilterOptions()
    #expect(throws: FilterConfigError.unknownRuleSet(path: "--rules", name: "gopher")) {
      _ = try QualityFilterOptions.ruleSets(["gopher"], path: "--rules")
    }
    #expect(throws: FilterConfigError.unknownKey(path: "--set", key: "gopher-quality.min_word")) {
      try options.set("gopher-quality.min_word", to: "3", path: "--set")
    }
    #expect(throws: FilterConfigError.badValue(path: "--set", key: "c4.min_sentences", expected: "a number (or null to turn the rule off)")) {
      try options.set("c4.min_sentences", to: "many", path: "--set")
    }
    #expect(throws: FilterConfigError.badValue(path: "x.yaml", key: "language.min_score", expected: "a score between 0 and 1")) {
      try options.apply(yaml: "filter:\n  min_language_score: 2\n", path: "x.yaml")
    }
    #expect(throws: FilterConfigError.unknownKey(path: "x.yaml", key: "threshold")) {
      try options.apply(yaml: "filter:\n  threshold: 2\n", path: "x.yaml")
    }
  }
}
