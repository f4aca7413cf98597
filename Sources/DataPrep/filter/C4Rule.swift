/// The `c4` rules over a ``FilterText``: each line (Python `splitlines`, stripped) is kept or
/// not by the line rules; the text fails on "lorem ipsum" or `{` in a kept line, or on fewer
/// sentences than ``C4Settings/minSentences`` in the kept lines (sentences as spaCy's
/// sentencizer cuts them: after `.`, `!`, `?` and the other scripts' sentence ends).
///
/// With ``C4Settings/rewrite`` a passing text is also rewritten as datatrove's `C4QualityFilter`
/// rewrites it: its kept lines (stripped, citations removed) joined with `\n`, the whole
/// stripped (``QualityRuleOutcome/rewritten``).
struct C4Rule {
  let settings: C4Settings

  private static let dots = FilterText.ascii("...")
  private static let lorem = FilterText.ascii("lorem ipsum")
  private static let javascript = FilterText.ascii("javascript")
  private static let policies = ["terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"]
    .map(FilterText.ascii)

  func evaluate(_ text: FilterText) -> QualityRuleOutcome {
    let s = settings
    var sentences = 0
    var keptLines = 0
    var dropped = [0, 0, 0, 0, 0]  // too long word, no terminal punctuation, too few words, javascript, policy
    var failure: String?
    let lines = text.pythonLines()
    var kept: [UInt32] = []  // the kept lines joined with `\n`, when rewriting
    lines: for line in lines {
      let (a, b) = text.stripped(line.start, line.end)
      var wordCount = 0
      var longest = 0
      var k = a
      while k < b {
        while k < b && FilterText.isSpace(text.scalars[k]) { k += 1 }
        let start = k
        while k < b && !FilterText.isSpace(text.scalars[k]) { k += 1 }
        if k > start {
          wordCount += 1
          longest = max(longest, k - start)
        }
      }
      if let limit = s.maxWordLength, Double(longest) > limit {
        dropped[0] += 1
        continue
      }
      var chars = Array(text.scalars[a..<b])
      if s.removeCitations { chars = Self.removingCitations(chars) }
      if s.requireTerminalPunctuation {
        let last = chars.last ?? 0
        let ends = last == 0x2E || last == 0x3F || last == 0x21 || last == 0x22 || last == 0x27
        if !ends || Self.hasSuffix(chars, Self.dots) {
          dropped[1] += 1
          continue
        }
      }
      if let limit = s.minWordsPerLine, Double(wordCount) < limit {
        dropped[2] += 1
        continue
      }
      let lower = chars.map(Self.lowercased)
      if s.dropLoremIpsum && Self.contains(lower, Self.lorem) {
        failure = "lorem_ipsum"
        break lines
      }
      if s.dropJavascriptLines && Self.contains(lower, Self.javascript) {
        dropped[3] += 1
        continue
      }
      if s.dropCurlyBracket && chars.contains(0x7B) {
        failure = "curly_bracket"
        break lines
      }
      if s.dropPolicyLines && Self.policies.contains(where: { Self.contains(lower, $0) }) {
        dropped[4] += 1
        continue
      }
      sentences += Self.sentenceCount(chars)
      keptLines += 1
      if s.rewrite {
        if keptLines > 1 { kept.append(0x0A) }
        kept += chars
      }
    }
    if failure == nil, let limit = s.minSentences, Double(sentences) < limit { failure = "too_few_sentences" }
    var values: [(name: String, value: Double)] = [
      ("sentences", Double(sentences)), ("kept_lines", Double(keptLines)),
      ("lines_too_long_word", Double(dropped[0])), ("lines_no_terminal_punctuation", Double(dropped[1])),
      ("lines_too_few_words", Double(dropped[2])), ("lines_javascript", Double(dropped[3])),
      ("lines_policy", Double(dropped[4])),
    ]
    var outcome = QualityRuleOutcome(rules: .c4, failure: failure, values: values)
    if s.rewrite {
      // A failing text is not rewritten: nothing is removed from it.
      let passes = failure == nil
      values.append(("lines_removed", passes ? Double(lines.count - keptLines) : 0))
      outcome.values = values
      if passes { outcome.rewritten = Self.string(Self.stripped(kept)) }
    }
    return outcome
  }

