import Foundation
import Testing

/// Runs the built `dataprep` binary (skips when it has not been built) for the exit status.
@Suite struct ValidateCommandTests {
  static var binary: URL? {
    for configuration in ["debug", "release"] {
      let url = SharedData.packageRoot.appendingPathComponent(".build/\(configuration)/dataprep")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    guard let binary else { return (-1, "") }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = Pipe()
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func exitStatusIsZeroOneOrTwo() throws {
    guard Self.binary != nil else {
      print("dataprep binary not built: skipping the CLI exit-status test")
      return
    }
    let lines = ValidationTestSupport.cleanChatLines(120)
    let clean = try ValidationTestSupport.temporaryFile(lines.joined(separator: "\n") + "\n")
    #expect(try Self.run(["validate", clean]).status == 0)
    let faulty = try ValidationTestSupport.temporaryFile((lines + ["{oops"]).joined(separator: "\n") + "\n")
    let result = try Self.run(["validate", faulty, "--output", "json"])
    #expect(result.status == 1)
    #expect(result.output.contains("\"line\":121"))
    #expect(try Self.run(["validate", "/nonexistent/file.jsonl"]).status == 2)
  }
}
