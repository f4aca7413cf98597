/// The `gopher-quality` rules over a ``FilterText``, in datatrove's order (the first failing
/// rule is the reason); every value is measured so `--annotate` can show them all.
struct GopherQualityRule {
  let settings: GopherQualitySettings
  private let stopWords: [[UInt32]]

  init(_ settings: GopherQualitySettings) {
    self.settings = settings
    self.stopWords = settings.stopWords.map(FilterText.ascii)
  }

  private static let hash = FilterText.ascii("#")
  private static let dots = FilterText.ascii("...")
  private static let ellipsis: [UInt32] = [0x2026]

  func evaluate(_ text: FilterText) -> QualityRuleOutcome {
    let s = settings
    let n = text.words.count
    var nonSymbol = 0
    var nonSymbolLength = 0
    var alphaWords = 0
    var stopSeen = [Bool](repeating: false, count: stopWords.count)
    for i in 0..<n {
      let r = text.words.ranges[i]
      var symbolOnly = true
      var alpha = false
      for k in r.start..<r.end {
        let c = text.scalars[k]
        if symbolOnly && !FilterPunctuation.all.contains(c) { symbolOnly = false }
        if !alpha && FilterText.isAlpha(c) { alpha = true }
        if !symbolOnly && alpha { break }
      }
      if !symbolOnly {
        nonSymbol += 1
        nonSymbolLength += r.end - r.start
      }
      if alpha { alphaWords += 1 }
      for (j, stop) in stopWords.enumerated() where !stopSeen[j] && text.word(i, equals: stop) {
        stopSeen[j] = true
      }
    }
    let words = Double(nonSymbol)
    let meanLength = nonSymbol > 0 ? Double(nonSymbolLength) / words : 0
    let total = Double(max(n, 1))
    let hashRatio = Double(text.occurrences(of: Self.hash)) / total
    let ellipsisRatio = Double(text.occurrences(of: Self.dots) + text.occurrences(of: Self.ellipsis)) / total
    let lines = text.pythonLines()
    var bullets = 0
    var ellipsisLines = 0
    for line in lines {
      let (a, b) = text.stripped(line.start, line.end)
      if a < b && (text.scalars[a] == 0x2022 || text.scalars[a] == 0x2D) { bullets += 1 }
      if text.hasSuffix(Self.dots, a, b) || text.hasSuffix(Self.ellipsis, a, b) { ellipsisLines += 1 }
    }
    let lineCount = Double(max(lines.count, 1))
    let bulletRatio = Double(bullets) / lineCount
    let ellipsisLineRatio = Double(ellipsisLines) / lineCount
    let alphaRatio = Double(alphaWords) / total
    let stopCount = Double(stopSeen.filter { $0 }.count)

    var failure: String?
    func check(_ failed: Bool, _ reason: String) {
      if failure == nil && failed { failure = reason }
    }
    check(s.minWords.map { words < $0 } ?? false, "gopher_short_doc")
    check(s.maxWords.map { words > $0 } ?? false, "gopher_long_doc")
    check(s.minMeanWordLength.map { meanLength < $0 } ?? false, "gopher_below_avg_threshold")
    check(s.maxMeanWordLength.map { meanLength > $0 } ?? false, "gopher_above_avg_threshold")
    check(s.maxSymbolWordRatio.map { hashRatio > $0 } ?? false, "gopher_too_many_hashes")
    check(s.maxSymbolWordRatio.map { ellipsisRatio > $0 } ?? false, "gopher_too_many_ellipsis")
    check(s.maxBulletLinesRatio.map { bulletRatio > $0 } ?? false, "gopher_too_many_bullets")
    check(s.maxEllipsisLinesRatio.map { ellipsisLineRatio > $0 } ?? false, "gopher_too_many_end_ellipsis")
    check(s.minAlphaWordsRatio.map { alphaRatio < $0 } ?? false, "gopher_below_alpha_threshold")
    check(s.minStopWords.map { stopCount < $0 } ?? false, "gopher_enough_stop_words")
    return QualityRuleOutcome(
      rules: .gopherQuality, failure: failure,
      values: [
        ("words", words), ("mean_word_length", meanLength), ("hash_ratio", hashRatio),
        ("ellipsis_ratio", ellipsisRatio), ("bullet_lines_ratio", bulletRatio),
        ("ellipsis_lines_ratio", ellipsisLineRatio), ("alpha_words_ratio", alphaRatio), ("stop_words", stopCount),
      ])
  }
}
