/// The generated questions kept so far, so a question that repeats one (exactly, or nearly)
/// is dropped, within a chunk and across chunks and documents.
///
/// Built from the dedup stage's pieces: text folded by ``TextNormalizer``, words hashed by
/// ``Shingler`` (one-word shingles: a question is a handful of words, and its set of words is
/// what tells two wordings of it apart), ``MinHasher`` signatures and ``LSHIndex`` band keys to
/// find candidates, then the exact Jaccard similarity of the two word sets to confirm: at or
/// above ``threshold`` it is a near duplicate. An exact duplicate (the same folded text) is
/// found by its XXH64 digest.
///
/// **Memory**: the one part of the model generator that grows with the input: per kept
/// question, its distinct word hashes (8 bytes a word) plus one band entry per LSH band (about
/// 24 bytes each) and a 16-byte digest: about 0.5 KB for a ten-word question.
struct QuestionDedupIndex {
  /// Signature length used to find candidates.
  static let permutations = 64
  /// The Jaccard similarity of word sets at or above which two questions are duplicates.
  let threshold: Double
  private let normalizer = TextNormalizer()
  private let shingler = Shingler(n: 1)
  private let hasher = MinHasher(permutations: QuestionDedupIndex.permutations)
  private let lsh: LSHIndex
  private var exact = Set<UInt64>()
  private var buckets: [UInt64: [Int32]] = [:]
  private var wordSets: [[UInt64]] = []

  /// An index calling questions duplicates at word-set Jaccard `threshold` or above.
  init(threshold: Double) {
    self.threshold = threshold
    lsh = LSHIndex(threshold: threshold, permutations: Self.permutations)
  }

  /// Whether `question` is new; a new question is added to the index.
  mutating func admit(_ question: String) -> Bool {
    var normalized: [UInt8] = []
    normalizer.normalize(question, into: &normalized)
    guard exact.insert(XXH64.hash(normalized)).inserted else { return false }
    var words = NormalizedWords()
    normalized.withUnsafeBufferPointer { words.scan($0, with: shingler) }
    let set = Array(Set(words.hashes)).sorted()
    guard !set.isEmpty else { return true }
    var signature = [UInt32](repeating: UInt32.max, count: Self.permutations)
    set.withUnsafeBufferPointer { shingles in signature.withUnsafeMutableBufferPointer { hasher.signature(of: shingles, into: $0) } }
    let keys = signature.withUnsafeBufferPointer { sig in (0..<lsh.bands).map { lsh.bandKey(sig, band: $0) } }
    var seen = Set<Int32>()
    for key in keys {
      for member in buckets[key] ?? [] where seen.insert(member).inserted {
        if SetJaccard.of(set[...], wordSets[Int(member)][...]) >= threshold { return false }
      }
    }
    let number = Int32(wordSets.count)
    wordSets.append(set)
    for key in keys { buckets[key, default: []].append(number) }
    return true
  }
}
