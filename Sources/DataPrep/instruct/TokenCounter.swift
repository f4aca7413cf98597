/// Counts the tokens of a piece of text: the seam where a real tokenizer plugs into chunking.
///
/// ``TextChunker`` calls it once per word (with the whitespace before it), so a counter must be
/// roughly additive over words, as BPE tokenizers with whitespace pre-splitting are.
public protocol TokenCounter: Sendable {
  /// The number of tokens in `text`.
  func count(_ text: Substring) -> Int
}

/// An APPROXIMATE token count for when no tokenizer is loaded: one token per five characters
/// of each word, at least one per word (about 1.2-1.3 tokens per English word, close to GPT-style
/// BPE on prose, less exact on code and non-Latin scripts). Whitespace counts nothing.
public struct ApproximateTokenCounter: TokenCounter {
  /// An approximate counter.
  public init() {}

  /// The approximate number of tokens in `text`.
  public func count(_ text: Substring) -> Int {
    var total = 0
    var wordLength = 0
    for character in text.unicodeScalars {
      if character.properties.isWhitespace {
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
