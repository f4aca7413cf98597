import Foundation
import Testing

@testable import DataPrep

/// validate's near-duplicate share, computed with dedup's MinHash/LSH pieces.
@Suite struct NearDuplicateShareTests {
  /// `count` chat lines of 120 pseudo-random words each (distinct 5-grams), with the last
  /// `planted` lines near copies of the first ones (one word changed at the end).
  static func lines(count: Int, planted: Int) -> [String] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    let vocabulary = (0..<600).map { "w\($0)x\($0 * 7 % 13)" }
    var answers = (0..<(count - planted)).map { _ in (0..<120).map { _ in vocabulary[next() % vocabulary.count] }.joined(separator: " ") }
    for i in 0..<planted {
      answers.append(answers[i] + " changed")
    }
    return answers.enumerated().map { i, answer in
      TokenizerWiringTests.chatLine("Question \(i) about the topic?", answer)
    }
  }

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
