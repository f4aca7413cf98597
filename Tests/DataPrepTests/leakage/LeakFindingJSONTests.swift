import Foundation
import Testing

@testable import DataPrep

/// The findings a leakage shard writes read back as the very findings, and the report rebuilt
/// from a shard's marker renders as one process's.
@Suite struct LeakFindingJSONTests {
  @Test func findingsReadBackEqualWithTheirSimilarityUnrounded() throws {
    var near = LeakFinding(
      kind: .nearDuplicate, heldOut: LeakRecordReference(file: "v.jsonl", line: 3, id: "x"),
      found: LeakRecordReference(file: "t.jsonl", line: 9, id: nil))
    near.similarity = 0.8123456789012345
    var passage = LeakFinding(
      kind: .sharedPassage, heldOut: LeakRecordReference(file: "v.jsonl", line: 1, id: nil),
      found: LeakRecordReference(file: "t.jsonl", line: 2, id: "7"))
    passage.passage = "a shared \"quoted\" passage"
    passage.passageWords = 13
    passage.part = .response
    var group = LeakFinding(kind: .sameGroup, heldOut: passage.heldOut, found: near.found)
    group.group = "doc1"
    for finding in [near, passage, group] {
      let json = try JSONParser().parse(JSONWriter().string(of: finding.json))
      #expect(LeakFinding(json: json) == finding)
    }
    #expect(LeakFinding(json: ["kind": "nope"]) == nil)
    #expect(LeakFinding(json: ["kind": "same-group", "held_out": ["file": "a", "line": 1], "found": ["file": "b", "line": 2], "part": "x"]) == nil)
  }

  @Test func aReportRebuiltFromAShardsMarkerRendersAsTheOriginal() throws {
    var options = LeakageOptions()
    options.ngram = 7
    options.threshold = 0.85
    options.kinds = [.exactDuplicate, .sharedPassage]
    var finding = LeakFinding(
      kind: .exactDuplicate, heldOut: LeakRecordReference(file: "v", line: 1, id: nil), found: LeakRecordReference(file: "t", line: 4, id: nil))
    finding.similarity = 1
    let report = LeakageReport(findings: [finding], heldOutRecords: 12, indexedNGrams: 300, indexBytes: 4096, options: options)
    let rebuilt = try #require(LeakageReport(shardJSON: try JSONParser().parse(JSONWriter().string(of: report.shardJSON)), findings: [finding]))
    #expect(rebuilt.text(limit: 5) == report.text(limit: 5))
    #expect(JSONWriter().string(of: rebuilt.json) == JSONWriter().string(of: report.json))
  }
}
