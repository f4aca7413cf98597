import Foundation
import Testing

/// The bundled rank files through the built binary: exact counts on a fresh machine (no
/// DATAPREP_TOKENIZERS, empty home), and a binary copied without its resource bundle stops with
/// a clear error (`tokens`) or estimates after one warning (`validate`) instead of crashing.
@Suite struct BundledTokenizerCommandTests {
  /// The built binary placed alone in a fresh folder (hard link, else copy), so no resource
  /// bundle is beside it; `nil` when the binary is not built.
  static func binaryWithoutBundle() throws -> URL? {
    guard CommandRunner.isAvailable(), let binary = CommandRunner.binary else { return nil }
    let folder = TokenizerFixtures.folder()
    let alone = folder.appendingPathComponent("dataprep")
    do {
      try FileManager.default.linkItem(at: binary, to: alone)
    } catch {
      try FileManager.default.copyItem(at: binary, to: alone)
    }
    return alone
  }

  static func run(_ binary: URL, _ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String, errors: String) {
    let result = try CommandRunner.run(
      arguments, replacingEnvironment: WiringCommandTests.bareEnvironment(), input: input ?? "", executable: binary)
    return (result.status, result.stdout, result.stderr)
  }

  @Test func tokensCountsExactlyWithNothingInstalled() throws {
    guard CommandRunner.isAvailable(), let binary = CommandRunner.binary else { return }
    let o200k = try Self.run(binary, ["tokens", "-"], input: "hello world")
    #expect(o200k.status == 0)
    #expect(o200k.output.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
    #expect(o200k.errors.isEmpty)
    let cl100k = try Self.run(binary, ["tokens", "--ids", "--tokenizer", "cl100k_base", "-"], input: "hello world")
    #expect(cl100k.output.trimmingCharacters(in: .whitespacesAndNewlines) == "[15339,1917]")
  }

  @Test func validateCountsExactlyWithNothingInstalled() throws {
    guard CommandRunner.isAvailable(), let binary = CommandRunner.binary else { return }
    var lines = ChatLines.clean(120)
    lines[40] = ChatLines.record("Read the number.", String(repeating: "1234567890", count: 100))
    let path = try ChatLines.temporaryFile(lines.joined(separator: "\n") + "\n")
    let result = try Self.run(binary, ["validate", path, "--max-tokens", "300"])
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    #expect(result.output.contains("tokens (o200k_base), over the limit of 300"))
    #expect(!result.output.contains("estimated"))
  }

  @Test func aBinaryWithoutItsBundleFailsClearlyOrEstimates() throws {
    guard let alone = try Self.binaryWithoutBundle() else { return }
    let tokens = try Self.run(alone, ["tokens", "-"], input: "hello world")
    #expect(tokens.status == 2)
    #expect(tokens.errors.contains("dataprep_DataPrep.resources"))
    #expect(tokens.errors.contains("DATAPREP_TOKENIZERS"))

    let clean = try ChatLines.temporaryFile(ChatLines.clean(120).joined(separator: "\n") + "\n")
    let validate = try Self.run(alone, ["validate", clean])
    #expect(validate.status == 0)
    #expect(validate.errors.components(separatedBy: "not found").count == 2)
    #expect(validate.errors.contains("characters/4"))

    // DATAPREP_TOKENIZERS still works for such a binary.
    guard let shared = SharedData.require("data/tokenizers") else { return }
    let process = Process()
    process.executableURL = alone
    process.arguments = ["tokens", clean]
    var environment = WiringCommandTests.bareEnvironment()
    environment["DATAPREP_TOKENIZERS"] = shared.path
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }
}
