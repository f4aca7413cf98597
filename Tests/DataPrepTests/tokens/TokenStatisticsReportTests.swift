import Foundation
import Testing

@testable import DataPrep

@Suite struct TokenStatisticsReportTests {
  private func statistics(_ totals: [Int]) -> TokenStatistics {
    var statistics = TokenStatistics()
    for total in totals { statistics.add(tokens: total) }
    return statistics
  }

  @Test func percentilesAreNearestRankOverTheCountPerLength() {
    let statistics = statistics(Array(1...100) + [100, 100])
    #expect(statistics.percentile(50) == 51)
    #expect(statistics.percentile(95) == 97)
    #expect(statistics.percentile(99) == 100)
    #expect(statistics.longest == 100)
    #expect(statistics.records(longerThan: 98) == 4)
    #expect(TokenStatistics().percentile(50) == 0 && TokenStatistics().longest == 0)
  }

  @Test func bucketsAreOfOneWidthTheLastOpenEnded() {
    let statistics = statistics([0, 1, 9, 10, 19, 20, 500])
    #expect(statistics.bucketCounts(width: 10, count: 3) == [3, 2, 2])
    #expect(statistics.bucketCounts(width: 10, count: 1) == [7])
    // The summary's histogram is built on the same buckets.
    let summary = statistics.summary()
    #expect(summary.histogram.map(\.records).reduce(0, +) == 7)
    #expect(summary.histogram.last?.upper == nil)
  }

  @Test func severalFilesAreReportedEachThenTogether() {
    var report = TokenStatisticsReport(tokenizer: "o200k_base")
    report.add(statistics([1, 2, 3]), name: "a.jsonl")
    report.add(statistics([10, 20]), name: "b.jsonl")
    #expect(report.total == statistics([1, 2, 3, 10, 20]))
    let text = report.text(maxTokens: 15)
    #expect(text.hasPrefix(report.files[0].statistics.summary(maxTokens: 15).text(title: "a.jsonl", tokenizer: "o200k_base")))
    #expect(text.contains("all 2 files: 5 records"))
    let json = report.json(maxTokens: 15)
    #expect(json["tokenizer"] == "o200k_base")
    guard case .array(let files)? = json["files"] else {
      Issue.record("no files array")
      return
    }
    #expect(files.count == 2 && files[1]["file"] == "b.jsonl")
    #expect(json["total"]?["records"] == 5)
    #expect(json["total"]?["truncation"]?["records"] == 1)
  }

  @Test func oneFileHasNoTotalBlock() {
    var report = TokenStatisticsReport(tokenizer: "o200k_base")
    report.add(statistics([1, 2, 3]), name: "a.jsonl")
    #expect(!report.text().contains("all 1 files"))
  }

  @Test func linesGiveOneSplitPerLine() {
    var report = TokenStatisticsReport(tokenizer: "o200k_base")
    report.add(statistics([1, 2, 3]), name: "train")
    report.add(statistics([4]), name: "validation")
    #expect(report.lines == """
      train: 6 tokens (o200k_base) in 3 records; median 2, p99 3, max 3
      validation: 4 tokens (o200k_base) in 1 records; median 4, p99 4, max 4

      """)
  }
}
