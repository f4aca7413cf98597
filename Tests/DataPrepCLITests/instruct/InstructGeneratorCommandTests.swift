import DataPrepTestSupport
import Foundation
import Testing

/// `dataprep instruct --generator openai-compatible` through the binary: the usage errors and
/// the dry run (no server is needed for either).
@Suite struct InstructGeneratorCommandTests {
  static let document =
    #"{"id":"d1","source":"lamp.html","format":"html","title":"Lamp Guide","text":"","sections":[{"heading":"Bulbs","level":2,"text":"Replace the bulb with a twelve watt LED bulb after turning the lamp off."},{"heading":"Cleaning","level":2,"text":"Wipe the shade with a dry cloth once a week to keep the dust away."}],"metadata":{}}"#

  static func input() throws -> String {
    try ChatLines.temporaryFile(document + "\n", name: "docs.jsonl")
  }

  @Test func missingOrBadModelSettingsAreUsageErrors() throws {
    let path = try Self.input()
    let model = ["instruct", path, "--to", "openai-chat", "--generator", "openai-compatible"]
    let cases: [([String], String)] = [
      (model + ["--model", "m"], "needs --base-url"),
      (model + ["--base-url", "http://127.0.0.1:11434/v1"], "needs --model"),
      (model + ["--base-url", "localhost:11434", "--model", "m"], "is not an http(s) URL"),
      (model + ["--base-url", "http://127.0.0.1:11434/v1", "--model", "m", "--model-tasks", "qa,essay"], "unknown model task 'essay'"),
      (model + ["--base-url", "http://127.0.0.1:11434/v1", "--model", "m", "--min-grounding", "1.5"], "--min-grounding must be between 0 and 1"),
      (model + ["--base-url", "http://127.0.0.1:11434/v1", "--model", "m", "--concurrency", "0"], "--concurrency must be at least 1"),
      (model + ["--base-url", "http://127.0.0.1:11434/v1", "--model", "m", "--api-key-env", "OPENAI_API_KEY=sk-1"], "names an environment variable"),
      (model + ["--base-url", "http://127.0.0.1:11434/v1", "--model", "m", "--shard", "1/2", "-o", "/tmp/parts"], "--shard runs the rules generator only"),
      (["instruct", path, "--to", "openai-chat", "--base-url", "http://127.0.0.1:11434/v1"], "--base-url needs --generator openai-compatible"),
      (["instruct", path, "--to", "text", "--generator", "openai-compatible", "--base-url", "http://x/v1", "--model", "m", "--dry-run"], "text format"),
    ]
    for (arguments, message) in cases {
      let result = try CommandRunner.run(arguments)
      guard result.status != -1 else { return }
      #expect(result.status == 2, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
  }

  @Test func aDryRunCountsTheCallsAndSendsNothing() throws {
    let path = try Self.input()
    let result = try CommandRunner.run([
      "instruct", path, "--to", "openai-chat", "--generator", "openai-compatible", "--base-url", "http://127.0.0.1:9/v1",
      "--model", "m", "--model-tasks", "qa,summary", "--dry-run",
    ])
    guard result.status != -1 else { return }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("instruct --dry-run: 4 calls for 1 documents"), "\(result.stderr)")
    #expect(result.stderr.contains("nothing was sent"))
    #expect(result.stdout.isEmpty)
  }
}
