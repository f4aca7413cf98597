import Foundation
import Testing

@testable import DataPrep

/// The statistics a shard stores (a count per token length, role totals) read back and added
/// give the summary and report of one process.
@Suite struct TokenStatisticsShardTests {
  private func count(_ total: Int, roles: [(String, Int)]) -> ExampleTokenCount {
    ExampleTokenCount(total: total, byRole: roles.map { .init(role: $0.0, tokens: $0.1) })
  }

  @Test func statisticsReadBackFromTheirJSONAreEqual() throws {
    var statistics = TokenStatistics()
    for n in [3, 3, 17, 250, 0] { statistics.add(count(n, roles: [("user", n / 2), ("assistant", n - n / 2)])) }
    statistics.addRecordWithoutText()
    let json = try JSONParser().parse(JSONWriter().string(of: statistics.json))
    #expect(TokenStatistics(json: json) == statistics)
    #expect(TokenStatistics(json: ["records": 1]) == nil)
    #expect(TokenStatistics(json: ["records": 1, "without_text": 0, "tokens": 2, "lengths": [[2]], "roles": [:]]) == nil)
  }

  @Test func piecesOfAFileAddUpToTheReportOfTheWholeFile() throws {
    let lengths = [5, 9, 9, 120, 33, 33, 33, 7, 1000, 2]
    var whole = TokenStatistics()
    var pieces = [TokenStatistics(), TokenStatistics(), TokenStatistics()]
    for (i, n) in lengths.enumerated() {
      whole.add(count(n, roles: [("text", n)]))
      pieces[i % 3].add(count(n, roles: [("text", n)]))
    }
    var one = TokenStatisticsReport(tokenizer: "t")
    one.add(whole, name: "a.jsonl")
    one.add(TokenStatistics(), name: "b.jsonl")
    let shards = [
      TokenStatisticsReport.shardJSON(tokenizer: "t", names: ["a.jsonl", "b.jsonl"], pieces: [(0, pieces[0]), (1, TokenStatistics())]),
      TokenStatisticsReport.shardJSON(tokenizer: "t", names: ["a.jsonl", "b.jsonl"], pieces: [(0, pieces[1]), (0, pieces[2])]),
    ]
    let merged = try #require(TokenStatisticsReport.merging(shards))
    #expect(merged.text(maxTokens: 30) == one.text(maxTokens: 30))
    #expect(JSONWriter().string(of: merged.json()) == JSONWriter().string(of: one.json()))
  }

  @Test func shardsOfOtherFilesOrTokenizersDoNotMerge() {
    let a = TokenStatisticsReport.shardJSON(tokenizer: "t", names: ["a"], pieces: [])
    #expect(TokenStatisticsReport.merging([a, TokenStatisticsReport.shardJSON(tokenizer: "u", names: ["a"], pieces: [])]) == nil)
    #expect(TokenStatisticsReport.merging([a, TokenStatisticsReport.shardJSON(tokenizer: "t", names: ["b"], pieces: [])]) == nil)
    #expect(TokenStatisticsReport.merging([]) == nil)
  }

  @Test func tokenCountTalliesAddAndReadBack() throws {
    var tally = TokenCountTally()
    tally.add(4)
    tally.add(nil)
    var other = TokenCountTally()
    other.add(6)
    tally.add(other)
    #expect(tally.records == 3 && tally.tokens == 10 && tally.withoutText == 1)
    #expect(TokenCountTally(json: try JSONParser().parse(JSONWriter().string(of: tally.json))) == tally)
    #expect(TokenCountTally(json: ["records": -1, "tokens": 0, "without_text": 0]) == nil)
  }
}
