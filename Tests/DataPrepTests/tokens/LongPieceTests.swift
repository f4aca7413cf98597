@testable import DataPrep
import Foundation
import Testing

/// Long pre-tokenizer pieces merge one window at a time (``BytePairMerge/window``): the tokens
/// must be those of the whole-piece merge, and the text streamed in parts must encode as the
/// whole text does.
@Suite struct LongPieceTests {
  /// Pieces of the kinds that grow long: a run of one byte, of two bytes, random letters,
  /// random bytes from a small set, and random multi-byte letters.
  static func longPieces(count: Int, length: ClosedRange<Int>, seed: UInt64) -> [[UInt8]] {
    var generator = SplitMix64(seed: seed)
    let alphabets: [[UInt8]] = [
      [0], Array("a".utf8), Array("ab".utf8), Array("abcdefghijklmnopqrstuvwxyz".utf8), Array("aab".utf8),
      Array("=+/".utf8), Array("éèà日本".utf8), Array("0123456789abcdef".utf8), Array("!!?".utf8),
    ]
    return (0..<count).map { round in
      let alphabet = alphabets[round % alphabets.count]
      let size = Int.random(in: length, using: &generator)
      if round % alphabets.count < 2 { return [UInt8](repeating: alphabet[0], count: size) }
      return (0..<size).map { _ in alphabet.randomElement(using: &generator) ?? 0x61 }
    }
  }

  @Test func windowedPairRankMergesGiveTheWholePieceTokens() throws {
    let folder = TokenizerFixtures.folder()
    let url = TokenizerFixtures.huggingFaceFile(
      in: folder,
      merges: [
        ("a", "b"), ("ab", "ab"), ("b", "a"), ("abab", "a"), ("a", "a"), ("aa", "aa"), ("aaaa", "a"),
        ("e", "f"), ("0", "1"), ("=", "="), ("+", "/"), ("aa", "b"), ("c", "d"), ("cd", "ef"),
      ])
    let tokenizer = try Tokenizer(huggingFaceFile: url.path)
    guard let merges = tokenizer.merges else {
      Issue.record("the fixture has no merges")
      return
    }
    for (index, piece) in Self.longPieces(count: 27, length: 2_000...5_000, seed: 11).enumerated() {
      var whole = TokenIDSink()
      var windowed = TokenIDSink()
      piece.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        BytePairMerge.mergeLargeByPairRank(base, buffer.count, table: tokenizer.table, merges: merges, into: &whole)
        BytePairMerge.mergeWindowedByPairRank(
          base, buffer.count, table: tokenizer.table, merges: merges, window: 512, margin: 64, into: &windowed)
      }
      #expect(windowed.ids == whole.ids, "piece \(index) (\(piece.count) bytes)")
    }
  }
}

/// The cases of ``LongPieceTests`` that take over about 5 seconds: tagged `.long`, and named so that
/// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
extension LongPieceTests {
  @Suite(.tags(.long)) struct LongTests {
    @Test(arguments: ["cl100k_base", "o200k_base"])
    func windowedMergesGiveTheWholePieceTokens(_ name: String) throws {
      guard let tokenizer = try TokenizerVectorTests.tokenizer(name) else { return }
      // Windows of 1 KiB with 128 bytes of margin: 64 times less margin than the real one.
      for (index, piece) in LongPieceTests.longPieces(count: 45, length: 3_000...9_000, seed: 7).enumerated() {
        var whole = TokenIDSink()
        var windowed = TokenIDSink()
        piece.withUnsafeBufferPointer { buffer in
          guard let base = buffer.baseAddress else { return }
          BytePairMerge.mergeLargeByTokenRank(base, buffer.count, readable: buffer.count, table: tokenizer.table, into: &whole)
          BytePairMerge.mergeWindowedByTokenRank(
            base, buffer.count, readable: buffer.count, table: tokenizer.table, window: 1024, margin: 128, into: &windowed)
        }
        #expect(windowed.ids == whole.ids, "piece \(index) (\(piece.count) bytes, starting \(piece.prefix(8)))")
      }
    }

    @Test func aPieceLongerThanTheWindowIsCountedExactly() throws {
      guard let tokenizer = try TokenizerVectorTests.tokenizer("cl100k_base") else { return }
      // Three windows' worth of one letter and of NULs, through the public API.
      for text in [String(repeating: "a", count: 3 * BytePairMerge.window + 17), String(repeating: "\0", count: 300_001)] {
        let ids = tokenizer.encode(text)
        #expect(tokenizer.decodeBytes(ids) == Array(text.utf8))
        var whole = TokenIDSink()
        Array(text.utf8).withUnsafeBufferPointer { buffer in
          guard let base = buffer.baseAddress else { return }
          BytePairMerge.mergeLargeByTokenRank(base, buffer.count, readable: buffer.count, table: tokenizer.table, into: &whole)
        }
        #expect(ids == whole.ids)
      }
    }
  }
}
