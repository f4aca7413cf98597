import Foundation
import Testing

@testable import DataPrep

@Suite struct SplitStatisticsTests {
  /// Writes `lines` to a JSONL file in `scratch` and returns its path.
  private func file(_ scratch: BuildScratch, _ name: String, _ lines: [String]) throws -> String {
    let path = scratch.root + "/" + name
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  private func example(_ text: String, group: String) -> String {
    #"{"text":"\#(text)","metadata":{"task":"faq",\#(group)}}"#
  }

  @Test func aNullGroupIsCountedAsNoGroupAsSplitFormsIt() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    let lines = [
      example("alpha beta gamma", group: #""source_id":"doc-a""#),
      example("delta epsilon zeta", group: #""source_id":"doc-a""#),
      example("eta theta iota", group: #""source_id":null"#),
      example("kappa lambda mu", group: #""other":1"#),
    ]
    let path = try file(scratch, "train.jsonl", lines)
    let stats = try SplitStatistics.read(
      path: path, name: "train", counter: .characterEstimate, sourceOfDocument: [:], groupBy: GroupKey.defaultPath)
    // `null` is no group, as for a missing key: never a group called "null".
    #expect(stats.groups == ["doc-a": 2, SplitStatistics.noGroup: 2])
    #expect(stats.groups["null"] == nil)
    // Split formed the same groups: the two records without one are placed by their own text.
    var options = SplitOptions()
    options.checkLeakage = false
    let result = try Splitter(options: options).run(input: path, directory: scratch.root + "/split")
    #expect(result.ungrouped == 2)
  }

  @Test func numberGroupsAreCountedByTheirJSON() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    let path = try file(scratch, "train.jsonl", [
      example("alpha beta", group: #""source_id":7"#), example("gamma delta", group: #""source_id":"7""#),
    ])
    let stats = try SplitStatistics.read(
      path: path, name: "train", counter: .characterEstimate, sourceOfDocument: [:], groupBy: GroupKey.defaultPath)
    // The number 7 and the string "7" hash to the same split group, and are counted as one.
    #expect(stats.groups == ["7": 2])
  }

  @Test func lengthsAreTheTokenStatisticsOfEachExample() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    let texts = ["a", "bbbb", "cccccccc", "dddddddddddddddd"]
    let path = try file(scratch, "train.jsonl", texts.map { example($0, group: #""source_id":"d""#) })
    let stats = try SplitStatistics.read(
      path: path, name: "train", counter: .characterEstimate, sourceOfDocument: ["d": "docs/a.html"], groupBy: GroupKey.defaultPath)
    var expected = TokenStatistics()
    for text in texts { expected.add(tokens: TokenCounter.characterEstimate.count(text)) }
    #expect(stats.lengths == expected)
    #expect(stats.records == 4)
    #expect(stats.sources == ["docs/a.html": 4])
    #expect(stats.json["p50"] == .integer(Int64(expected.percentile(50))))
    #expect(stats.json["longest"] == .integer(Int64(expected.longest)))
  }
}
