/// Splits UTF-8 text into pre-tokenizer pieces by one ``SplitPattern``, without a regex engine.
///
/// Works on the bytes of valid UTF-8 (what Swift strings hold), decoding scalars on the fly and
/// classifying them through ``ScalarClass/table``. Never reads outside `bytes[0..<count]`.
struct PieceScanner {
  private let bytes: UnsafePointer<UInt8>
  private let count: Int
  private let table: UnsafePointer<UInt8>
  private let pattern: SplitPattern

  private static let letter = ScalarClass.letter
  private static let number = ScalarClass.number
  private static let space = ScalarClass.space
  private static let upperish = ScalarClass.upperish
  private static let lowerish = ScalarClass.lowerish
  private static let newline = ScalarClass.newline
  private static let wordish = ScalarClass.space | ScalarClass.letter | ScalarClass.number

  /// A scanner over `bytes[0..<count]`; `table` is ``ScalarClass/table``'s storage.
  init(bytes: UnsafePointer<UInt8>, count: Int, table: UnsafePointer<UInt8>, pattern: SplitPattern) {
    self.bytes = bytes
    self.count = count
    self.table = table
    self.pattern = pattern
  }

  /// The end of the piece that starts at `start` (`start < count`); always `> start`.
  @inline(__always)
  func pieceEnd(from start: Int) -> Int {
    switch pattern {
    case .cl100k: return cl100kEnd(from: start, trailingSpaceRun: true)
    case .llama3: return cl100kEnd(from: start, trailingSpaceRun: false)
    case .o200k: return o200kEnd(from: start)
    case .gpt2: return gpt2End(from: start)
    }
  }

  // MARK: - Scalars

  /// The class bits and UTF-8 length of the scalar starting at `i`.
  @inline(__always)
  private func scalarClass(at i: Int) -> (bits: UInt8, length: Int) {
    let b0 = bytes[i]
    if b0 < 0x80 { return (table[Int(b0)], 1) }
    return multibyteClass(at: i, lead: b0)
  }

