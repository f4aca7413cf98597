@testable import DataPrep
import Foundation
import Testing

/// A text input is tokenized a block at a time, cut where every hand-scanned pattern ends a
/// piece: the tokens must be those of the whole text, whatever the block size.
@Suite struct TextStreamingTests {
  /// Text with the shapes that meet at line ends: white space before and after newlines,
  /// punctuation, contractions, digits, letters of several scripts, invalid UTF-8 and CRLF.
  static func trickyText(lines: Int, seed: UInt64) -> [UInt8] {
    let fragments: [String] = [
      "Hello world", "  indented", "trailing   ", "x", "'s", "it's", "123", "4567", "!!", "?\r", "\t",
      "über", "日本語", "A", "b", "  ", "", "...", "'\u{17F}", "end.", "Z9", "HTTPServer", "naïve", "/",
    ]
    var generator = SplitMix64(seed: seed)
    var bytes: [UInt8] = []
    for _ in 0..<lines {
      let parts = Int.random(in: 1...4, using: &generator)
      for _ in 0..<parts {
        bytes += Array((fragments.randomElement(using: &generator) ?? "x").utf8)
        if Int.random(in: 0..<5, using: &generator) == 0 { bytes.append(0x20) }
      }
      if Int.random(in: 0..<40, using: &generator) == 0 { bytes += [0xE2, 0x82] }  // a cut-short scalar
      bytes += Int.random(in: 0..<10, using: &generator) == 0 ? [0x0D, 0x0A] : [0x0A]
      if Int.random(in: 0..<8, using: &generator) == 0 { bytes.append(0x0A) }
    }
    return bytes
  }

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

/// The cases of ``TextStreamingTests`` that take over about 5 seconds: tagged `.long`, and named so that
/// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
extension TextStreamingTests {
  @Suite(.tags(.long)) struct LongTests {
    @Test func theCommandCountsAStreamedTextAsTheWholeText() throws {
      guard let tokenizer = try TokenizerVectorTests.tokenizer("cl100k_base"),
        let rankFile = SharedData.require("data/tokenizers/cl100k_base.tiktoken.gz")
      else { return }
      let folder = try TemporaryDirectory()
      // Over two blocks of text, with special-token text that must stay ordinary.
      var bytes: [UInt8] = []
      while bytes.count < 2 * Tokenizer.streamBlock + 1000 {
        bytes += TextStreamingTests.trickyText(lines: 500, seed: UInt64(bytes.count)) + Array("<|endoftext|>\n".utf8)
      }
      let path = try folder.write("big.txt", bytes)
      let expected = tokenizer.count(String(decoding: bytes, as: UTF8.self))
      var counts: [Int?] = []
      try DatasetTokenReader().forEachCount(path: path, format: .auto, tokenizer: tokenizer) { count, _ in counts.append(count) }
      #expect(counts == [expected])
      let result = try CommandRunner.run(["tokens", path, "--tokenizer", rankFile.path])
      if result.stderr == CommandRunner.skipMessage { return }
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout == "\(expected)\n")
    }
  }
}
