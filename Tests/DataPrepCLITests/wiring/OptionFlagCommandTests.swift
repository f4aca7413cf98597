import Foundation
import Testing

/// The CLI words the library's settings (``OptionName``) by their flags: each flag it names must be
/// a real flag of some command, and errors printed by the binary name flags, not properties.
@Suite struct OptionFlagCommandTests {
  @Test func everyFlagTheCLINamesIsARealFlag() throws {
    guard CommandRunner.isAvailable() else { return }
    let source = try String(
      contentsOf: SharedData.packageRoot.appendingPathComponent("Sources/dataprep/OptionName+Flag.swift"), encoding: .utf8)
    let flags = source.matches(of: /return "(--[a-z-]+)"/).map { String($0.output.1) }
    #expect(flags.count >= 30)
    var help = ""
    for command in ["extract", "dedup", "instruct", "convert", "split", "leakage", "validate", "tokens", "stats", "build", "init"] {
      help += try CommandRunner.run([command, "--help"]).stdout
    }
    for flag in flags {
      #expect(help.contains(flag + " ") || help.contains(flag + "\n") || help.contains(flag + ","), "\(flag) is no flag of any command")
    }
  }

  @Test func printedErrorsNameFlags() throws {
    guard CommandRunner.isAvailable() else { return }
    let dedup = try CommandRunner.run(["dedup", "-", "--ngram", "0"])
    #expect(dedup.status == 2)
    #expect(dedup.stderr.contains("--ngram must be at least 1"), "\(dedup.stderr)")
    let split = try CommandRunner.run(["split", "-", "--ratio", "1.5", "-o", "/nonexistent/out"])
    #expect(split.status == 2)
    #expect(split.stderr.contains("--ratio: "), "\(split.stderr)")
    #expect(!split.stderr.contains("`"), "\(split.stderr)")
  }

  @Test func summariesNameFlagsToo() throws {
    guard CommandRunner.isAvailable() else { return }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("option-flag-\(UUID().uuidString).jsonl").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let record = #"{"messages":[{"role":"user","content":"one two three four five six"},{"role":"assistant","content":"seven eight nine ten"}]}"#
    try (record + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let stats = try CommandRunner.run(["stats", path, "--max-tokens", "5"])
    #expect(stats.status == 0, "\(stats.stderr)")
    #expect(stats.stdout.contains("  --max-tokens 5: 1 of 1 records"), "\(stats.stdout)")
  }
}
