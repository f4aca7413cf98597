import Foundation
import Testing
@testable import DataPrep

@Suite struct ValidationOptionsTests {
  @Test func configSetsThresholdsAndRules() throws {
    var options = ValidationOptions()
    try options.apply(yaml: """
      validate:
        max_tokens: 2048
        max_file_mb: 100
        min_train_examples_error: 20
        min_validation_examples: 50
        group_by: metadata.task
        special_tokens: ["<eos>"]
        rules:
          duplicate: warning
          special-token: off
          too-long: error
      """, path: "dataprep.yaml")
    #expect(options.maxTokens == 2048)
    #expect(options.maxFileBytes == 100_000_000)
    #expect(options.minTrainingExamplesError == 20)
    #expect(options.minValidationExamples == 50)
    #expect(options.groupBy == "metadata.task")
    #expect(options.specialTokens == ["<eos>"])
    #expect(options.severity(of: .duplicate) == .warning)
    #expect(options.severity(of: .specialToken) == nil)
    #expect(!options.isEnabled(.specialToken))
    #expect(options.severity(of: .tooLong) == .error)
    #expect(options.severity(of: .schema) == .error)
  }

  @Test func rulesChangeWhatTheValidatorReports() throws {
    var options = ValidationOptions()
    try options.apply(yaml: "rules:\n  duplicate: warning\n  role-order: off\n", path: "c.yaml")
    var lines = ValidationTestSupport.cleanChatLines(120)
    lines.append(lines[0])
    lines.append(#"{"messages":[{"role":"user","content":"a"},{"role":"user","content":"b"},{"role":"assistant","content":"c"}]}"#)
    let report = try ValidationTestSupport.run(lines, options: options)
    #expect(report.findings.contains { $0.check == .duplicate && $0.severity == .warning })
    #expect(!report.findings.contains { $0.check == .roleOrder })
    #expect(!report.failed(strict: false))
  }

  @Test func unknownKeysAndChecksAreErrors() {
    var options = ValidationOptions()
    #expect(throws: ValidationConfigError.unknownKey(path: "c.yaml", key: "max_tokenz")) {
      try options.apply(yaml: "max_tokenz: 3", path: "c.yaml")
    }
    #expect(throws: ValidationConfigError.unknownCheck(path: "c.yaml", name: "dupes")) {
      try options.apply(yaml: "rules:\n  dupes: off", path: "c.yaml")
    }
    #expect(throws: ValidationConfigError.badValue(path: "c.yaml", key: "max_tokens", expected: "an integer")) {
      try options.apply(yaml: "max_tokens: lots", path: "c.yaml")
    }
    #expect(throws: ValidationConfigError.self) {
      try options.apply(yaml: "rules:\n  duplicate: fatal", path: "c.yaml")
    }
  }
}

@Suite struct ValidationOptionsNullTests {
  @Test func nullTurnsALimitOffAndYAMLOffIsOff() throws {
    var options = ValidationOptions()
    try options.apply(yaml: "max_tokens: null\nmax_file_mb: ~\nrules:\n  too-long: off\n", path: "c.yaml")
    #expect(options.maxTokens == nil)
    #expect(options.maxFileBytes == nil)
    #expect(!options.isEnabled(.tooLong))
  }
}
