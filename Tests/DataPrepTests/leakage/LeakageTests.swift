import Foundation
import Testing
@testable import DataPrep

@Suite struct LeakageTests {
  typealias F = LeakageFixture

  /// Unrelated train records, so every finding comes from what a test plants.
  static let background = (0..<30).map { F.line("t\($0)", F.text(120, seed: 1000 + UInt64($0))) }

  @Test func cleanDataHasNoLeaks() throws {
    let validation = (0..<10).map { F.line("v\($0)", F.text(120, seed: 5000 + UInt64($0))) }
    let report = try F.check(train: Self.background, validation: validation)
    #expect(report.findings.isEmpty)
    #expect(report.heldOutRecords == 10)
  }

  @Test func exactDuplicateAfterNormalisation() throws {
    let text = F.text(80, seed: 7)
    let reformatted = text.uppercased().replacingOccurrences(of: " ", with: ",  ")
    let report = try F.check(train: Self.background + [F.line("copy", reformatted)], validation: [F.line("v", text)])
    #expect(report.findings.count == 1)
    let finding = try #require(report.findings.first)
    #expect(finding.kind == .exactDuplicate)
    #expect(finding.heldOut.id == "v")
    #expect(finding.found.id == "copy")
    #expect(finding.found.line == 31)
    #expect(finding.similarity == 1)
  }

  @Test func nearDuplicateReportedOnceWithSimilarity() throws {
    var words = F.words(400, seed: 8)
    let original = words.joined(separator: " ")
    for i in stride(from: 50, to: 400, by: 100) { words[i] = "edited" }
    let report = try F.check(train: Self.background + [F.line("near", words.joined(separator: " "))], validation: [F.line("v", original)])
    #expect(report.findings.count == 1)
    let finding = try #require(report.findings.first)
    #expect(finding.kind == .nearDuplicate)
    #expect((finding.similarity ?? 0) >= 0.8)
  }

  @Test func sharedPassageQuotesTheLongestRun() throws {
    let validationWords = F.words(200, seed: 9)
    let span = validationWords[40..<60].joined(separator: " ")
    let host = F.text(150, seed: 10) + " " + span + ". " + F.text(100, seed: 11)
    let report = try F.check(train: Self.background + [F.line("host", host)], validation: [F.line("v", validationWords.joined(separator: " "))])
    #expect(report.findings.count == 1)
    let finding = try #require(report.findings.first)
    #expect(finding.kind == .sharedPassage)
    #expect(finding.passage == span)
    #expect(finding.passageWords == 20)
    #expect(finding.part == .text)
  }

  @Test func shortPassageNeedsALowerNGram() throws {
    let validationWords = F.words(200, seed: 12)
    let span = validationWords[100..<110].joined(separator: " ")
    let train = Self.background + [F.line("host", F.text(100, seed: 13) + " " + span + " " + F.text(100, seed: 14))]
    let validation = [F.line("v", validationWords.joined(separator: " "))]
    #expect(try F.check(train: train, validation: validation).findings.isEmpty)
    var options = LeakageOptions()
    options.ngram = 8
    let strict = try F.check(train: train, validation: validation, options: options)
    #expect(strict.findings.map(\.kind) == [.sharedPassage])
    #expect(strict.findings.first?.passageWords == 10)
  }

  @Test func sameGroupOnBothSides() throws {
    let train = Self.background + [F.line("t-a", F.text(50, seed: 15), sourceID: "doc-1")]
    let validation = [F.line("v-a", F.text(50, seed: 16), sourceID: "doc-1"), F.line("v-b", F.text(50, seed: 17), sourceID: "doc-2")]
    let report = try F.check(train: train, validation: validation)
    #expect(report.findings.count == 1)
    #expect(report.findings.first?.kind == .sameGroup)
    #expect(report.findings.first?.group == "doc-1")
    #expect(report.findings.first?.heldOut.id == "v-a")
  }

  @Test func instructionDataIsCheckedByPart() throws {
    let system = F.text(30, seed: 18)
    let answer = F.text(60, seed: 19)
    let validation = [F.chat("v", system: system, user: F.text(20, seed: 20), assistant: answer)]
    let train = [
      F.chat("same-system", system: system, user: F.text(20, seed: 21), assistant: F.text(60, seed: 22)),
      F.chat("leaked-answer", system: F.text(30, seed: 23), user: F.text(20, seed: 24), assistant: F.text(10, seed: 25) + " " + answer),
    ]
    let report = try F.check(train: train, validation: validation)
    #expect(report.findings.count == 1)
    let finding = try #require(report.findings.first)
    #expect(finding.found.id == "leaked-answer")
    #expect(finding.kind == .sharedPassage)
    #expect(finding.part == .response)
  }