  private func multibyteClass(at i: Int, lead b0: UInt8) -> (bits: UInt8, length: Int) {
    let value: UInt32
    let length: Int
    if b0 < 0xE0, i + 1 < count {
      value = (UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
      length = 2
    } else if b0 < 0xF0, i + 2 < count {
      value = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
      length = 3
    } else if b0 >= 0xF0, i + 3 < count {
      value =
        (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
        | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
      length = 4
    } else {
      return (0, 1)  // a stray or truncated byte: not valid UTF-8; treated as a symbol
    }
    if value < UInt32(ScalarClass.tableSize) { return (table[Int(value)], length) }
    return (ScalarClass.compute(value), length)
  }

  /// The end of the run of scalars, from `i`, whose classes meet `mask`.
  @inline(__always)
  private func runEnd(from i: Int, having mask: UInt8) -> Int {
    var j = i
    while j < count {
      let (bits, length) = scalarClass(at: j)
      if bits & mask == 0 { break }
      j += length
    }
    return j
  }

  /// The end of the run of scalars, from `i`, whose classes avoid `mask`.
  @inline(__always)
  private func runEnd(from i: Int, lacking mask: UInt8) -> Int {
    var j = i
    while j < count {
      let (bits, length) = scalarClass(at: j)
      if bits & mask != 0 { break }
      j += length
    }
    return j
  }

  /// The end of the run of `\r`, `\n` (and `/` when `slash`) bytes from `i`.
  @inline(__always)
  private func newlineRunEnd(from i: Int, slash: Bool) -> Int {
    var j = i
    while j < count {
      let b = bytes[j]
      guard b == 0x0A || b == 0x0D || (slash && b == 0x2F) else { break }
      j += 1
    }
    return j
  }

  /// A run of white space: where it ends, where its last scalar starts, and the position
  /// after its last `\r`/`\n` (`-1` when it has none).
  private struct SpaceRun {
    var end: Int
    var lastScalarStart: Int
    var afterLastNewline: Int
  }

  @inline(__always)
  private func spaceRun(from i: Int) -> SpaceRun {
    var run = SpaceRun(end: i, lastScalarStart: i, afterLastNewline: -1)
    var j = i
    while j < count {
      let (bits, length) = scalarClass(at: j)
      if bits & Self.space == 0 { break }
      if bits & Self.newline != 0 { run.afterLastNewline = j + 1 }
      run.lastScalarStart = j
      j += length
    }
    run.end = j
    return run
  }

  /// The end of a white-space piece under `\s*[\r\n]+|\s+(?!\S)|\s+` (with
  /// `trailingSpaceRun`, `\s++$` first; without `newlines`, no `\s*[\r\n]+`: GPT-2).
  @inline(__always)
  private func spaceEnd(from i: Int, trailingSpaceRun: Bool, newlines: Bool = true) -> Int {
    let run = spaceRun(from: i)
    if trailingSpaceRun && run.end == count { return count }
    if newlines && run.afterLastNewline >= 0 { return run.afterLastNewline }
    if run.end == count { return count }
    if run.lastScalarStart > i { return run.lastScalarStart }
    return run.end
  }

  /// The end of a contraction `'s 't 're 've 'm 'll 'd` at `i`, or `nil`.
  /// `ignoringCase` follows Unicode simple case folding as the regex engines do (`ſ` is `s`).
  @inline(__always)
  private func contractionEnd(at i: Int, ignoringCase: Bool) -> Int? {
    guard i + 1 < count, bytes[i] == 0x27 else { return nil }
    var b1 = bytes[i + 1]
    if ignoringCase {
      if b1 == 0xC5, i + 2 < count, bytes[i + 2] == 0xBF { return i + 3 }  // U+017F ſ
      if b1 >= 0x41 && b1 <= 0x5A { b1 |= 0x20 }
    }
    switch b1 {
    case 0x73, 0x64, 0x6D, 0x74: return i + 2  // s d m t
    case 0x6C, 0x76, 0x72:  // l v r
      guard i + 2 < count else { return nil }
      var b2 = bytes[i + 2]
      if ignoringCase && b2 >= 0x41 && b2 <= 0x5A { b2 |= 0x20 }
      let expected: UInt8 = b1 == 0x6C ? 0x6C : 0x65  // ll, ve, re
      return b2 == expected ? i + 3 : nil
    default:
      return nil
    }
  }

  // MARK: - cl100k and Llama 3

  private func cl100kEnd(from i: Int, trailingSpaceRun: Bool) -> Int {
    let b0 = bytes[i]
    if b0 == 0x27, let end = contractionEnd(at: i, ignoringCase: true) { return end }
    let (bits, length) = scalarClass(at: i)
    // [^\r\n\p{L}\p{N}]?+\p{L}++
    if bits & Self.letter != 0 { return runEnd(from: i + length, having: Self.letter) }
    if bits & (Self.number | Self.newline) == 0 && i + length < count {
      let (next, nextLength) = scalarClass(at: i + length)
      if next & Self.letter != 0 { return runEnd(from: i + length + nextLength, having: Self.letter) }
    }
    // \p{N}{1,3}+
    if bits & Self.number != 0 { return digitsEnd(from: i + length, taken: 1) }
    // ' ?[^\s\p{L}\p{N}]++[\r\n]*+'
    if b0 == 0x20 && i + 1 < count {
      let (next, nextLength) = scalarClass(at: i + 1)
      if next & Self.wordish == 0 {
        return newlineRunEnd(from: runEnd(from: i + 1 + nextLength, lacking: Self.wordish), slash: false)
      }
    }
    if bits & Self.wordish == 0 {
      return newlineRunEnd(from: runEnd(from: i + length, lacking: Self.wordish), slash: false)
    }
    return spaceEnd(from: i, trailingSpaceRun: trailingSpaceRun)
  }

  /// The end of `\p{N}{1,3}` having already taken `taken` scalars up to `i`.
  @inline(__always)
  private func digitsEnd(from i: Int, taken: Int) -> Int {
    var j = i
    var taken = taken
    while taken < 3 && j < count {
      let (bits, length) = scalarClass(at: j)
      if bits & Self.number == 0 { break }
      j += length
      taken += 1
    }
    return j
  }

  // MARK: - o200k

  private func o200kEnd(from i: Int) -> Int {
    let (bits, length) = scalarClass(at: i)
    let prefixable = bits & (Self.letter | Self.number | Self.newline) == 0
    let casedish = Self.upperish | Self.lowerish
    // Alternative 1, with then without the optional prefix scalar.
    if prefixable, let end = o200kLowerWordEnd(from: i + length) { return end }
    if bits & casedish != 0, let end = o200kLowerWordEnd(from: i) { return end }
    // Alternative 2, likewise.
    if prefixable, let end = o200kUpperWordEnd(from: i + length) { return end }
    if bits & casedish != 0, let end = o200kUpperWordEnd(from: i) { return end }
    if bits & Self.number != 0 { return digitsEnd(from: i + length, taken: 1) }
    // ' ?[^\s\p{L}\p{N}]+[\r\n/]*'
    let b0 = bytes[i]
    if b0 == 0x20 && i + 1 < count {
      let (next, nextLength) = scalarClass(at: i + 1)
      if next & Self.wordish == 0 {
        return newlineRunEnd(from: runEnd(from: i + 1 + nextLength, lacking: Self.wordish), slash: true)
      }
    }
    if bits & Self.wordish == 0 {
      return newlineRunEnd(from: runEnd(from: i + length, lacking: Self.wordish), slash: true)
    }
    return spaceEnd(from: i, trailingSpaceRun: false)
  }

  /// `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|...)?` from `k`, or `nil`.
  ///
  /// The greedy upper-ish run backtracks until a lower-ish scalar can start the second run:
  /// either the scalar right after the run, or the last lower-ish scalar inside it.
  @inline(__always)
  private func o200kLowerWordEnd(from k: Int) -> Int? {
    guard k < count else { return nil }
    var j = k
    var afterLastLowerish = -1
    while j < count {
      let (bits, length) = scalarClass(at: j)
      if bits & Self.upperish == 0 {
        if bits & Self.lowerish != 0 {
          let end = runEnd(from: j + length, having: Self.lowerish)
          return contractionEnd(at: end, ignoringCase: true) ?? end
        }
        break
      }
      if bits & Self.lowerish != 0 { afterLastLowerish = j + length }
      j += length
    }
    guard afterLastLowerish >= 0 else { return nil }
    return contractionEnd(at: afterLastLowerish, ignoringCase: true) ?? afterLastLowerish
  }

  /// `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|...)?` from `k`, or `nil`.
  @inline(__always)
  private func o200kUpperWordEnd(from k: Int) -> Int? {
    guard k < count else { return nil }
    let (bits, length) = scalarClass(at: k)
    guard bits & Self.upperish != 0 else { return nil }
    let upperEnd = runEnd(from: k + length, having: Self.upperish)
    let end = runEnd(from: upperEnd, having: Self.lowerish)
    return contractionEnd(at: end, ignoringCase: true) ?? end
  }

  // MARK: - GPT-2

  private func gpt2End(from i: Int) -> Int {
    if let end = contractionEnd(at: i, ignoringCase: false) { return end }
    var k = i
    if bytes[i] == 0x20 && i + 1 < count { k = i + 1 }
    let (bits, length) = scalarClass(at: k)
    if bits & Self.letter != 0 { return runEnd(from: k + length, having: Self.letter) }
    if bits & Self.number != 0 { return runEnd(from: k + length, having: Self.number) }
    if bits & Self.wordish == 0 { return runEnd(from: k + length, lacking: Self.wordish) }
    return spaceEnd(from: i, trailingSpaceRun: false, newlines: false)
  }
}
