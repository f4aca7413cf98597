extension TokenCounter {
  /// An APPROXIMATE count for chunking prose when no tokenizer is loaded: one token per five
  /// characters of each whitespace-separated word, at least one per word (about 1.2-1.3 tokens
  /// per English word, close to GPT-style BPE on prose; less exact on code and non-Latin text).
  public static let wordEstimate = TokenCounter(name: "estimated as words, one token per 5 characters") { text in
    var total = 0
    var wordLength = 0
    for scalar in text.unicodeScalars {
      if TextTrimming.isWhitespace(scalar) {
        if wordLength > 0 { total += max(1, (wordLength + 2) / 5) }
        wordLength = 0
      } else {
        wordLength += 1
      }
    }
    if wordLength > 0 { total += max(1, (wordLength + 2) / 5) }
    return total
  }
}
