/// A second look at prose CLD2 calls English although it reads poorly as English: documentation
/// in every language borrows English terms, option names and titles, and on a one-paragraph text
/// (one CLD2 chunk) a few of them can outweigh the language the sentences are written in.
///
/// CLD2's own document summary already treats English as boilerplate when another language holds
/// at least 17% of the text, but it decides per chunk of about 20 quadgrams, so a short paragraph
/// never has a second chunk. This applies the same rule at a finer grain: the prose is cut into
/// pieces of 8 words (about one CLD2 chunk of letters), CLD2 judges each piece without best effort
/// (an unsure piece counts for nothing), and when a language other than English holds at least 17%
/// of the judged bytes, the most frequent one is the answer. Only answers whose normalized score
/// says the text is not ordinary English are looked at again, so English prose is never re-judged.
/// Generic: nothing here knows a language other than English or a site.
enum EnglishBoilerplate {
  /// CLD2's normalized score (per 1,024 bytes) below which an English answer is looked at again:
  /// ordinary English prose scores 1,100 to 1,500, text that mostly borrows English words far less.
  static let ordinaryEnglishScore = 900

  /// Words per piece: about the letters of one CLD2 scoring chunk (20 quadgrams).
  static let pieceWords = 8

  /// The share of the judged bytes another language needs (CLD2's own boilerplate threshold, 17%).
  static let minimumPercent = 17

  /// Whether an English `verdict` is weak enough to be looked at again.
  static func applies(to verdict: CLD2Detector.Verdict) -> Bool {
    verdict.language == "en" && verdict.normalizedScore < ordinaryEnglishScore
  }

  /// The language the pieces of `prose` (a `ProseSample`'s bytes) are written in besides English,
  /// with its share of the non-English bytes, or nil when no other language holds 17% of them.
  static func rejudge(_ prose: [UInt8]) -> (language: String, share: Double)? {
    var bytesByLanguage: [String: Int] = [:]
    var total = 0
    for piece in pieces(prose) {
      let verdict = CLD2Detector.detect(prose[piece], bestEffort: false)
      guard verdict.language != "und", verdict.textBytes > 0 else { continue }
      bytesByLanguage[verdict.language, default: 0] += verdict.textBytes
      total += verdict.textBytes
    }
    let others = bytesByLanguage.filter { $0.key != "en" }
    // Most bytes first; equal counts broken by code so the answer never depends on hashing.
    guard let best = others.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
      best.value * 100 >= minimumPercent * total
    else { return nil }
    let nonEnglish = others.values.reduce(0, +)
    return (best.key, Double(best.value) / Double(nonEnglish))
  }

  /// Ranges of `pieceWords` words each (words split at spaces and newlines).
  static func pieces(_ prose: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start: Int? = nil
    var words = 0
    var inWord = false
    for (index, byte) in prose.enumerated() {
      let space = byte == 0x20 || byte == 0x0A
      if !space && !inWord {
        if start == nil { start = index }
        words += 1
      }
      inWord = !space
      if space && words == pieceWords, let first = start {
        ranges.append(first..<index)
        start = nil
        words = 0
      }
    }
    if let first = start { ranges.append(first..<prose.count) }
    return ranges
  }
}
