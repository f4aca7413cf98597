import Foundation
import Testing

@testable import DataPrep

/// validate's near-duplicate share, computed with dedup's MinHash/LSH pieces.
@Suite struct NearDuplicateShareTests {
  /// `count` chat lines with the last `planted` near copies of the first (``ChatLines/withNearCopies(count:planted:)``).
  static func lines(count: Int, planted: Int) -> [String] { ChatLines.withNearCopies(count: count, planted: planted) }

  static func findings(_ lines: [String], options: ValidationOptions = ValidationOptions()) throws -> [ValidationFinding] {
    try ValidationTestSupport.run(lines, options: options).findings.filter { $0.check == .nearDuplicates }
  }

  @Test func plantedNearCopiesOverTheThresholdGiveOneWarning() throws {
    let found = try Self.findings(Self.lines(count: 120, planted: 20))
    #expect(found.count == 1)
    #expect(found.first?.severity == .warning)
    #expect(found.first?.line == nil)
    #expect(found.first?.message.contains("20 of 120 examples") == true)
    #expect(found.first?.message.contains("10% threshold") == true)
  }

  @Test func aShareUnderTheThresholdIsNotReported() throws {
    #expect(try Self.findings(Self.lines(count: 120, planted: 5)).isEmpty)
    #expect(try Self.findings(Self.lines(count: 120, planted: 0)).isEmpty)
  }

  @Test func exactDuplicatesAreNotCountedAgain() throws {
    var lines = Self.lines(count: 120, planted: 0)
    for i in 0..<20 { lines.append(lines[i]) }
    #expect(try Self.findings(lines).isEmpty)
  }

  @Test func configSetsThresholdAndSimilarity() throws {
    var options = ValidationOptions()
    try options.apply(yaml: "validate:\n  max_near_duplicate_share: 0.2\n", path: "dataprep.yaml")
    #expect(options.maxNearDuplicateShare == 0.2)
    #expect(try Self.findings(Self.lines(count: 120, planted: 20), options: options).isEmpty)
    try options.apply(yaml: "near_duplicate_similarity: 0.95\nmax_near_duplicate_share: 0.05\n", path: "dataprep.yaml")
    #expect(options.nearDuplicateSimilarity == 0.95)
    try options.apply(yaml: "tokenizer: cl100k_base\n", path: "dataprep.yaml")
    #expect(options.tokenizer == "cl100k_base")
    #expect(throws: ValidationConfigError.self) {
      try options.apply(yaml: "max_near_duplicate_share: 2\n", path: "dataprep.yaml")
    }
    #expect(throws: ValidationConfigError.self) {
      try options.apply(yaml: "near_duplicate_similarity: 0\n", path: "dataprep.yaml")
    }
  }

  @Test func theCheckCanBeTurnedOff() throws {
    var options = ValidationOptions()
    try options.apply(yaml: "rules:\n  near-duplicates: off\n", path: "dataprep.yaml")
    #expect(try Self.findings(Self.lines(count: 120, planted: 20), options: options).isEmpty)
  }
}