  @Test func againstPlainTextContaminatesTrainAndValidation() throws {
    let benchmark = F.text(40, seed: 26) + "\n\n" + F.text(40, seed: 27) + "\n"
    let question = F.text(40, seed: 27)
    let train = Self.background + [F.line("t-contaminated", F.text(20, seed: 28) + " " + question)]
    let validation = [F.line("v-contaminated", question + " " + F.text(20, seed: 29))]
    let report = try F.check(train: train, validation: validation, against: ["bench.txt": benchmark])
    let external = report.findings.filter { $0.heldOut.file.hasSuffix("bench.txt") }
    #expect(external.count == 2)
    #expect(Set(external.map(\.found.id)) == ["t-contaminated", "v-contaminated"])
    #expect(external.allSatisfy { $0.heldOut.line == 3 && $0.passageWords == 40 })
    // The validation record also shares the question with the train record.
    #expect(report.findings.count == 3)
  }

  @Test func findingsDoNotDependOnJobs() throws {
    var train = Self.background
    var validation: [String] = []
    for i in 0..<40 {
      let text = F.text(100, seed: 100 + UInt64(i))
      validation.append(F.line("v\(i)", text))
      if i % 3 == 0 { train.append(F.line("copy\(i)", F.text(30, seed: 200 + UInt64(i)) + " " + text)) }
    }
    var one = LeakageOptions()
    one.jobs = 1
    var four = LeakageOptions()
    four.jobs = 4
    let a = try F.check(train: train, validation: validation, options: one)
    let b = try F.check(train: train, validation: validation, options: four)
    func summary(_ report: LeakageReport) -> [String] {
      report.findings.map { "\($0.kind) \($0.heldOut.line) \($0.found.line) \($0.similarity ?? 0) \($0.passage ?? "")" }
    }
    #expect(a.findings.count == 14)
    #expect(summary(a) == summary(b))
  }

  @Test func badLineNamesFileAndLine() throws {
    #expect {
      _ = try F.check(train: Self.background + ["{\"id\": 1, \"text\": "], validation: [F.line("v", "x")])
    } throws: { error in
      guard case .badJSON(let path, let line, _, _) = error as? InputError else { return false }
      return path.hasSuffix("train.jsonl") && line == 31
    }
  }

  @Test func recordWithoutTextIsAnError() throws {
    #expect {
      _ = try F.check(train: Self.background, validation: [F.line("v", "a b c"), "{\"id\": \"no-text\"}"])
    } throws: { error in
      guard case .noText(let path, let line, nil) = error as? LeakageError else { return false }
      return path.hasSuffix("validation.jsonl") && line == 2
    }
  }

  @Test func wordRangesMatchTheDedupShingler() {
    for text in ["hello world", "東京 は 日本の首都 mixed ascii", "ünïcode wörds and ok", "a supercalifragilistic internationalisation x"] {
      let normalized = Array(TextNormalizer().normalize(text).utf8)
      var expected: [UInt64] = []
      normalized.withUnsafeBufferPointer { Shingler().wordHashes($0, into: &expected) }
      let ranges = normalized.withUnsafeBufferPointer { NormalizedWords.ranges(in: $0) }
      let rehashed = normalized.withUnsafeBufferPointer { buffer in
        ranges.map { range in Shingler.wordHash(buffer.baseAddress! + range.start, count: range.end - range.start) }
      }
      #expect(rehashed == expected)
      #expect(ranges.count == expected.count)
    }
  }

  @Test func rollingHashEqualsDirectHash() {
    let words = (0..<40).map { XXH64.hash(UInt64($0)) }
    let roller = NGramRoller(n: 13)
    var rolled: [UInt64] = []
    words.withUnsafeBufferPointer { buffer in roller.forEach(buffer) { _, hash in rolled.append(hash) } }
    #expect(rolled.count == 28)
    for (start, hash) in rolled.enumerated() { #expect(hash == roller.hash(words[start..<(start + 13)])) }
  }

  @Test func badOptionsAreRejected() {
    var options = LeakageOptions()
    options.ngram = 0
    #expect(throws: LeakageError.self) { try options.validate() }
    options = LeakageOptions()
    options.threshold = 1.5
    #expect(throws: LeakageError.self) { try options.validate() }
  }
}
