import Foundation
import Testing

/// The binary the command tests run is the one of the configuration under test: beside the
/// running test bundle, in the same `.build/<triple>/<configuration>` folder, never a stale
/// `.build/debug` when the tests were built in release.
@Suite struct CommandRunnerTests {
  @Test func theBinaryIsInTheBuildFolderOfTheRunningTests() throws {
    let folder = try #require(CommandRunner.buildFolder, "no .xctest bundle found in this process")
    let bundles = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xctest") }
    #expect(!bundles.isEmpty, "\(folder.path) holds no test bundle")
    #if DEBUG
      #expect(folder.lastPathComponent == "debug", "tests built in debug run from \(folder.path)")
    #else
      #expect(folder.lastPathComponent == "release", "tests built in release run from \(folder.path)")
    #endif
    guard CommandRunner.isAvailable() else { return }
    let binary = try #require(CommandRunner.binary)
    #expect(binary.deletingLastPathComponent().standardizedFileURL == folder.standardizedFileURL)
    let version = try CommandRunner.run(["--version"])
    #expect(version.status == 0, "\(version.stderr)")
  }
}
