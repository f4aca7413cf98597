import Foundation
import Testing

import DataPrep

/// The input-limit flags through the commands (`--max-json-depth`, `--max-entity-mb`,
/// `--max-line-mb`): each one changes the outcome (the library side is in InputLimitTests).
@Suite(.serialized) struct InputLimitCommandTests {
  @Test func everyCommandReadingJSONLOrXMLTakesTheLimitFlags() throws {
    guard CommandRunner.isAvailable() else { return }
    for command in ["convert", "instruct", "validate", "tokens", "stats", "dedup", "split", "leakage", "extract", "build"] {
      let help = try CommandRunner.run([command, "--help"])
      for flag in ["--max-json-depth", "--max-entity-mb", "--max-line-mb"] {
        #expect(help.stdout.contains(flag), "\(command) --help lacks \(flag)")
      }
    }
    let bad = try CommandRunner.run(["convert", "-", "--to", "alpaca", "-o", "-", "--max-line-mb", "0"])
    #expect(bad.status != 0 && bad.stderr.contains("--max-line-mb must be at least 1"), "\(bad.stderr)")
  }

  @Test func maxJSONDepthChangesTheOutcome() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let input = try folder.write("deep.jsonl", InputLimitRecords.chatLine + "\n" + InputLimitRecords.deepRecord(depth: 600) + "\n")
    let output = folder.path("kept.jsonl")
    let refused = try CommandRunner.run(["dedup", input, "-o", output])
    #expect(refused.status == 2, "\(refused.stderr)")
    #expect(refused.stderr.contains("\(input):2:") && refused.stderr.contains("nesting deeper than 512"), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
    let accepted = try CommandRunner.run(["dedup", input, "-o", output, "--max-json-depth", "1000"])
    #expect(accepted.status == 0, "\(accepted.stderr)")
    #expect(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count == 2)
  }

  @Test func maxLineMBChangesTheOutcome() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let input = try folder.write("long.jsonl", InputLimitRecords.chatLine + "\n" + InputLimitRecords.longRecord(bytes: 3 << 20) + "\n")
    let output = folder.path("out.jsonl")
    let accepted = try CommandRunner.run(["convert", input, "--to", "alpaca", "-o", output])
    #expect(accepted.status == 0, "\(accepted.stderr)")
    for arguments in [["convert", input, "--to", "alpaca", "-o", output], ["validate", input], ["dedup", input, "-o", output]] {
      let refused = try CommandRunner.run(arguments + ["--max-line-mb", "2"])
      #expect(refused.status == 2, "\(arguments[0]): \(refused.stderr)")
      #expect(refused.stderr.contains("\(input):2: line longer than 2 MiB"), "\(arguments[0]): \(refused.stderr)")
    }
  }

  @Test func maxEntityMBChangesTheOutcome() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let tree = try folder.write("tree.xml", InputLimitRecords.entityDocument(records: false))
    let records = try folder.write("records.xml", InputLimitRecords.entityDocument(records: true))
    let output = folder.path("out.jsonl")
    for (input, extra) in [(tree, [String]()), (records, ["--record", "//rec"])] {
      let accepted = try CommandRunner.run(["extract", input, "-o", output, "--strict"] + extra)
      #expect(accepted.status == 0, "\(accepted.stderr)")
      let refused = try CommandRunner.run(["extract", input, "-o", output, "--strict", "--max-entity-mb", "1"] + extra)
      #expect(refused.status != 0, "\(refused.stderr)")
      #expect(refused.stderr.contains("entity references expand to more than"), "\(refused.stderr)")
    }
  }
}

/// The cases of ``InputLimitCommandTests`` that take over about 5 seconds: tagged `.long`, and named so that
/// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
extension InputLimitCommandTests {
  @Suite(.tags(.long)) struct LongTests {
    @Test func aOneGigabyteLineIsRefusedByDefaultWithoutBeingHeld() throws {
      // 1 GiB of one JSONL line streamed through a pipe (never on disk): the reader stops at the
      // 256 MiB default, so the run ends early, with a clear error and no output.
      guard CommandRunner.isAvailable() else { return }
      let folder = try ScratchFolder()
      let output = folder.path("out.jsonl")
      let generator =
        "{ printf '{\"text\":\"'; head -c 1073741824 /dev/zero | tr '\\000' a; printf '\"}\\n'; }"
      let result = try CommandRunner.run(
        ["convert", "-", "--to", "alpaca", "-o", output], timeout: 300,
        shellSetup: "\(generator) | \"$0\" \"$@\"; exit $?")
      #expect(!result.timedOut)
      #expect(result.status == 2, "\(result.stderr)")
      #expect(result.stderr.contains(":1: line longer than 256 MiB"), "\(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: output))
    }
  }
}
