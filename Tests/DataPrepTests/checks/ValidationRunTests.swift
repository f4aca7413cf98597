import Foundation
import Testing

@testable import DataPrep

/// ``ValidationRun``: what `dataprep validate` states, run by the library (config, overrides,
/// tokenizer choice, every file, leakage) so the CLI only prints the report.
@Suite struct ValidationRunTests {
  private func temporaryFile(_ name: String, _ text: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("validation-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func settingsOverrideTheConfig() throws {
    var run = ValidationRun()
    run.configPath = try temporaryFile("dataprep.yaml", "validate:\n  max_tokens: 2048\n  group_by: metadata.task\n")
    #expect(try run.options().maxTokens == 2048)
    #expect(try run.options().groupBy == "metadata.task")
    (run.maxTokens, run.groupBy, run.maxFindingsPerCheck, run.maxFileMegabytes) = (100, "metadata.kind", 3, 1.5)
    let options = try run.options()
    #expect(options.maxTokens == 100)
    #expect(options.groupBy == "metadata.kind")
    #expect(options.maxFindingsPerCheck == 3)
    #expect(options.maxFileBytes == 1_500_000)
  }

  @Test func anUnreadableConfigIsNamed() {
    var run = ValidationRun()
    run.configPath = "/nonexistent/dataprep.yaml"
    #expect {
      try run.options()
    } throws: { error in
      guard case .unreadable(let path, _) = error as? ValidationConfigError else { return false }
      return path == "/nonexistent/dataprep.yaml"
    }
  }

  @Test func runsEveryFileAndReportsItsFindings() throws {
    let good = #"{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}"#
    var run = ValidationRun()
    run.files = [try temporaryFile("train.jsonl", good + "\n" + "not json\n")]
    var warnings: [String] = []
    let report = try run.run { warnings.append($0) }
    #expect(report.failed(strict: false))
  }

  @Test func aNamedTokenizerMustLoad() {
    var run = ValidationRun()
    run.tokenizer = "no-such-tokenizer"
    #expect(throws: TokenizerError.self) { try run.run { _ in } }
  }

  @Test func tokenCounterFollowsTheLengthCheckAndTheTokenizer() throws {
    var options = ValidationOptions()
    options.maxTokens = nil
    #expect(try options.selectTokenCounter(tokenizer: nil) { _ in }.name == TokenCounter.characterEstimate.name)
    let counter = try options.selectTokenCounter(tokenizer: "cl100k_base") { _ in }
    #expect(counter.name == "cl100k_base")
    #expect(options.tokenizerSpecialTokens == TiktokenEncoding.cl100kBase.specialTokens.keys.sorted())
    options.maxTokens = 10
    #expect(try options.selectTokenCounter(tokenizer: nil) { _ in }.name == "o200k_base")
  }
}
