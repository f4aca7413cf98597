import DataPrepTestSupport
import Foundation
import Testing

/// `dataprep redact` through the binary: masks, pseudonyms with a key from the environment,
/// drop-record, the report, the refusals; `validate` flags what redact would replace.
@Suite struct RedactCommandTests {
  static let lines = [
    #"{"text":"Nothing private here.","id":"a"}"#,
    #"{"text":"Mail ann@corp.com, token ghp_16C7e42F292c6912E7710c838347Ae178B4a.","id":"b"}"#,
  ]

  static func input() throws -> String {
    try ChatLines.temporaryFile(lines.joined(separator: "\n") + "\n", name: "docs.jsonl")
  }

  @Test func maskWritesMasksAndTheReportHoldsKindsAndLinesOnly() throws {
    let path = try Self.input()
    let folder = (path as NSString).deletingLastPathComponent
    let out = folder + "/out.jsonl"
    let report = folder + "/report.json"
    let result = try CommandRunner.run(["redact", path, "-o", out, "--report", report, "--jobs", "2"])
    guard result.status != -1 else { return }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("1 of 2 records changed; email 1, secret 1"))
    let written = try String(contentsOfFile: out, encoding: .utf8)
    #expect(written == Self.lines[0] + "\n" + #"{"text":"Mail <EMAIL>, token <SECRET>.","id":"b"}"# + "\n")
    let json = try String(contentsOfFile: report, encoding: .utf8)
    #expect(json.contains(#""line":2"#) && json.contains(#""kind":"secret""#))
    #expect(!json.contains("ann@corp.com") && !json.contains("ghp_"))
  }

  @Test func pseudonymTakesTheKeyFromTheEnvironmentAndRefusesToRunWithout() throws {
    let path = try Self.input()
    let withKey = try CommandRunner.run(["redact", path, "--mode", "pseudonym", "--quiet"], environment: ["DATAPREP_REDACT_KEY": "k"])
    guard withKey.status != -1 else { return }
    #expect(withKey.status == 0, "\(withKey.stderr)")
    #expect(withKey.stdout.contains("@example.invalid"))
    #expect(!withKey.stdout.contains("ann@corp.com"))
    let without = try CommandRunner.run(["redact", path, "--mode", "pseudonym"], replacingEnvironment: [:])
    #expect(without.status == 2)
    #expect(without.stderr.contains("DATAPREP_REDACT_KEY"))
  }

  @Test func dropRecordAndKindsSelectWhatIsTouched() throws {
    let path = try Self.input()
    let dropped = try CommandRunner.run(["redact", path, "--mode", "drop-record", "--quiet"])
    guard dropped.status != -1 else { return }
    #expect(dropped.stdout == Self.lines[0] + "\n")
    let emailsOnly = try CommandRunner.run(["redact", path, "--kinds", "email", "--quiet"])
    #expect(emailsOnly.stdout.contains("<EMAIL>") && emailsOnly.stdout.contains("ghp_"))
    let bad = try CommandRunner.run(["redact", path, "--kinds", "mails"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("unknown kind 'mails'"))
  }

  @Test func keepLeavesMatchingValuesAndRefusesAPatternKeepingEverything() throws {
    let path = try Self.input()
    let kept = try CommandRunner.run(["redact", path, "--keep", "*@CORP.com", "--keep", "nobody@example.org"])
    guard kept.status != -1 else { return }
    #expect(kept.status == 0, "\(kept.stderr)")
    #expect(kept.stdout.contains("ann@corp.com") && kept.stdout.contains("<SECRET>"))
    #expect(kept.stderr.contains("secret 1") && !kept.stderr.contains("email"))
    let bad = try CommandRunner.run(["redact", path, "--keep", "*"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("would keep every value"))
  }

  @Test func validateReportsAPlantedSecretByFileAndLineWithoutTheValue() throws {
    var lines = ChatLines.clean(20)
    lines[7] = ChatLines.record("How do I log in?", "Use the token ghp_16C7e42F292c6912E7710c838347Ae178B4a here.")
    let path = try ChatLines.temporaryFile(lines.joined(separator: "\n") + "\n")
    let result = try CommandRunner.run(["validate", path])
    guard result.status != -1 else { return }
    #expect(result.status == 1)
    #expect(result.stdout.contains("train.jsonl:8: error:"))
    #expect(result.stdout.contains("[pii]"))
    #expect(!result.stdout.contains("ghp_16C7"))
  }
}
