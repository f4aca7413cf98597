@testable import DataPrep

/// Small texts the filter tests are built from.
enum FilterTestTexts {
  /// Eight lines of plain prose (77 words, 8 sentences, no repeats) that pass every rule set.
  static let prose = """
    The river runs past the old mill and under the stone bridge near the town.
    Children walk to school along its bank with their dogs in the early morning.
    In spring the water rises quickly and covers the low fields beside the road.
    Farmers have learned to move their animals to higher ground before the flood.
    A small museum explains how the mill worked for more than two hundred years.
    Visitors can see the wheel turn on summer weekends when volunteers run it.
    The café next door sells bread baked with flour that is ground on site.
    Most people who come to see the mill stay for lunch and a walk by the water.
    """

  /// `count` distinct words (`w1`, `w2`, ...) separated by spaces.
  static func words(_ count: Int, prefix: String = "w") -> String {
    (1...max(count, 1)).prefix(count).map { "\(prefix)\($0)" }.joined(separator: " ")
  }

  /// Every gopher-quality rule off but the ones `configure` turns on.
  static func gopherQualityOff() -> GopherQualitySettings {
    var s = GopherQualitySettings()
    s.minWords = nil
    s.maxWords = nil
    s.minMeanWordLength = nil
    s.maxMeanWordLength = nil
    s.maxSymbolWordRatio = nil
    s.maxBulletLinesRatio = nil
    s.maxEllipsisLinesRatio = nil
    s.minAlphaWordsRatio = nil
    s.minStopWords = nil
    return s
  }

  static func gopherRepetitionOff() -> GopherRepetitionSettings {
    var s = GopherRepetitionSettings()
    s.maxDuplicateLineFraction = nil
    s.maxDuplicateParagraphFraction = nil
    s.maxDuplicateLineCharFraction = nil
    s.maxDuplicateParagraphCharFraction = nil
    s.maxTopNGramCharFraction = [:]
    s.maxDuplicateNGramCharFraction = [:]
    return s
  }

  static func fineWebOff() -> FineWebSettings {
    var s = FineWebSettings()
    s.minLinePunctuationRatio = nil
    s.maxShortLineRatio = nil
    s.maxDuplicateLineCharRatio = nil
    s.maxNewlineWordRatio = nil
    return s
  }

  static func value(_ outcome: QualityRuleOutcome, _ name: String) -> Double? {
    outcome.values.first { $0.name == name }?.value
  }
}