  /// `s` without Python-`strip()` whitespace at either end (datatrove strips the joined lines).
  static func stripped(_ s: [UInt32]) -> ArraySlice<UInt32> {
    var a = 0
    var b = s.count
    while a < b && FilterText.isSpace(s[a]) { a += 1 }
    while b > a && FilterText.isSpace(s[b - 1]) { b -= 1 }
    return s[a..<b]
  }

  /// The string of `scalars` (all valid: they come from a string).
  static func string(_ scalars: ArraySlice<UInt32>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars.compactMap(Unicode.Scalar.init))
    return String(view)
  }

  /// Sentences of one line as spaCy's sentencizer counts them: a new sentence starts at the
  /// first token that is not punctuation after a sentence-ending token.
  static func sentenceCount(_ line: [UInt32]) -> Int {
    let words = FilterWords(line)
    if words.count == 0 { return 0 }
    var count = 1
    var seenEnd = false
    for r in words.ranges {
      let isEnd = r.end - r.start == 1 && (FilterPunctuation.terminal.contains(line[r.start]))
      if seenEnd && !isEnd && !isPunctuation(line, r.start, r.end) {
        count += 1
        seenEnd = false
      } else if isEnd {
        seenEnd = true
      }
    }
    return count
  }

  private static func isPunctuation(_ s: [UInt32], _ start: Int, _ end: Int) -> Bool {
    for k in start..<end {
      guard let scalar = Unicode.Scalar(s[k]) else { return false }
      switch scalar.properties.generalCategory {
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation:
        continue
      default:
        return false
      }
    }
    return true
  }

  /// The line without `[digits]`, `[edit]` and `[citation needed]` (datatrove's citation pattern
  /// `\[\d*]|\[edit]|\[citation needed]`; Python's `\d` is any decimal digit, not only ASCII).
  static func removingCitations(_ s: [UInt32]) -> [UInt32] {
    guard s.contains(0x5B) else { return s }
    let edit = FilterText.ascii("edit]")
    let citation = FilterText.ascii("citation needed]")
    var out: [UInt32] = []
    out.reserveCapacity(s.count)
    var i = 0
    while i < s.count {
      if s[i] == 0x5B {
        var k = i + 1
        while k < s.count && isDecimalDigit(s[k]) { k += 1 }
        if k < s.count && s[k] == 0x5D {
          i = k + 1
          continue
        }
        if starts(s, at: i + 1, with: edit) {
          i += 1 + edit.count
          continue
        }
        if starts(s, at: i + 1, with: citation) {
          i += 1 + citation.count
          continue
        }
      }
      out.append(s[i])
      i += 1
    }
    return out
  }

  /// Python's `\d` for one character: a decimal digit of any script (category Nd).
  static func isDecimalDigit(_ c: UInt32) -> Bool {
    if c < 0x80 { return c >= 0x30 && c <= 0x39 }
    return Unicode.Scalar(c)?.properties.numericType == .decimal
  }

  private static func starts(_ s: [UInt32], at i: Int, with p: [UInt32]) -> Bool {
    if s.count - i < p.count { return false }
    for k in 0..<p.count where s[i + k] != p[k] { return false }
    return true
  }

  static func hasSuffix(_ s: [UInt32], _ p: [UInt32]) -> Bool {
    s.count >= p.count && starts(s, at: s.count - p.count, with: p)
  }

  /// Whether `needle` occurs in `s` (needles here have no repeated prefix long enough to make
  /// the simple scan slow: at most `needle.count` comparisons per position, a small constant).
  static func contains(_ s: [UInt32], _ needle: [UInt32]) -> Bool {
    if s.count < needle.count { return false }
    for i in 0...(s.count - needle.count) where s[i] == needle[0] && starts(s, at: i, with: needle) { return true }
    return false
  }

  static func lowercased(_ c: UInt32) -> UInt32 {
    if c >= 0x41 && c <= 0x5A { return c | 0x20 }
    if c < 0x80 { return c }
    guard let scalar = Unicode.Scalar(c), let lower = scalar.properties.lowercaseMapping.unicodeScalars.first else { return c }
    return scalar.properties.lowercaseMapping.unicodeScalars.count == 1 ? lower.value : c
  }
}
