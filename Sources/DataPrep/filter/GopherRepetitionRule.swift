/// The `gopher-repetition` rules over a ``FilterText``, in datatrove's order. Linear in the
/// text: lines, paragraphs and n-grams are counted in hash tables (n-grams as 64-bit hashes of
/// their word numbers, so a pathological repetition costs what any text of its length does).
struct GopherRepetitionRule {
  let settings: GopherRepetitionSettings

  func evaluate(_ text: FilterText) -> QualityRuleOutcome {
    let s = settings
    let length = Double(max(text.count, 1))
    var values: [(name: String, value: Double)] = []
    var failure: String?
    func check(_ value: Double, _ limit: Double?, _ reason: String) {
      if failure == nil, let limit, value > limit { failure = reason }
    }
    if text.count == 0 {
      return QualityRuleOutcome(rules: .gopherRepetition, failure: "empty", values: [])
    }
    let trimmed = text.stripped(0, text.count)
    let paragraphs = text.pieces(splitAtNewlineRunsOf: 2, from: trimmed.start, to: trimmed.end)
    let (paragraphDuplicates, paragraphChars) = Self.duplicates(paragraphs, in: text.scalars)
    let paragraphFraction = Double(paragraphDuplicates) / Double(paragraphs.count)
    let paragraphCharFraction = Double(paragraphChars) / length
    values.append(("duplicate_paragraph_fraction", paragraphFraction))
    values.append(("duplicate_paragraph_char_fraction", paragraphCharFraction))
    check(paragraphFraction, s.maxDuplicateParagraphFraction, "dup_para_frac")
    check(paragraphCharFraction, s.maxDuplicateParagraphCharFraction, "dup_para_char_frac")

    let lines = text.pieces(splitAtNewlineRunsOf: 1, from: 0, to: text.count)
    let (lineDuplicates, lineChars) = Self.duplicates(lines, in: text.scalars)
    let lineFraction = Double(lineDuplicates) / Double(lines.count)
    let lineCharFraction = Double(lineChars) / length
    values.append(("duplicate_line_fraction", lineFraction))
    values.append(("duplicate_line_char_fraction", lineCharFraction))
    check(lineFraction, s.maxDuplicateLineFraction, "dup_line_frac")
    check(lineCharFraction, s.maxDuplicateLineCharFraction, "dup_line_char_frac")

    let ids = Self.wordNumbers(text)
    let lengths = (0..<ids.count).map { text.wordLength($0) }
    for n in s.maxTopNGramCharFraction.keys.sorted() {
      let share = Double(Self.topNGramChars(ids, lengths, n: n)) / length
      values.append(("top_\(n)_gram_char_fraction", share))
      check(share, s.maxTopNGramCharFraction[n], "top_\(n)_gram")
    }
    for n in s.maxDuplicateNGramCharFraction.keys.sorted() {
      let share = Double(Self.duplicateNGramChars(ids, lengths, n: n)) / length
      values.append(("duplicate_\(n)_gram_char_fraction", share))
      check(share, s.maxDuplicateNGramCharFraction[n], "duplicated_\(n)_n_grams")
    }
    return QualityRuleOutcome(rules: .gopherRepetition, failure: failure, values: values)
  }

  /// Elements seen before (exact text) and their characters.
  static func duplicates(_ pieces: [(start: Int, end: Int)], in scalars: [UInt32]) -> (count: Int, chars: Int) {
    var seen = Set<ArraySlice<UInt32>>()
    seen.reserveCapacity(pieces.count)
    var count = 0
    var chars = 0
    for piece in pieces where !seen.insert(scalars[piece.start..<piece.end]).inserted {
      count += 1
      chars += piece.end - piece.start
    }
    return (count, chars)
  }

  /// Each word as the number of its first occurrence among distinct words.
  static func wordNumbers(_ text: FilterText) -> [Int] {
    var table: [ArraySlice<UInt32>: Int] = [:]
    var out: [Int] = []
    out.reserveCapacity(text.words.count)
    for r in text.words.ranges {
      let key = text.scalars[r.start..<r.end]
      if let id = table[key] {
        out.append(id)
      } else {
        table[key] = table.count
        out.append(table.count - 1)
      }
    }
    return out
  }

  /// The key of each `n`-gram of word numbers, in order: a 64-bit hash of the numbers (a
  /// collision, about one in 2^64 per pair, would count two different n-grams as one).
  static func ngramKeys(_ ids: [Int], n: Int) -> [UInt64] {
    guard n >= 1, ids.count >= n else { return [] }
    var out: [UInt64] = []
    out.reserveCapacity(ids.count - n + 1)
    ids.withUnsafeBufferPointer { w in
      for start in 0...(w.count - n) {
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        var k = 0
        while k < n {
          h = (h ^ UInt64(truncatingIfNeeded: w[start &+ k])) &* 0xBF58_476D_1CE4_E5B9
          h = (h &<< 31) | (h &>> 33)
          k &+= 1
        }
        out.append(XXH64.avalanche(h))
      }
    }
    return out
  }

  /// Characters of the most frequent `n`-gram (words joined by a space) times its count; the
  /// first seen wins a tie, as `Counter.most_common`.
  static func topNGramChars(_ ids: [Int], _ lengths: [Int], n: Int) -> Int {
    let keys = ngramKeys(ids, n: n)
    guard !keys.isEmpty else { return 0 }
    var counts: [UInt64: (count: Int, first: Int)] = [:]
    counts.reserveCapacity(keys.count)
    for (start, key) in keys.enumerated() {
      counts[key, default: (0, start)].count += 1
    }
    var best: (count: Int, first: Int) = (0, Int.max)
    for entry in counts.values where entry.count > best.count || (entry.count == best.count && entry.first < best.first) {
      best = entry
    }
    guard best.count > 0 else { return 0 }
    let chars = lengths[best.first..<best.first + n].reduce(n - 1, +)
    return chars * best.count
  }

  /// Characters of the `n`-grams (words joined without a space) seen before, skipping past each
  /// repeat, as datatrove's `find_all_duplicate`.
  static func duplicateNGramChars(_ ids: [Int], _ lengths: [Int], n: Int) -> Int {
    let keys = ngramKeys(ids, n: n)
    guard !keys.isEmpty else { return 0 }
    var seen = Set<UInt64>()
    seen.reserveCapacity(keys.count)
    var repeated = 0
    var index = 0
    while index < keys.count {
      if seen.insert(keys[index]).inserted {
        index += 1
      } else {
        repeated += lengths[index..<index + n].reduce(0, +)
        index += n
      }
    }
    return repeated
  }
}
