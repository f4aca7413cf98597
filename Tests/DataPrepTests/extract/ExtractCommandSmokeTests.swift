import Foundation
import Testing

@testable import DataPrep

/// One end-to-end run of the built `dataprep` binary (the CLI is thin; everything else is tested
/// through ``ExtractionRun``). Skips when the binary has not been built beside the tests.
@Suite struct ExtractCommandSmokeTests {
  private static var binary: URL? {
    let products = Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
      + [SharedData.packageRoot.appendingPathComponent(".build/debug")]
    return products.map { $0.appendingPathComponent("dataprep") }.first {
      FileManager.default.isExecutableFile(atPath: $0.path)
    }
  }

  private func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
    guard let binary = Self.binary else { return (-1, "") }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func extractSamplesAndStrictFailure() throws {
    guard Self.binary != nil else {
      print("dataprep binary not built: skipping the CLI smoke test")
      return
    }
    let folder = try ScratchFolder()
    let samples = SharedData.packageRoot.appendingPathComponent("samples").path
    let output = folder.path("documents.jsonl")
    let ok = try run(["extract", samples, "-o", output, "--jobs", "2"])
    #expect(ok.status == 0)
    #expect(ok.stderr.contains("extract: 11 documents from 10 files, 0 skipped"))
    let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 11)

    let empty = try folder.write("empty.txt", "")
    let strictOutput = folder.path("strict.jsonl")
    let strict = try run(["extract", empty, "--strict", "-o", strictOutput])
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("\(empty): empty input, skipped"))
    #expect(!FileManager.default.fileExists(atPath: strictOutput))

    let sameAsInput = try run(["extract", empty, "-o", empty])
    #expect(sameAsInput.status == 2)
  }
}
