import Foundation
import Testing

import DataPrep

/// `--max-json-depth` through the binary: a depth past ``JSONParser/maximumSafeDepth`` is
/// refused, and the commands survive the deepest records (the library side is in JSONDepthCapTests).
@Suite(.serialized) struct JSONDepthCapCommandTests {
  @Test func theFlagRefusesADepthPastTheCapAndTheCommandsSurviveIt() throws {
    let folder = try TemporaryDirectory()
    let depth = JSONParser.maximumSafeDepth
    let accepted = InputLimitRecords.deepRecord(depth: depth - 3)
    let refused = InputLimitRecords.deepRecord(depth: 20_000)
    let path = try folder.write("deep.jsonl", ([accepted, accepted, refused, accepted].joined(separator: "\n")) + "\n")
    let over = try CommandRunner.run(["validate", path, "--max-json-depth", "100000"])
    if over.stderr == CommandRunner.skipMessage { return }
    #expect(over.status == 2)
    #expect(over.stderr.contains("--max-json-depth must be at most \(depth)"), "\(over.stderr)")
    var commands = [["validate", path]]
    if let rankFile = SharedData.require("data/tokenizers/cl100k_base.tiktoken.gz") {
      commands += [
        ["stats", path, "--jobs", "2", "--tokenizer", rankFile.path],
        ["tokens", path, "--jobs", "2", "--each", "--tokenizer", rankFile.path],
      ]
    }
    for arguments in commands {
      let result = try CommandRunner.run(arguments + ["--max-json-depth", "\(depth)"], timeout: 120)
      #expect(result.status == 1 || result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
      #expect(result.stdout.contains("deep.jsonl:3") || result.stderr.contains("deep.jsonl:3"), "\(arguments): \(result.stderr)")
    }
  }
}
