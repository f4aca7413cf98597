import Foundation
import Testing

@testable import DataPrep

/// `validate --train A --validation B` runs the leakage library and reports leaks as errors.
@Suite struct ValidateLeakageTests {
  static func run(train: [String], validation: [String]) throws -> ValidationReport {
    let trainPath = try ValidationTestSupport.temporaryFile(train.joined(separator: "\n") + "\n", name: "train.jsonl")
    let validationPath = try ValidationTestSupport.temporaryFile(validation.joined(separator: "\n") + "\n", name: "validation.jsonl")
    let validator = DatasetValidator(schemaLookup: { FormatSchemas.schema(for: $0) })
    try validator.validate(path: trainPath, role: .training)
    try validator.validate(path: validationPath, role: .validation)
    try validator.checkLeakage()
    return validator.finish()
  }

  @Test func leakedValidationLinesAreErrorsNamingTheTrainingLine() throws {
    let all = NearDuplicateShareTests.lines(count: 123, planted: 0)
    let train = Array(all.prefix(120))
    let nearAnswer = try #require(try JSONParser().parse(train[30]).objectValue?["messages"]?.arrayValue?[1].objectValue?["content"]?.stringValue)
    let validation = [
      all[120],
      train[7],
      all[121],
      TokenizerWiringTests.chatLine("Question 30 about the topic?", nearAnswer + " changed"),
      all[122],
    ]
    let report = try Self.run(train: train, validation: validation)
    let leaks = report.findings.filter { $0.check == .leakage }
    #expect(leaks.map(\.line) == [2, 4])
    #expect(leaks.allSatisfy { $0.severity == .error && $0.file.hasSuffix("validation.jsonl") })
    #expect(leaks.first?.message.contains("train.jsonl:8") == true)
    #expect(leaks.first?.message.contains("also in training") == true)
    #expect(leaks.last?.message.contains("train.jsonl:31") == true)
    #expect(leaks.last?.message.contains("nearly repeats") == true)
    #expect(report.failed(strict: false))
  }

  @Test func cleanSplitHasNoLeakage() throws {
    let all = NearDuplicateShareTests.lines(count: 130, planted: 0)
    let report = try Self.run(train: Array(all.prefix(120)), validation: Array(all.suffix(10)))
    #expect(report.findings.filter { $0.check == .leakage }.isEmpty)
  }

  @Test func sharedSourceIsAGroupLeak() throws {
    let train = ValidationTestSupport.cleanChatLines(12).map { $0.replacingOccurrences(of: #""task":"faq""#, with: #""task":"faq","source_id":"doc-1""#) }
    let other = #"{"messages":[{"role":"user","content":"Something else entirely?"},{"role":"assistant","content":"A different answer."}],"metadata":{"source_id":"doc-1"}}"#
    let report = try Self.run(train: train, validation: [other])
    let leaks = report.findings.filter { $0.check == .leakage }
    #expect(!leaks.isEmpty)
    #expect(leaks.allSatisfy { $0.line == 1 && $0.message.contains("'doc-1'") && $0.message.contains("metadata.source_id") })
  }

  @Test func filesWithBadLinesAreNotCheckedAndANoteSaysSo() throws {
    let all = NearDuplicateShareTests.lines(count: 121, planted: 0)
    let report = try Self.run(train: Array(all.prefix(120)) + ["{oops"], validation: [all[3]])
    let leaks = report.findings.filter { $0.check == .leakage }
    #expect(leaks.count == 1)
    #expect(leaks.first?.severity == .note)
    #expect(leaks.first?.message.contains("leakage check not run") == true)
  }

  @Test func withoutValidationFilesNothingRuns() throws {
    let path = try ValidationTestSupport.temporaryFile(NearDuplicateShareTests.lines(count: 20, planted: 0).joined(separator: "\n") + "\n")
    let validator = DatasetValidator(schemaLookup: { FormatSchemas.schema(for: $0) })
    try validator.validate(path: path)
    try validator.checkLeakage()
    #expect(validator.finish().findings.filter { $0.check == .leakage }.isEmpty)
  }
}
