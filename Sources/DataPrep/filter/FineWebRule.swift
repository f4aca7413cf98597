/// The `fineweb` rules over a ``FilterText``, in datatrove's order: lines are cut at `\n` only
/// and blank ones (whitespace only) left out.
struct FineWebRule {
  let settings: FineWebSettings

  func evaluate(_ text: FilterText) -> QualityRuleOutcome {
    let s = settings
    let lines = text.pieces(splitAtNewlineRunsOf: 1, from: 0, to: text.count).filter {
      let (a, b) = text.stripped($0.start, $0.end)
      return b > a
    }
    if lines.isEmpty { return QualityRuleOutcome(rules: .fineweb, failure: "empty", values: []) }
    var punctuated = 0
    var short = 0
    for line in lines {
      if line.end > line.start && FilterPunctuation.terminal.contains(text.scalars[line.end - 1]) { punctuated += 1 }
      if line.end - line.start <= s.shortLineLength { short += 1 }
    }
    let count = Double(lines.count)
    let punctuationRatio = Double(punctuated) / count
    let shortRatio = Double(short) / count
    let newlines = text.scalars.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    let duplicateRatio = Double(GopherRepetitionRule.duplicates(lines, in: text.scalars).chars) / Double(max(text.count - newlines, 1))
    let newlineRatio = Double(newlines) / Double(max(text.words.count, 1))
    var failure: String?
    if let limit = s.minLinePunctuationRatio, punctuationRatio < limit { failure = "line_punct_ratio" }
    if failure == nil, let limit = s.maxShortLineRatio, shortRatio > limit { failure = "short_line_ratio" }
    if failure == nil, let limit = s.maxDuplicateLineCharRatio, duplicateRatio > limit { failure = "char_dup_ratio" }
    if failure == nil, let limit = s.maxNewlineWordRatio, newlineRatio > limit { failure = "list_ratio" }
    return QualityRuleOutcome(
      rules: .fineweb, failure: failure,
      values: [
        ("line_punctuation_ratio", punctuationRatio), ("short_line_ratio", shortRatio),
        ("duplicate_line_char_ratio", duplicateRatio), ("newline_word_ratio", newlineRatio),
      ])
  }
}
