import Foundation
import Testing

/// Runs the built `dataprep` binary (skips when it has not been built) for the exit status.
@Suite struct ValidateCommandTests {
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    guard let binary = CommandRunner.binary else { return (-1, "") }
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
    guard CommandRunner.isAvailable() else { return }
    let lines = ChatLines.clean(120)
    let clean = try ChatLines.temporaryFile(lines.joined(separator: "\n") + "\n")
    #expect(try Self.run(["validate", clean]).status == 0)
    let faulty = try ChatLines.temporaryFile((lines + ["{oops"]).joined(separator: "\n") + "\n")
    let result = try Self.run(["validate", faulty, "--output", "json"])
    #expect(result.status == 1)
    #expect(result.output.contains("\"line\":121"))
    #expect(try Self.run(["validate", "/nonexistent/file.jsonl"]).status == 2)
  }
}
