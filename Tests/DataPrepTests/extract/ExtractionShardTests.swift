import Foundation
import Testing

@testable import DataPrep

/// ``ExtractionRun/runShard(_:folder:settings:force:furniture:onFailure:onProgress:onNotice:)``
/// and ``ExtractionPartsMerge``: shards of the listing merged into what one run writes.
@Suite struct ExtractionShardTests {
  private func site(_ scratch: ScratchFolder) throws -> String {
    let words = ["valve", "pump", "gauge", "filter", "hose", "seal", "gasket"]
    for number in 0..<12 {
      try scratch.write(
        "site/p\(number % 3)/page\(number).txt", "This page shows the \(words[number % 7]) of \(words[(number / 7 + 3) % 7]).\n\nPrinted by the valve company today.\n")
    }
    try scratch.write("site/p1/zero.txt", [0x00, 0x01])
    return scratch.path("site")
  }

  /// The shards' parts merged, with the merge's failures.
  private func sharded(_ run: ExtractionRun, _ scratch: ScratchFolder, count: Int, furniture: SiteFurnitureFilter.Options?) throws -> (String, ExtractionPartsMerge) {
    let folder = scratch.path("parts-\(count)")
    for index in 0..<count {
      let outcome = try run.runShard(try Shard(index: index, count: count), folder: folder, settings: [], force: false, furniture: furniture)
      guard case .finished = outcome else { Issue.record("shard \(index) skipped"); continue }
    }
    let merge = try ExtractionPartsMerge(try ShardPartsMerger(paths: [folder]))
    let writer = try JSONLWriter(path: scratch.path("merged-\(count).jsonl"))
    _ = try merge.write(to: writer)
    try writer.finish()
    return (try String(contentsOfFile: scratch.path("merged-\(count).jsonl"), encoding: .utf8), merge)
  }

  @Test(arguments: [1, 2, 4, 7])
  func shardsMergeToOneRun(count: Int) throws {
    let scratch = try ScratchFolder()
    let run = ExtractionRun(paths: [try site(scratch)])
    let writer = try JSONLWriter(path: scratch.path("one.jsonl"))
    var failures: [String] = []
    let summary = try run.run(writer: writer, onFailure: { failures.append($0.message) })
    try writer.finish()
    let (merged, merge) = try sharded(run, scratch, count: count, furniture: nil)
    #expect(merged == (try String(contentsOfFile: scratch.path("one.jsonl"), encoding: .utf8)))
    #expect(merge.summary == summary)
    #expect(merge.failures == failures)
    #expect(merge.problem == nil)
  }

  @Test(arguments: [2, 7])
  func furnitureOfTheWholeSetIsRemoved(count: Int) throws {
    let scratch = try ScratchFolder()
    let run = ExtractionRun(paths: [try site(scratch)])
    let writer = try JSONLWriter(path: scratch.path("one.jsonl"))
    let (_, furniture) = try SiteFurnitureFilter().run(extraction: run, writer: writer)
    try writer.finish()
    let (merged, merge) = try sharded(run, scratch, count: count, furniture: SiteFurnitureFilter.Options())
    #expect(merge.removesFurniture)
    #expect(merged == (try String(contentsOfFile: scratch.path("one.jsonl"), encoding: .utf8)))
    #expect(!merged.contains("valve company"))
    #expect(furniture.linesRemoved == 12)
  }

  @Test func damagedFurnitureCountsAndReportsAreRefused() throws {
    let scratch = try ScratchFolder()
    let run = ExtractionRun(paths: [try site(scratch)])
    let folder = scratch.path("parts")
    _ = try run.runShard(try Shard(index: 0, count: 1), folder: folder, settings: [], force: false, furniture: SiteFurnitureFilter.Options())
    try "12 nine\n".write(toFile: folder + "/part-00000-of-00001.furniture.txt", atomically: true, encoding: .utf8)
    let merge = try ExtractionPartsMerge(try ShardPartsMerger(paths: [folder]))
    let writer = try JSONLWriter(path: scratch.path("out.jsonl"))
    #expect(throws: ShardError.self) { _ = try merge.write(to: writer) }

    let marker = ShardMarker(stage: "extract", shard: .whole, fingerprint: "0", outputs: [:], pieces: [], report: ["documents": 1])
    #expect(throws: ShardError.badParts(reason: "extract shard 0/1: its report has no files; run it again with --force")) {
      _ = try ExtractionShardReport(json: marker.report, shard: marker.shard)
    }
  }

  @Test func everyInputFailedIsTheMergedRunsProblem() throws {
    let scratch = try ScratchFolder()
    try scratch.write("bad/a.txt", [0x00])
    try scratch.write("bad/b.txt", [0x00])
    let run = ExtractionRun(paths: [scratch.path("bad")])
    let (_, merge) = try sharded(run, scratch, count: 2, furniture: nil)
    #expect(merge.problem == .everyInputFailed(inputs: 2))
    #expect(merge.failures.count == 2)
  }
}
