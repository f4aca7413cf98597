import Foundation
import Testing

import DataPrep

/// `tokens` on a text over two stream blocks counts what the whole text counts (the block-wise
/// tokenizer is tested in TextStreamingTests).
@Suite struct TextStreamingCommandTests {}

/// The cases of ``TextStreamingCommandTests`` that take over about 5 seconds: tagged `.long`, and named so that
/// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
extension TextStreamingCommandTests {
  @Suite(.tags(.long)) struct LongTests {
    @Test func theCommandCountsAStreamedTextAsTheWholeText() throws {
      guard let rankFile = SharedData.require("data/tokenizers/cl100k_base.tiktoken.gz") else { return }
      let tokenizer = try Tokenizer(tiktokenFile: rankFile.path)
      let folder = try TemporaryDirectory()
      // Over two blocks of text, with special-token text that must stay ordinary.
      var bytes: [UInt8] = []
      let streamBlock = 1 << 20  // the library's block (internal `Tokenizer.streamBlock`)
      while bytes.count < 2 * streamBlock + 1000 {
        bytes += StreamingText.tricky(lines: 500, seed: UInt64(bytes.count)) + Array("<|endoftext|>\n".utf8)
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
