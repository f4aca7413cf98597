/// Whether a generated answer is supported by the chunk it was written from (`--min-grounding`).
///
/// The rule: the share of the answer's distinct content words that occur among the chunk's
/// words must be at least ``minimum``. Words are the dedup stage's: text folded by
/// ``TextNormalizer`` (NFKC, lower case, punctuation to spaces) and split by ``Shingler``'s word
/// hashing (a character of a script written without spaces, such as Han, is a word). Content
/// words are those not in ``stopWords`` (English function words; other languages keep all their
/// words, which makes the rule stricter, not looser). An answer without content words is not
/// grounded.
struct GroundingCheck: Sendable {
  /// Function words left out of the share.
  static let stopWords = [
    "a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "into", "onto", "about", "than", "so", "such", "that", "this", "these", "those", "it", "its",
    "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had", "can",
    "could", "will", "would", "shall", "should", "may", "might", "must", "not", "no", "yes", "i", "you", "he",
    "she", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "our", "their", "what", "which",
    "who", "whom", "whose", "when", "where", "why", "how", "there", "here", "also", "only", "very", "all", "any",
    "each", "both", "some", "more", "most", "other", "same", "s", "t",
  ]

  /// The least share of content words found in the chunk.
  let minimum: Double
  private let normalizer = TextNormalizer()
  private let shingler = Shingler()
  private let stopHashes: Set<UInt64>

  /// A check keeping answers whose share is at least `minimum`.
  init(minimum: Double) {
    self.minimum = minimum
    let normalizer = TextNormalizer()
    let shingler = Shingler()
    stopHashes = Set(Self.stopWords.flatMap { NormalizedWords.of($0, normalizer: normalizer, shingler: shingler).words.hashes })
  }

  /// The hashes of the words of `text`.
  func words(_ text: String) -> Set<UInt64> {
    Set(NormalizedWords.of(text, normalizer: normalizer, shingler: shingler).words.hashes)
  }

  /// The share of `answer`'s distinct content words found in `chunkWords` (0 when it has none).
  func share(of answer: String, in chunkWords: Set<UInt64>) -> Double {
    let content = words(answer).subtracting(stopHashes)
    guard !content.isEmpty else { return 0 }
    return Double(content.filter(chunkWords.contains).count) / Double(content.count)
  }

  /// Whether `answer` is grounded in the chunk whose words are `chunkWords`.
  func isGrounded(_ answer: String, in chunkWords: Set<UInt64>) -> Bool {
    share(of: answer, in: chunkWords) >= minimum
  }
}
