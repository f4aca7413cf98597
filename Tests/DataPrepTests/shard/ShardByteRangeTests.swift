import Foundation
import Testing

@testable import DataPrep
import DataPrepTestSupport

/// One file cut into line-aligned byte ranges: every line read by exactly one shard, with the
/// file's own line numbers.
@Suite struct ShardByteRangeTests {
  /// The lines each shard's reader gives, with their numbers.
  private func shardLines(_ path: String, count: Int) throws -> [[(String, Int)]] {
    try (0..<count).map { index in
      let range = try ShardByteRange.of(path: path, shard: try Shard(index: index, count: count))
      var lines: [(String, Int)] = []
      try LineReader(try ByteSource(path: path, range: range.start..<range.end, firstLine: range.firstLine)).forEachLine { line, number in
        lines.append((String(decoding: line, as: UTF8.self), number))
        return true
      }
      return lines
    }
  }

  @Test(arguments: [1, 2, 3, 4, 7, 16, 50])
  func everyLineIsReadOnceInOrderWithItsNumber(count: Int) throws {
    let folder = try TemporaryDirectory()
    var generator = SeededGenerator(seed: UInt64(count))
    let lines = (0..<23).map { i in "line \(i) " + String(repeating: "x", count: Int.random(in: 0...40, using: &generator)) }
    let path = try folder.write("data.jsonl", lines.joined(separator: "\n") + "\n")
    let read = try shardLines(path, count: count).flatMap { $0 }
    #expect(read.map(\.0) == lines)
    #expect(read.map(\.1) == Array(1...lines.count))
  }

  @Test func crlfAndAMissingFinalNewlineAndBlankLinesKeepTheirPlaces() throws {
    let folder = try TemporaryDirectory()
    let path = try folder.write("data.jsonl", "a\r\nbb\r\n\r\nccc\ndddd")
    for count in 1...8 {
      let read = try shardLines(path, count: count).flatMap { $0 }
      #expect(read.map(\.0) == ["a", "bb", "", "ccc", "dddd"], "\(count) shards")
      #expect(read.map(\.1) == [1, 2, 3, 4, 5])
    }
  }

  @Test func moreShardsThanLinesLeavesSomeEmpty() throws {
    let folder = try TemporaryDirectory()
    let path = try folder.write("data.jsonl", "one\ntwo\n")
    let shards = try shardLines(path, count: 7)
    #expect(shards.flatMap { $0 }.map(\.0) == ["one", "two"])
    #expect(shards.filter(\.isEmpty).count == 5)
    let empty = try folder.write("empty.jsonl", "")
    #expect(try shardLines(empty, count: 3).allSatisfy(\.isEmpty))
  }

  @Test func oneLongLineGoesWholeToOneShard() throws {
    let folder = try TemporaryDirectory()
    let path = try folder.write("data.jsonl", "short\n" + String(repeating: "y", count: 10_000) + "\nend\n")
    let shards = try shardLines(path, count: 16)
    #expect(shards.flatMap { $0 }.map { $0.0.count } == [5, 10_000, 3])
  }

  @Test func standardInputAndGzipCannotBeCut() throws {
    let folder = try TemporaryDirectory()
    let gz = try folder.write("data.jsonl.gz", try folder.gzipped("{}\n{}\n", name: "plain.jsonl"))
    #expect(throws: ShardError.self) { try ShardByteRange.of(path: gz, shard: try Shard(index: 0, count: 2)) }
    #expect(throws: ShardError.self) { try ShardByteRange.of(path: "-", shard: try Shard(index: 0, count: 2)) }
    #expect(throws: InputError.self) { try ShardByteRange.of(path: folder.path("missing"), shard: try Shard(index: 0, count: 2)) }
  }

  @Test func aJSONLErrorInAShardNamesTheFilesLine() throws {
    let folder = try TemporaryDirectory()
    let lines = (0..<10).map { $0 == 8 ? "{broken" : #"{"n":\#($0)}"# }
    let path = try folder.write("data.jsonl", lines.joined(separator: "\n") + "\n")
    let shard = try Shard(index: 1, count: 2)
    let reader = try JSONLReader(path: path, range: try ShardByteRange.of(path: path, shard: shard), limits: .standard)
    var numbers: [Int] = []
    #expect {
      try reader.forEachRecord { record in
        numbers.append(record.line)
        return true
      }
    } throws: { error in
      guard case InputError.badJSON(_, let line, _, _) = error else { return false }
      return line == 9
    }
    #expect(numbers.first.map { $0 > 1 } == true)
  }
}
