import Foundation
import Testing

/// Runs the built `dataprep` binary (skips when it has not been built) for the exit status.
@Suite struct ValidateCommandTests {
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let result = try CommandRunner.run(arguments)
    return (result.status, result.stdout)
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
