import Foundation
import Testing

/// The wired flags through the built `dataprep` binary (skips when it has not been built).
@Suite struct WiringCommandTests {
  static func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String, errors: String)? {
    guard CommandRunner.isAvailable() else { return nil }
    let result = try CommandRunner.run(arguments, replacingEnvironment: environment)
    return (result.status, result.stdout, result.stderr)
  }

  /// An environment where no tokenizer is installed (an empty home, no DATAPREP_TOKENIZERS).
  static func bareEnvironment() -> [String: String] {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("dataprep-home-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    return ["HOME": home.path, "PATH": "/usr/bin:/bin"]
  }

  @Test func validateWithNothingInstalledUsesTheBundledTokenizerAndStillPasses() throws {
    let clean = try ChatLines.temporaryFile(ChatLines.clean(120).joined(separator: "\n") + "\n")
    guard let result = try Self.run(["validate", clean], environment: Self.bareEnvironment()) else { return }
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)  // o200k_base ships with dataprep: no "not found" warning

    // An explicit tokenizer that is not installed (p50k_base is not bundled) stops the run.
    let explicit = try #require(try Self.run(["validate", clean, "--tokenizer", "p50k_base"], environment: Self.bareEnvironment()))
    #expect(explicit.status == 2)
  }

  @Test func validateMaxTokensUsesTheInstalledTokenizer() throws {
    guard let folder = SharedData.require("data/tokenizers") else { return }
    var lines = ChatLines.clean(120)
    lines[40] = ChatLines.record("Read the number.", String(repeating: "1234567890", count: 100))
    let path = try ChatLines.temporaryFile(lines.joined(separator: "\n") + "\n")
    var environment = Self.bareEnvironment()
    environment["DATAPREP_TOKENIZERS"] = folder.path
    guard let result = try Self.run(["validate", path, "--max-tokens", "300"], environment: environment) else { return }
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    #expect(result.output.contains("train.jsonl:41: warning:"))
    #expect(result.output.contains("tokens (o200k_base), over the limit of 300"))
  }

  @Test func validateTrainAndValidationFailsOnLeakage() throws {
    let all = ChatLines.withNearCopies(count: 121, planted: 0)
    let train = try ChatLines.temporaryFile(all.prefix(120).joined(separator: "\n") + "\n", name: "a.jsonl")
    let validation = try ChatLines.temporaryFile([all[120], all[5]].joined(separator: "\n") + "\n", name: "b.jsonl")
    guard let result = try Self.run(["validate", "--train", train, "--validation", validation, "--max-tokens", "100000"], environment: Self.bareEnvironment()) else { return }
    #expect(result.status == 1)
    #expect(result.output.contains("b.jsonl:2: error:"))
    #expect(result.output.contains("[leakage]"))
  }
}
