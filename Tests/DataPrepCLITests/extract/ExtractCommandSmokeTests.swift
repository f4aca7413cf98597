import Foundation
import Testing

import DataPrep

/// One end-to-end run of the built `dataprep` binary (the CLI is thin; everything else is tested
/// through ``ExtractionRun``). Skips when the binary has not been built beside the tests.
@Suite struct ExtractCommandSmokeTests {
  private func run(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, stderr: String, stdout: String) {
    let result = try CommandRunner.run(arguments, input: stdin)
    return (result.status, result.stderr, result.stdout)
  }

  @Test func extractSamplesAndStrictFailure() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let samples = SharedData.packageRoot.appendingPathComponent("samples").path
    let output = folder.path("documents.jsonl")
    let ok = try run(["extract", samples, "-o", output, "--jobs", "2"])
    #expect(ok.status == 0)
    #expect(ok.stderr.contains("extract: 12 documents from 11 files, 0 skipped"))
    let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 12)

    let empty = try folder.write("empty.txt", "")
    let strictOutput = folder.path("strict.jsonl")
    let strict = try run(["extract", empty, "--strict", "-o", strictOutput])
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("\(empty): empty input, skipped"))
    #expect(!FileManager.default.fileExists(atPath: strictOutput))

    let sameAsInput = try run(["extract", empty, "-o", empty])
    #expect(sameAsInput.status == 2)

    let piped = try run(["extract", "-", "--format", "markdown", "--quiet"], stdin: "# From stdin\n\nHello.")
    #expect(piped.status == 0)
    #expect(piped.stdout.contains("\"source\":\"-\",\"format\":\"markdown\",\"title\":\"From stdin\""))
    #expect(piped.stderr.isEmpty)
  }
}
