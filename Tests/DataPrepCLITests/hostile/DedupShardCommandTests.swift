import Foundation
import Testing

import DataPrep

/// `dataprep dedup --stage ... --shard I/N` then `dataprep merge` through the binary: the same
/// kept bytes, clusters file and summary as `dataprep dedup` in one process.
@Suite struct DedupShardCommandTests {
  /// 60 documents with exact copies, near copies and a partial copy.
  static func corpus() -> String {
    var lines: [String] = []
    for k in 0..<60 {
      var words = RandomWords.words(80, seed: UInt64(k % 20))
      if k >= 40 { words[k % 80] = "edited\(k)" }
      if k == 59 { words = Array(RandomWords.words(80, seed: 3)[..<40]) + Array(RandomWords.words(80, seed: 4)[40...]) }
      lines.append(DataLossGuardTests.documentLine("d\(k)", words.joined(separator: " ")))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func fourShardsOfEveryStageMergeToOneProcess() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let input = try folder.write("in.jsonl", Self.corpus())
    let one = try CommandRunner.run(["dedup", input, "--keep", "longest", "-o", folder.path("one.jsonl"), "--clusters", folder.path("one-clusters.jsonl")])
    #expect(one.status == 0, "\(one.stderr)")
    let count = 4
    for shard in 0..<count {
      let result = try CommandRunner.run(["dedup", input, "--stage", "signatures", "--keep", "longest", "--shard", "\(shard)/\(count)", "-o", folder.path("sigs")])
      #expect(result.status == 0, "\(result.stderr)")
    }
    for shard in 0..<count {
      let result = try CommandRunner.run(["dedup", "--stage", "candidates", "--signatures", folder.path("sigs"), "--keep", "longest", "--shard", "\(shard)/\(count)", "-o", folder.path("pairs")])
      #expect(result.status == 0, "\(result.stderr)")
    }
    let clusters = try CommandRunner.run([
      "dedup", "--stage", "clusters", "--signatures", folder.path("sigs"), "--pairs", folder.path("pairs"), "--keep", "longest",
      "-o", folder.path("decisions"), "--clusters", folder.path("clusters.jsonl"),
    ])
    #expect(clusters.status == 0, "\(clusters.stderr)")
    for shard in 0..<count {
      let result = try CommandRunner.run(["dedup", input, "--stage", "filter", "--decisions", folder.path("decisions"), "--shard", "\(shard)/\(count)", "-o", folder.path("kept")])
      #expect(result.status == 0, "\(result.stderr)")
    }
    let merged = try CommandRunner.run(["merge", folder.path("kept"), "-o", folder.path("kept.jsonl")])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("kept.jsonl"))) == Data(contentsOf: URL(fileURLWithPath: folder.path("one.jsonl"))))
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("clusters.jsonl"))) == Data(contentsOf: URL(fileURLWithPath: folder.path("one-clusters.jsonl"))))
    #expect(merged.stderr == one.stderr)
    #expect(one.stderr.contains("near duplicates:") && !one.stderr.contains("near duplicates:   0"))
    // Other stages' parts are not merged; --shard needs a stage; clusters is one task.
    #expect(try CommandRunner.run(["merge", folder.path("sigs"), "-o", folder.path("x.jsonl")]).status == 2)
    #expect(try CommandRunner.run(["dedup", input, "--shard", "0/2", "-o", folder.path("y")]).status == 2)
    #expect(try CommandRunner.run(["dedup", "--stage", "clusters", "--signatures", folder.path("sigs"), "--pairs", folder.path("pairs"), "--shard", "0/2", "-o", folder.path("z")]).status == 2)
  }
}
