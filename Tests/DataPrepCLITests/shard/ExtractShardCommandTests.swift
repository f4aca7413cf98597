import Foundation
import Testing

/// `dataprep extract --shard I/N` then `dataprep merge`: the same documents, summary, failures
/// and exit status as one process; reruns skip, other shard counts are refused, `--force` reruns.
@Suite struct ExtractShardCommandTests {
  /// A site of `pages` text pages sharing a footer (site furniture), in nested folders, with a
  /// binary file that fails and an image that is ignored.
  static func site(_ scratch: ScratchFolder, pages: Int) throws -> String {
    let digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    for number in 0..<pages {
      // Spelled out: digits are folded when furniture lines are compared.
      let spelled = String(number).map { digits[Int(String($0)) ?? 0] }.joined(separator: " ")
      try scratch.write(
        "site/part\(number % 5)/page\(number).txt",
        "Page \(spelled) tells how the valve opens and closes.\n\nIt needs \(spelled) turns of the key.\n\nCopyright the pump makers, all rights kept.\n")
    }
    try scratch.write("site/part2/broken.txt", [0x41, 0x00, 0x42, 0x00])
    try scratch.write("site/logo.png", [0x89, 0x50, 0x4E, 0x47])
    return scratch.path("site")
  }

  @Test func samplesMergeToOneProcess() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try ScratchFolder()
    let samples = SharedData.packageRoot.appendingPathComponent("samples").path
    try ShardRoundTrip.expectSame(["extract", samples], in: scratch, name: "samples")
  }

  @Test func singleRecordFileIsReadByShardZero() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try ScratchFolder()
    let posts = SharedData.packageRoot.appendingPathComponent("samples/Posts.xml").path
    try ShardRoundTrip.expectSame(
      ["extract", posts, "--record", "//row", "--field", "Id=@Id", "--field", "PostTypeId=@PostTypeId", "--field", "Body=@Body"],
      in: scratch, name: "posts")
    let marker = try String(contentsOfFile: scratch.path("posts-parts-4/part-00003-of-00004.done.json"), encoding: .utf8)
    #expect(marker.contains("\"pieces\":[]"))
  }

  @Test func everyInputFailedIsExitOneAtMerge() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try ScratchFolder()
    try scratch.write("bad/a.txt", [0x00, 0x01])
    try scratch.write("bad/b.txt", [0x00, 0x02])
    let one = try ShardRoundTrip.single(["extract", scratch.path("bad")], output: scratch.path("one.jsonl"))
    #expect(one.status == 1)
    let merged = try ShardRoundTrip.sharded(
      ["extract", scratch.path("bad")], count: 2, folder: scratch.path("parts"), output: scratch.path("merged.jsonl"))
    #expect(merged.status == 1)
    #expect(merged.bytes == nil)
    #expect(merged.stderr == one.stderr)
  }

  @Test func strictShardStopsWithoutMarker() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try ScratchFolder()
    let site = try Self.site(scratch, pages: 6)
    let result = try CommandRunner.run(["extract", site, "--strict", "-o", scratch.path("parts"), "--shard", "0/1"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("broken.txt"))
    #expect(!FileManager.default.fileExists(atPath: scratch.path("parts/part-00000-of-00001.done.json")))
  }

  @Test func standardInputIsNotSplit() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try ScratchFolder()
    let result = try CommandRunner.run(["extract", "-", "-o", scratch.path("parts"), "--shard", "1/2"], input: "text\n")
    #expect(result.status == 2)
    #expect(result.stderr.contains("standard input"))
    let stdout = try CommandRunner.run(["extract", "-", "--shard", "0/2"], input: "text\n")
    #expect(stdout.status == 2)
    #expect(stdout.stderr.contains("-o names the folder"))
  }

  @Test func partsInsideAnInputFolderAreRefused() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try ScratchFolder()
    let site = try Self.site(scratch, pages: 3)
    let result = try CommandRunner.run(["extract", site, "-o", site + "/parts", "--shard", "0/2"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("inside the input"))
  }

  @Test func rerunSkipsRefusesOtherCountsAndForceReruns() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try ScratchFolder()
    let site = try Self.site(scratch, pages: 8)
    let parts = scratch.path("parts")
    let first = try CommandRunner.run(["extract", site, "-o", parts, "--shard", "0/2"])
    #expect(first.status == 0)
    #expect(first.stderr.contains("shard 0/2 done"))
    let again = try CommandRunner.run(["extract", site, "-o", parts, "--shard", "0/2"])
    #expect(again.status == 0)
    #expect(again.stderr.contains("shard 0/2 already done"))
    let other = try CommandRunner.run(["extract", site, "-o", parts, "--shard", "0/3"])
    #expect(other.status == 2)
    #expect(other.stderr.contains("2-shard run"))
    let forced = try CommandRunner.run(["extract", site, "-o", parts, "--shard", "0/2", "--force"])
    #expect(forced.status == 0)
    #expect(forced.stderr.contains("shard 0/2 done"))
    let missing = try CommandRunner.run(["merge", parts, "-o", scratch.path("merged.jsonl")])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no marker for shard 1"))
  }

  /// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
  @Suite(.tags(.long)) struct LongTests {
    @Test func generatedSiteMergesToOneProcess() throws {
      guard CommandRunner.isAvailable() else { return }
      let scratch = try ScratchFolder()
      let site = try ExtractShardCommandTests.site(scratch, pages: 300)
      try ShardRoundTrip.expectSame(["extract", site, "--jobs", "2"], in: scratch, name: "site")
    }

    @Test func furnitureIsRemovedAtMergeAsByOneProcess() throws {
      guard CommandRunner.isAvailable() else { return }
      let scratch = try ScratchFolder()
      let site = try ExtractShardCommandTests.site(scratch, pages: 300)
      try ShardRoundTrip.expectSame(["extract", site, "--remove-furniture"], in: scratch, name: "furniture")
      let merged = try String(contentsOfFile: scratch.path("furniture-merged-7.jsonl"), encoding: .utf8)
      #expect(!merged.contains("all rights kept"))
      #expect(merged.contains("turns of the"))
    }
  }
}
