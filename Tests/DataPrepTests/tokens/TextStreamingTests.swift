@testable import DataPrep
import Foundation
import Testing

/// A text input is tokenized a block at a time, cut where every hand-scanned pattern ends a
/// piece: the tokens must be those of the whole text, whatever the block size.
@Suite struct TextStreamingTests {
  /// Text with the shapes that meet at line ends (``StreamingText/tricky(lines:seed:)``).
  static func trickyText(lines: Int, seed: UInt64) -> [UInt8] { StreamingText.tricky(lines: lines, seed: seed) }

  static func tokenizers() throws -> [Tokenizer] {
    var list: [Tokenizer] = []
    for name in ["cl100k_base", "o200k_base"] {
      if let tokenizer = try TokenizerVectorTests.tokenizer(name) { list.append(tokenizer) }
    }
    let folder = TokenizerFixtures.folder()
    let url = TokenizerFixtures.huggingFaceFile(in: folder, merges: [("H", "e"), ("l", "l"), ("o", "\u{120}"), ("\u{120}", "w")])
    list.append(try Tokenizer(huggingFaceFile: url.path))
    let prefixed = TokenizerFixtures.folder()
    let prefixedURL = TokenizerFixtures.huggingFaceFile(
      in: prefixed, merges: [("l", "l")],
      preTokenizer: #"{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true}"#)
    list.append(try Tokenizer(huggingFaceFile: prefixedURL.path))
    return list
  }

  @Test func encodingInPartsGivesTheWholeTextTokens() throws {
    let folder = try TemporaryDirectory()
    let bytes = Self.trickyText(lines: 3_000, seed: 5)
    let path = try folder.write("text.txt", bytes)
    let whole = String(decoding: bytes, as: UTF8.self)
    for tokenizer in try Self.tokenizers() {
      #expect(tokenizer.canEncodeInParts)
      let expected = tokenizer.encode(whole)
      for block in [7, 64, 1000, 1 << 20] {
        var sink = TokenIDSink()
        try tokenizer.encode(source: ByteSource(path: path), allowingSpecialTokens: false, block: block, into: &sink)
        #expect(sink.ids == expected, "\(tokenizer.name), blocks of \(block)")
      }
      var special = TokenIDSink()
      try tokenizer.encode(source: ByteSource(path: path), allowingSpecialTokens: true, block: 64, into: &special)
      #expect(special.ids == tokenizer.encode(whole, allowingSpecialTokens: true))
    }
  }

  @Test func cutsFallOnlyBetweenALineEndAndALetterOrDigit() {
    #expect(Tokenizer.streamCut(in: Array("ab\ncd".utf8), from: 0) == 3)
    #expect(Tokenizer.streamCut(in: Array("ab\n9x\nZ".utf8), from: 0) == 6)
    #expect(Tokenizer.streamCut(in: Array("ab \ncd".utf8), from: 0) == nil)  // white space before the newline
    #expect(Tokenizer.streamCut(in: Array("ab\n cd".utf8), from: 0) == nil)  // white space after it
    #expect(Tokenizer.streamCut(in: Array("ab\n\ncd".utf8), from: 0) == nil)
    #expect(Tokenizer.streamCut(in: Array("é\ncd".utf8), from: 0) == nil)  // not ASCII before it
    #expect(Tokenizer.streamCut(in: Array("ab\n'd".utf8), from: 0) == nil)
    #expect(Tokenizer.streamCut(in: Array("ab\ncd".utf8), from: 4) == nil)
  }
}
