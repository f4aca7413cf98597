/// The words of normalised text (``TextNormalizer`` output) with their stable hashes and byte
/// ranges, so a shared passage can be quoted back from the text it was found in.
///
/// Words are split exactly as ``Shingler/wordHashes(_:into:)`` splits them (a character of an
/// unspaced script such as Han or Thai is a word by itself) and hash to the same values.
struct NormalizedWords: Sendable {
  /// The hash of each word, in order.
  var hashes: [UInt64] = []
  /// The byte offset where each word starts.
  var starts: [Int32] = []
  /// The byte offset just past each word.
  var ends: [Int32] = []

  var count: Int { hashes.count }

  /// Replaces the contents with the words of `text`.
  mutating func scan(_ text: UnsafeBufferPointer<UInt8>) {
    hashes.removeAll(keepingCapacity: true)
    starts.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    guard let base = text.baseAddress else { return }
    let count = text.count
    var i = 0
    while i < count {
      while i < count && base[i] == 0x20 { i &+= 1 }
      let start = i
      var high: UInt8 = 0
      while i < count {
        let byte = base[i]
        if byte == 0x20 { break }
        high |= byte
        i &+= 1
      }
      if i == start { break }
      if high < 0x80 {
        append(Shingler.wordHash(base + start, count: i &- start), start, i)
      } else {
        splitUnspaced(base, from: start, to: i)
      }
    }
  }

  @inline(__always)
  private mutating func append(_ hash: UInt64, _ start: Int, _ end: Int) {
    hashes.append(hash)
    starts.append(Int32(truncatingIfNeeded: start))
    ends.append(Int32(truncatingIfNeeded: end))
  }

  /// A non-ASCII word: each character of an unspaced script is a word of its own.
  private mutating func splitUnspaced(_ base: UnsafePointer<UInt8>, from wordStart: Int, to wordEnd: Int) {
    var runStart = wordStart
    var i = wordStart
    while i < wordEnd {
      let lead = base[i]
      let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      let end = min(i + length, wordEnd)
      var scalar: UInt32 = 0
      if length == 3 && end - i == 3 {
        scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(base[i + 1] & 0x3F) << 6) | UInt32(base[i + 2] & 0x3F)
      } else if length == 4 && end - i == 4 {
        scalar = (UInt32(lead & 0x07) << 18) | (UInt32(base[i + 1] & 0x3F) << 12)
          | (UInt32(base[i + 2] & 0x3F) << 6) | UInt32(base[i + 3] & 0x3F)
      }
      if Shingler.isUnspaced(scalar) {
        if i > runStart { append(Shingler.wordHash(base + runStart, count: i - runStart), runStart, i) }
        append(Shingler.wordHash(base + i, count: end - i), i, end)
        runStart = end
      }
      i = end
    }
    if wordEnd > runStart { append(Shingler.wordHash(base + runStart, count: wordEnd - runStart), runStart, wordEnd) }
  }
}
