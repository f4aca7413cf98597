import Foundation
import Testing

import DataPrep

/// A catastrophic `pattern` through the binary: validate reports the record as a violation
/// quickly (the step limit itself is tested in SchemaPatternStepLimitTests).
@Suite struct SchemaPatternCommandTests {
  @Test func validateReportsTheRecordThroughTheBinary() throws {
    let folder = try TemporaryDirectory()
    let schema = try folder.write("evil.schema.json", #"{"type":"object","properties":{"text":{"type":"string","pattern":"^(a+)+$"}}}"#)
    let records = (0..<5).map { _ in #"{"text":"\#(HostileBytes.backtrackingInput)"}"# }.joined(separator: "\n") + "\n"
    let data = try folder.write("data.jsonl", records)
    let start = Date()
    let result = try CommandRunner.run(["validate", data, "--schema", schema], timeout: 60)
    if result.stderr == CommandRunner.skipMessage { return }
    #expect(Date().timeIntervalSince(start) < 30)
    #expect(result.status == 1, "\(result.stderr)")
    let output = result.stdout + result.stderr
    #expect(output.contains("data.jsonl:1:") && output.contains("abandoned"), "\(output)")
  }
}
