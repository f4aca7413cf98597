import Foundation
import Testing

/// A missing file of `../shared` (or the binary) fails the test under CI and only skips it
/// locally, with a message naming the path.
@Suite struct SharedDataTests {
  @Test func aMissingFileIsAFailureUnderCI() {
    withKnownIssue {
      #expect(SharedData.require("data/no-such-file.jsonl", ci: true) == nil)
    } matching: { issue in
      issue.comments.contains { $0.rawValue.contains("no-such-file.jsonl") && $0.rawValue.contains("CI=true") }
    }
  }

  @Test func aMissingFileOnlySkipsLocally() {
    // No issue is recorded: the test passes, having printed the skip message.
    #expect(SharedData.require("data/no-such-file.jsonl", ci: false) == nil)
  }

  @Test func ciIsReadFromTheEnvironment() {
    let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
    #expect(SharedData.isCI == (value == "true" || value == "1" || value == "yes"))
  }

  @Test func thePathIsBesideThePackageRoot() {
    if ProcessInfo.processInfo.environment["DATAPREP_TEST_SHARED"] == nil {
      #expect(SharedData.expectedRoot == SharedData.packageRoot.deletingLastPathComponent().appendingPathComponent("shared"))
    }
    #expect(FileManager.default.fileExists(atPath: SharedData.packageRoot.appendingPathComponent("Package.swift").path))
  }
}
