/// Turns normalised text into the hashes of its word n-grams ("shingles"), the set MinHash and
/// containment work on.
///
/// Words are the space-separated tokens of ``TextNormalizer`` output; a character of a script
/// written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) is a word by itself, so CJK
/// text gets character n-grams. A text with fewer than `n` words gives one shingle of all its
/// words; an empty text gives none. A word's hash is XXH64 (of its bytes packed into a `UInt64`
/// when it has at most 8); a shingle's hash is the XOR of its words' hashes rotated by 13 bits
/// per position, through XXH64's final avalanche. Both are stable across runs and machines.
struct Shingler: Sendable {
  /// Words per shingle.
  let n: Int

  /// A shingler of `n`-word shingles (`n` >= 1).
  init(n: Int = 5) {
    self.n = max(1, n)
  }

  /// Replaces `out` with the shingle hashes of the normalised UTF-8 text `text`, in text order
  /// (repeats included).
  func shingles(ofNormalized text: UnsafeBufferPointer<UInt8>, into out: inout [UInt64]) {
    var words: [UInt64] = []
    wordHashes(text, into: &words)
    shingles(ofWordHashes: words, into: &out)
  }

  /// The shingle hashes of normalised text given as a `String`.
  func shingles(ofNormalized text: String) -> [UInt64] {
    var text = text
    var out: [UInt64] = []
    text.withUTF8 { shingles(ofNormalized: $0, into: &out) }
    return out
  }

  /// Replaces `out` with the shingle hashes over a sequence of word hashes.
  func shingles(ofWordHashes words: [UInt64], into out: inout [UInt64]) {
    out.removeAll(keepingCapacity: true)
    if words.isEmpty { return }
    let n = self.n
    if words.count < n {
      out.append(Self.combine(words[...]))
      return
    }
    out.reserveCapacity(words.count - n + 1)
    words.withUnsafeBufferPointer { w in
      for start in 0...(w.count - n) {
        // XOR of the word hashes rotated by their position, then XXH64's avalanche: no multiply
        // per word, and the order of words matters.
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B1_85EB_CA87
        var k = 0
        while k < n {
          let v = w[start &+ k]
          let r = UInt64(truncatingIfNeeded: (k &* 13) & 63)
          h ^= (v &<< r) | (v &>> ((64 &- r) & 63))
          k &+= 1
        }
        out.append(Self.finish(h))
      }
    }
  }

  /// Replaces `out` with the XXH64 hash of each word of the normalised text.
  func wordHashes(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt64]) {
    out.removeAll(keepingCapacity: true)
    guard let base = text.baseAddress else { return }
    let count = text.count
    out.reserveCapacity(count / 2 + 1)
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i < count {
      if base[i] == 0x20 {
        i &+= 1
        continue
      }
      // Fast path: an ASCII word shorter than 8 bytes followed by a space, found in one 8-byte load.
      if i &+ 8 <= count {
        let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        let y = x ^ 0x2020_2020_2020_2020
        let spaces = (y &- 0x0101_0101_0101_0101) & ~y & 0x8080_8080_8080_8080
        if spaces != 0 {
          let length = spaces.trailingZeroBitCount >> 3
          let word = x & (UInt64.max &>> UInt64(64 &- 8 &* length))
          if word & 0x8080_8080_8080_8080 == 0 {
            out.append(XXH64.hash(word, seed: UInt64(length)))
            i &+= length
            continue
          }
        }
      }
      let start = i
      let high: UInt8
      (i, high) = Self.scanWord(base, from: start, count: count)
      if high < 0x80 {
        out.append(Self.wordHash(base + start, count: i &- start))
      } else {
        splitUnspacedScripts(UnsafeBufferPointer(start: base + start, count: i &- start), into: &out)
      }
    }
  }

  /// Hashes a non-ASCII word, making each character of an unspaced script a word of its own.
  private func splitUnspacedScripts(_ word: UnsafeBufferPointer<UInt8>, into out: inout [UInt64]) {
    guard let base = word.baseAddress else { return }
    Self.splitUnspaced(base, from: 0, to: word.count) { hash, _, _ in out.append(hash) }
  }

  /// Walks the non-ASCII word `base[wordStart..<wordEnd]`, giving `body` the hash and byte range of
  /// each word in it: each character of an unspaced script (CJK, Thai, ...) is a word of its own.
  /// Shared by dedup shingling and the leakage stage so both split text the same way.
  static func splitUnspaced(
    _ base: UnsafePointer<UInt8>, from wordStart: Int, to wordEnd: Int, _ body: (UInt64, Int, Int) -> Void
  ) {
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
        if i > runStart { body(Shingler.wordHash(base + runStart, count: i - runStart), runStart, i) }
        body(Shingler.wordHash(base + i, count: end - i), i, end)
        runStart = end
      }
      i = end
    }
    if wordEnd > runStart { body(Shingler.wordHash(base + runStart, count: wordEnd - runStart), runStart, wordEnd) }
  }

  /// Where the word starting at `start` ends (the next space, or `count`) and the OR of its
  /// bytes (`>= 0x80`: it holds non-ASCII characters), for the word loops over normalised text.
  @inline(__always)
  static func scanWord(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> (end: Int, high: UInt8) {
    var i = start
    var high: UInt8 = 0
    while i < count {
      let byte = base[i]
      if byte == 0x20 { break }
      high |= byte
      i &+= 1
    }
    return (i, high)
  }

  /// The stable hash of one word: XXH64 of its bytes packed little-endian into a `UInt64`
  /// (seeded with the length) for words of up to 8 bytes, XXH64 of the bytes otherwise.
  @inline(__always)
  static func wordHash(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    if count <= 8 {
      var packed: UInt64 = 0
      var k = 0
      while k < count {
        packed |= UInt64(base[k]) &<< (UInt64(k) &* 8)
        k &+= 1
      }
      return XXH64.hash(packed, seed: UInt64(count))
    }
    return XXH64.hash(UnsafeRawPointer(base), count: count)
  }

  /// Whether a character belongs to a script written without spaces between words.
  static func isUnspaced(_ v: UInt32) -> Bool {
    switch v {
    case 0x0E00...0x0EFF,  // Thai, Lao
      0x1000...0x109F,  // Myanmar
      0x1780...0x17FF,  // Khmer
      0x3040...0x30FF,  // Hiragana, Katakana
      0x31F0...0x31FF,  // Katakana extensions
      0x3400...0x4DBF,  // CJK extension A
      0x4E00...0x9FFF,  // CJK unified ideographs
      0xF900...0xFAFF,  // CJK compatibility ideographs
      0x20000...0x3134F:  // CJK extensions B-G
      return true
    default:
      return false
    }
  }

  static func combine(_ words: ArraySlice<UInt64>) -> UInt64 {
    var h = UInt64(truncatingIfNeeded: words.count) &* 0x9E37_79B1_85EB_CA87
    for (k, v) in words.enumerated() {
      let r = UInt64(truncatingIfNeeded: (k &* 13) & 63)
      h ^= (v &<< r) | (v &>> ((64 &- r) & 63))
    }
    return finish(h)
  }

  @inline(__always)
  static func finish(_ h0: UInt64) -> UInt64 { XXH64.avalanche(h0) }
}
