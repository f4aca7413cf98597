@testable import DataPrep
import Foundation
import Testing

/// The reference vectors: tiktoken 0.14.0 ids for 400 strings, both encodings.
@Suite struct TokenizerVectorTests {
  struct Vector {
    var line: Int
    var text: String
    var ids: [String: [Int]]
  }

  static func vectors() throws -> [Vector]? {
    guard let url = SharedData.require("data/tokenizers/vectors.jsonl") else { return nil }
    var vectors: [Vector] = []
    try JSONLReader(path: url.path).forEachRecord { record in
      var ids: [String: [Int]] = [:]
      for name in ["cl100k_base", "o200k_base"] {
        ids[name] = record.object[name]?.arrayValue?.compactMap { $0.integerValue.map(Int.init) }
      }
      vectors.append(Vector(line: record.line, text: record.object["text"]?.stringValue ?? "", ids: ids))
      return true
    }
    return vectors
  }

  static func tokenizer(_ name: String) throws -> Tokenizer? {
    guard let url = SharedData.require("data/tokenizers/\(name).tiktoken.gz") else { return nil }
    return try Tokenizer(tiktokenFile: url.path)
  }

  @Test(arguments: ["cl100k_base", "o200k_base"])
  func everyVectorMatchesTiktoken(_ name: String) throws {
    guard let vectors = try Self.vectors(), let tokenizer = try Self.tokenizer(name) else { return }
    #expect(vectors.count == 400)
    var failures = 0
    for vector in vectors {
      let expected = vector.ids[name] ?? []
      let got = tokenizer.encode(vector.text)
      if got != expected {
        failures += 1
        if failures <= 5 {
          Issue.record("\(name) line \(vector.line) \(String(reflecting: vector.text.prefix(80))): got \(got.prefix(40)), expected \(expected.prefix(40))")
        }
      }
      #expect(tokenizer.count(vector.text) == expected.count)
    }
    #expect(failures == 0)
  }

  @Test(arguments: ["cl100k_base", "o200k_base"])
  func decodingGivesTheTextBack(_ name: String) throws {
    guard let vectors = try Self.vectors(), let tokenizer = try Self.tokenizer(name) else { return }
    for vector in vectors {
      #expect(tokenizer.decode(tokenizer.encode(vector.text)) == vector.text)
    }
  }

  @Test func specialTokensAreOrdinaryTextUnlessAllowed() throws {
    guard let tokenizer = try Self.tokenizer("cl100k_base") else { return }
    let text = "a<|endoftext|>b"
    #expect(!tokenizer.encode(text).contains(100_257))
    #expect(tokenizer.encode(text, allowingSpecialTokens: true) == tokenizer.encode("a") + [100_257] + tokenizer.encode("b"))
    #expect(tokenizer.specialTokens["<|endofprompt|>"] == 100_276)
  }
}

/// The heap merge for long pieces gives what the rescanning merge gives.
@Suite struct LongPieceMergeTests {
  @Test func heapAndScanMergesAgree() throws {
    guard let url = SharedData.require("data/tokenizers/cl100k_base.tiktoken.gz") else { return }
    let table = try TiktokenRankFile.load(path: url.path)
    var generator = SplitMix64(seed: 42)
    let alphabets = [Array("abcdefghijklmnopqrstuvwxyz".utf8), Array("aab".utf8), Array("éèà日本".utf8)]
    for round in 0..<60 {
      let alphabet = alphabets[round % alphabets.count]
      let length = Int.random(in: 2...400, using: &generator)
      let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0x61 }
      var scanned = TokenIDSink()
      var heaped = TokenIDSink()
      bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        BytePairMerge.mergeLargeByTokenRank(base, length, readable: length, table: table, into: &heaped)
        if length <= BytePairMerge.largePiece {
          BytePairMerge.mergeByTokenRank(base, length, readable: length, table: table, into: &scanned)
          #expect(scanned.ids == heaped.ids)
        }
      }
      #expect(heaped.ids.count <= length)
    }
  }
}

/// The tests' seeded generator (``SeededGenerator``), under the name the tests use.
typealias SplitMix64 = SeededGenerator
