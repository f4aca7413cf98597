import Foundation
import Testing

@testable import DataPrep

@Suite struct SplitSummaryTests {
  @Test func theSummaryGivesEachSplitItsCountAndShare() throws {
    let (result, _, _) = try SplitTests.split(SplitTests.records(10), options: SplitTests.stable)
    let summary = result.summary(output: "out", leakAction: .report)
    let parts = result.names.enumerated().map { i, name in
      "\(name) \(result.counts[i]) (\(String(format: "%.4f", result.ratiosObtained[i])))"
    }
    #expect(summary == "split 10 records: \(parts.joined(separator: ", ")) -> out\n")
  }

  @Test func theRepairIsNamedByItsAction() {
    var result = SplitResult(names: ["train", "validation"], counts: [8, 2], groups: [8, 2], ratiosAsked: [0.8, 0.2], inputDigest: "")
    result.leakage = LeakageReport(findings: [], heldOutRecords: 2, indexedNGrams: 0, indexBytes: 0, options: LeakageOptions())
    result.repaired = 3
    result.leaksRemaining = 1
    #expect(result.summary(output: "o", leakAction: .move).hasSuffix("3 held-out record(s) moved to train; 1 leak(s) remain\n"))
    #expect(result.summary(output: "o", leakAction: .drop).hasSuffix("3 held-out record(s) dropped; 1 leak(s) remain\n"))
    result.repaired = 0
    #expect(!result.summary(output: "o", leakAction: .drop).contains("dropped"))
  }
}
