import Foundation
import Testing

import DataPrep
import DataPrepTestSupport

/// `build` through the binary (issue 15): names do not depend on how the source folder was
/// spelled, and an incremental build whose every source fails is not ready.
@Suite struct BuildCommandTests {
  @Test func aRelativeAndAnAbsoluteSourceGiveTheSameBytesThroughTheBinary() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(12, prefix: "alpha", seed: 5)
    let relative = try CommandRunner.run(["build", "sources", "-o", "one", "--quiet"], directory: scratch.root)
    let absolute = try CommandRunner.run(["build", scratch.root + "/sources/", "-o", scratch.root + "/two", "--quiet"], directory: "/")
    #expect(relative.status == absolute.status, "\(relative.stderr) \(absolute.stderr)")
    for name in ["train.jsonl", "validation.jsonl", "README.md", "report.json", "manifest.json"] {
      let a = try scratch.read(scratch.root + "/one/" + name)
      let b = try scratch.read(scratch.root + "/two/" + name)
      #expect(a == b, "\(name) differs")
      #expect(!a.contains(scratch.root), "\(name) names a path of this machine")
    }
  }

  @Test func anIncrementalBuildWhoseEverySourceFailsIsNotReady() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(6, prefix: "gamma", seed: 4)
    let first = try CommandRunner.run(["build", "sources", "-o", "dataset", "--quiet"], directory: scratch.root)
    #expect(first.status == 0 || first.status == 1, "\(first.stderr)")
    // Next run: only a file that cannot be extracted (binary content).
    try FileManager.default.createDirectory(atPath: scratch.root + "/broken", withIntermediateDirectories: true)
    try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: URL(fileURLWithPath: scratch.root + "/broken/x.txt"))
    let second = try CommandRunner.run(["build", "broken", "-o", "dataset"], directory: scratch.root)
    #expect(second.status == 1)
    #expect(second.stderr.contains("none of the 1 source file read gave a document"), "\(second.stderr)")
  }

  /// Issue 17: the build of samples/ prints redact's counts, a bad redact or filter value stops
  /// it (exit 2) naming the recipe file and the key, and pseudonym without its key names the variable.
  @Test func buildPrintsRedactsCountsAndRefusesBadStageSettings() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    let samples = SharedData.packageRoot.appendingPathComponent("samples").path
    let built = try CommandRunner.run(["build", samples, "-o", "ds"], directory: scratch.root)
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stderr.contains("redact: 1 of 12 documents changed; email 1, phone 1, secret 2"), "\(built.stderr)")
    #expect(built.stderr.contains("filter: off"))
    // `dataprep redact` on the same documents counts the same: a value in a document's text
    // and again in its section once.
    let extracted = try CommandRunner.run(["extract", samples, "-o", "docs.jsonl"], directory: scratch.root)
    #expect(extracted.status == 0, "\(extracted.stderr)")
    let redacted = try CommandRunner.run(["redact", "docs.jsonl", "-o", "redacted.jsonl", "--kinds", "email,phone,secret"], directory: scratch.root)
    #expect(redacted.stderr.contains("1 of 12 records changed; email 1, phone 1, secret 2"), "\(redacted.stderr)")
    let cases: [(String, String)] = [
      ("redact: {mode: hash}\n", "bad.yaml: 'redact.mode' must be mask, pseudonym, drop-record"),
      ("filter: {rules: [c4], c4: {min_sentences: few}}\n", "bad.yaml: 'filter.c4.min_sentences' must be a number"),
      ("redact: {mode: pseudonym, key_env: DATAPREP_TEST_UNSET_KEY}\n", "environment variable DATAPREP_TEST_UNSET_KEY"),
    ]
    for (recipe, message) in cases {
      try scratch.write("../bad.yaml", recipe)
      let run = try CommandRunner.run(["build", samples, "-o", "bad", "--config", "bad.yaml"], directory: scratch.root)
      #expect(run.status == 2 && run.stderr.contains(message), "\(recipe): \(run.stderr)")
      #expect(!FileManager.default.fileExists(atPath: scratch.root + "/bad"))
    }
  }
}
