import Foundation
import Testing

import DataPrep
import DataPrepTestSupport

/// `dataprep --version`: the version, and the commit of a release archive.
@Suite struct VersionCommandTests {
  @Test func aReleaseNamesItsCommitAndASourceBuildSaysSo() throws {
    guard CommandRunner.isAvailable(), let binary = CommandRunner.binary else { return }
    let plain = try CommandRunner.run(["--version"])
    #expect(plain.status == 0)
    #expect(plain.stdout.hasPrefix(DataPrepVersion.current), "\(plain.stdout)")
    // A release archive's layout: the binary, its resources folder beside it holding COMMIT.
    let folder = try TemporaryDirectory()
    let copy = folder.path("dataprep")
    try FileManager.default.copyItem(atPath: binary.path, toPath: copy)
    let resources = folder.path("dataprep_DataPrep.resources")
    try FileManager.default.createDirectory(atPath: resources, withIntermediateDirectories: true)
    try folder.write("dataprep_DataPrep.resources/COMMIT", "0123456789abcdef\n")
    let released = try CommandRunner.run(["--version"], executable: URL(fileURLWithPath: copy))
    #expect(released.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(DataPrepVersion.current) (commit 0123456789abcdef)")
    try FileManager.default.removeItem(atPath: resources + "/COMMIT")
    let source = try CommandRunner.run(["--version"], executable: URL(fileURLWithPath: copy))
    #expect(source.stdout.contains("built from source"), "\(source.stdout)")
  }
}
