/// Encoding a text read from a file a block at a time, so `dataprep tokens` on a large text
/// holds a block and a stretch of text, not the whole input.
extension Tokenizer {
  /// How much is read at a time.
  static let streamBlock = 1 << 20

  /// Whether a text may be cut at ``streamCut(in:from:)`` points and its parts encoded one by
  /// one with the same tokens as the whole: the first split step is a hand-written pattern
  /// (whose pieces never cross such a point, see there) and no special token holds a newline.
  var canEncodeInParts: Bool {
    guard case .pattern = steps.first else { return false }
    return !specialTokens.keys.contains { $0.utf8.contains(0x0A) }
  }

  /// Encodes the text of `source` (invalid UTF-8 repaired as `String(decoding:)` repairs it)
  /// into `sink`, `blockSize` bytes at a time when ``canEncodeInParts``, else whole.
  /// - Throws: ``InputError`` when the input cannot be read.
  func encode<Sink: TokenSink>(
    source: ByteSource, allowingSpecialTokens: Bool, block blockSize: Int = streamBlock, into sink: inout Sink
  ) throws(InputError) {
    guard canEncodeInParts else {
      let bytes = try source.readAll()
      encode(String(decoding: bytes, as: UTF8.self), allowingSpecialTokens: allowingSpecialTokens, into: &sink)
      return
    }
    var pending: [UInt8] = []
    var searched = 0
    var first = true
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, blockSize), alignment: 1)
    defer { block.deallocate() }
    while true {
      let n = try source.read(into: block)
      if n == 0 { break }
      pending.append(contentsOf: block[0..<n])
      guard let cut = Self.streamCut(in: pending, from: searched) else {
        searched = max(0, pending.count - 2)
        continue
      }
      let text = String(decoding: pending[0..<cut], as: UTF8.self)
      encode(text, allowingSpecialTokens: allowingSpecialTokens, continuing: !first, into: &sink)
      first = false
      pending.removeFirst(cut)
      searched = 0
    }
    if !pending.isEmpty {
      encode(
        String(decoding: pending, as: UTF8.self), allowingSpecialTokens: allowingSpecialTokens,
        continuing: !first, into: &sink)
    }
  }

  /// The last position `p >= from` in `bytes` where the text can be cut, or `nil`: a newline
  /// at `p - 1` after a printable ASCII character, and an ASCII letter or digit at `p`.
  ///
  /// Every pattern the library scans by hand (cl100k, o200k, Llama 3, GPT-2) ends a piece
  /// there: no alternative continues past a newline into a letter or digit. And the pieces
  /// before `p` come out the same when the text ends at `p`: the newline closes its piece
  /// (alone, or after punctuation) whether a letter or the end of the text follows, and what
  /// precedes it is not white space, so no white-space run reaches the cut. The cut is
  /// between ASCII bytes, so repairing invalid UTF-8 part by part changes nothing either.
  static func streamCut(in bytes: [UInt8], from: Int) -> Int? {
    var p = bytes.count - 1
    let lowest = max(2, from)
    while p >= lowest {
      let byte = bytes[p]
      let isAlphanumeric = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
      if isAlphanumeric && bytes[p - 1] == 0x0A && bytes[p - 2] >= 0x21 && bytes[p - 2] <= 0x7E {
        return p
      }
      p -= 1
    }
    return nil
  }
}
