/// The words of normalised text (``TextNormalizer`` output) as the dedup stage's stable word
/// hashes (``Shingler/wordHashes(_:into:)``); the byte range of each word is recomputed on demand
/// (``ranges(in:)``) to quote a shared passage, splitting words exactly as the shingler does (a
/// character of an unspaced script such as Han or Thai is a word by itself).
struct NormalizedWords: Sendable {
  /// The hash of each word, in order.
  var hashes: [UInt64] = []

  var count: Int { hashes.count }

  /// Replaces the contents with the words of `text`, hashed by the dedup stage's ``Shingler``.
  mutating func scan(_ text: UnsafeBufferPointer<UInt8>, with shingler: Shingler) {
    shingler.wordHashes(text, into: &hashes)
  }

  /// `text` normalised by `normalizer`, and its words hashed by `shingler`: the one way the
  /// leakage check and split's passage links read a text, so both find the same passages.
  static func of(_ text: String, normalizer: TextNormalizer, shingler: Shingler) -> (normalized: [UInt8], words: NormalizedWords) {
    var normalized: [UInt8] = []
    normalizer.normalize(text, into: &normalized)
    var words = NormalizedWords()
    normalized.withUnsafeBufferPointer { words.scan($0, with: shingler) }
    return (normalized, words)
  }

  /// The byte range `(start, end)` of each word of `text`, in the order of ``hashes``.
  static func ranges(in text: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int)] {
    var out: [(start: Int, end: Int)] = []
    forEachWord(text) { _, start, end in out.append((start, end)) }
    return out
  }

  /// Calls `body(hash, start, end)` for each word of `text`.
  @inline(__always)
  static func forEachWord(_ text: UnsafeBufferPointer<UInt8>, _ body: (UInt64, Int, Int) -> Void) {
    guard let base = text.baseAddress else { return }
    let count = text.count
    var i = 0
    while i < count {
      while i < count && base[i] == 0x20 { i &+= 1 }
      let start = i
      let high: UInt8
      (i, high) = Shingler.scanWord(base, from: start, count: count)
      if i == start { break }
      if high < 0x80 {
        body(Shingler.wordHash(base + start, count: i &- start), start, i)
      } else {
        Shingler.splitUnspaced(base, from: start, to: i, body)
      }
    }
  }
}
