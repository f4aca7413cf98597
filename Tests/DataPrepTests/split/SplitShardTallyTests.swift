import Foundation
import Testing

@testable import DataPrep

/// A split shard's tally: counts summed, group sets joined (a group may sit in several shards),
/// the group hashes written and read back.
@Suite struct SplitShardTallyTests {
  @Test func talliesAddCountsAndJoinGroups() throws {
    var a = SplitShardTally(sides: 2)
    a.counts = [3, 1]
    a.groups = [[1, 2], [UInt64.max]]
    a.ungrouped = 2
    var b = SplitShardTally(sides: 2)
    b.counts = [2, 0]
    b.groups = [[2, 3], []]
    a.add(b)
    #expect(a.counts == [5, 1] && a.groups == [[1, 2, 3], [UInt64.max]] && a.ungrouped == 2)
    let counts = try #require(SplitShardTally(json: try JSONParser().parse(JSONWriter().string(of: a.json))))
    #expect(counts.counts == [5, 1] && counts.ungrouped == 2)
  }

  @Test func groupHashesReadBackFromTheirPart() throws {
    let folder = try TemporaryDirectory()
    var tally = SplitShardTally(sides: 3)
    tally.groups = [[0, 42], [UInt64.max, 1 << 63], [7]]
    let out = try OutputFile(path: folder.path("groups.jsonl"))
    #expect(try tally.writeGroups(to: out) == 5)
    try out.commit()
    var read = SplitShardTally(sides: 3)
    try read.readGroups(path: folder.path("groups.jsonl"))
    #expect(read.groups == tally.groups)
    let bad = try folder.write("bad.jsonl", "[5,1]\n")
    #expect(throws: InputError.self) { try read.readGroups(path: bad) }
  }
}
