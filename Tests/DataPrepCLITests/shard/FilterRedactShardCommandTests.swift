import DataPrepTestSupport
import Foundation
import Testing

/// `filter` and `redact` as shards through the binary: N shards merged give one process's
/// output, report and stderr, for one file cut by bytes and for several files; a rerun skips
/// a finished shard; a folder of another shard count or other flags is refused.
@Suite struct FilterRedactShardCommandTests {
  static let prose = FilterCommandTests.prose

  /// `count` records of every kind the two commands treat differently: passing documents,
  /// documents c4 rewrites, failing ones of several reasons, examples, private data.
  static func records(_ count: Int) -> [String] {
    (0..<count).map { i -> String in
      let value: [String: Any]
      switch i % 7 {
      case 0: value = ["id": "\(i)", "text": prose]
      case 1: value = ["id": "\(i)", "text": prose + "\nHome | About | Contact [\(i)]\nMail ann\(i)@corp.com for help."]
      case 2: value = ["id": "\(i)", "text": "menu home about \(i)"]
      case 3: value = ["id": "\(i)", "text": prose + "\nvar x = {\(i)};"]
      case 4:
        value = ["messages": [["role": "user", "content": "Call +44 20 7946 \(1000 + i) please."], ["role": "assistant", "content": prose]]]
      case 5: value = ["id": "\(i)", "text": "Lorem ipsum dolor sit amet, line \(i). " + prose]
      default: value = ["id": "\(i)", "text": "Server at 8.8.\(i % 200).4 answered. " + prose + " key: AKIAIOSFODNN7EXAMPLE."]
      }
      let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data()
      return String(decoding: data, as: UTF8.self)
    }
  }

  /// The inputs: one file of `count` records, or the same records over `files` files.
  static func inputs(_ folder: TemporaryDirectory, count: Int, files: Int) throws -> [String] {
    let lines = records(count)
    if files == 1 { return [try folder.write("all.jsonl", lines.joined(separator: "\n") + "\n")] }
    return try (0..<files).map { f in
      let share = stride(from: f, to: lines.count, by: files).map { lines[$0] }
      return try folder.write("in-\(f).jsonl", share.joined(separator: "\n") + "\n")
    }
  }

  /// Runs `command` once and as 1, 2, 4 and 7 shards joined by `merge`, each with `--report`:
  /// the output, the report, stderr and the exit status must be one process's.
  static func expectSame(_ command: [String], inputs: [String], in folder: TemporaryDirectory, name: String) throws {
    let one = try CommandRunner.run(
      [command[0]] + inputs + Array(command.dropFirst()) + ["-o", folder.path("\(name)-one.jsonl"), "--report", folder.path("\(name)-one.json")],
      timeout: 300)
    guard one.status != -1 else { return }
    #expect(one.status == 0, "\(one.stderr)")
    let oneReport = try Data(contentsOf: URL(fileURLWithPath: folder.path("\(name)-one.json")))
    let oneOutput = try Data(contentsOf: URL(fileURLWithPath: folder.path("\(name)-one.jsonl")))
    for count in [1, 2, 4, 7] {
      let parts = folder.path("\(name)-parts-\(count)")
      let report = folder.path("\(name)-report-\(count).json")
      for index in 0..<count {
        let shard = try CommandRunner.run(
          [command[0]] + inputs + Array(command.dropFirst()) + ["-o", parts, "--report", report, "--shard", "\(index)/\(count)", "--quiet"],
          timeout: 300)
        #expect(shard.status == 0, "\(name) shard \(index)/\(count): \(shard.stderr)")
      }
      #expect(!FileManager.default.fileExists(atPath: report), "\(name): a shard wrote the report itself")
      let merged = folder.path("\(name)-merged-\(count).jsonl")
      let merge = try CommandRunner.run(["merge", parts, "-o", merged], timeout: 300)
      #expect(merge.status == one.status, "\(name), \(count) shards: \(merge.stderr)")
      #expect(merge.stderr == one.stderr, "\(name), \(count) shards: the merge says \(merge.stderr), one process \(one.stderr)")
      #expect(FileManager.default.contents(atPath: merged) == oneOutput, "\(name), \(count) shards: other records than one process")
      let mergedReport = FileManager.default.contents(atPath: report)
      #expect(mergedReport == oneReport, "\(name), \(count) shards: another report than one process")
    }
  }

  static let filterCommand = ["filter", "--rules", "gopher-quality,c4,fineweb"]
  static let redactCommand = ["redact"]

  @Test func aRerunSkipsAFinishedShardAndForceRunsItAgain() throws {
    let folder = try TemporaryDirectory()
    let input = try Self.inputs(folder, count: 40, files: 1)
    let parts = folder.path("parts")
    for command in [Self.filterCommand, Self.redactCommand] {
      let arguments = [command[0]] + input + Array(command.dropFirst()) + ["-o", parts + "-" + command[0], "--shard", "1/2"]
      let first = try CommandRunner.run(arguments)
      guard first.status != -1 else { return }
      #expect(first.status == 0, "\(first.stderr)")
      #expect(first.stderr.contains("shard 1/2 done"), "\(first.stderr)")
      let marker = parts + "-" + command[0] + "/part-00001-of-00002.done.json"
      let written = try FileManager.default.attributesOfItem(atPath: marker)[.modificationDate] as? Date
      let again = try CommandRunner.run(arguments)
      #expect(again.status == 0, "\(again.stderr)")
      #expect(again.stderr.contains("shard 1/2 already done"), "\(again.stderr)")
      #expect(try FileManager.default.attributesOfItem(atPath: marker)[.modificationDate] as? Date == written)
      let forced = try CommandRunner.run(arguments + ["--force"])
      #expect(forced.status == 0 && forced.stderr.contains("shard 1/2 done"), "\(forced.stderr)")
    }
  }

  @Test func aFolderOfAnotherShardCountOrOtherFlagsIsRefused() throws {
    let folder = try TemporaryDirectory()
    let input = try Self.inputs(folder, count: 40, files: 1)
    for command in [Self.filterCommand, Self.redactCommand] {
      let parts = folder.path("parts-" + command[0])
      let base = [command[0]] + input + Array(command.dropFirst()) + ["-o", parts, "--quiet"]
      let first = try CommandRunner.run(base + ["--shard", "0/2"])
      guard first.status != -1 else { return }
      #expect(first.status == 0, "\(first.stderr)")
      let otherCount = try CommandRunner.run(base + ["--shard", "0/3"])
      #expect(otherCount.status == 2 && otherCount.stderr.contains("parts of a 2-shard run"), "\(otherCount.stderr)")
      let otherFlags = try CommandRunner.run(base + ["--shard", "1/2", command[0] == "filter" ? "--annotate" : "--kinds=email"])
      #expect(otherFlags.status == 2 && otherFlags.stderr.contains("other inputs or settings"), "\(otherFlags.stderr)")
      let forced = try CommandRunner.run(base + ["--shard", "0/3", "--force"])
      #expect(forced.status == 0, "\(forced.stderr)")
    }
  }

  @Test func aShardNeedsAFolderAndMergeRefusesAMissingShard() throws {
    let folder = try TemporaryDirectory()
    let input = try Self.inputs(folder, count: 20, files: 1)
    for command in [Self.filterCommand, Self.redactCommand] {
      let toStdout = try CommandRunner.run([command[0]] + input + Array(command.dropFirst()) + ["--shard", "0/2"])
      guard toStdout.status != -1 else { return }
      #expect(toStdout.status == 2 && toStdout.stderr.contains("-o names the folder"), "\(toStdout.stderr)")
      let parts = folder.path("half-" + command[0])
      let half = try CommandRunner.run([command[0]] + input + Array(command.dropFirst()) + ["-o", parts, "--shard", "0/2", "--quiet"])
      #expect(half.status == 0, "\(half.stderr)")
      let merge = try CommandRunner.run(["merge", parts, "-o", folder.path("merged-" + command[0])])
      #expect(merge.status == 2 && merge.stderr.contains("1 of 2 shards have not finished"), "\(merge.stderr)")
      #expect(!FileManager.default.fileExists(atPath: folder.path("merged-" + command[0])))
    }
  }

  @Test func redactReadsSeveralInputsInOrder() throws {
    let folder = try TemporaryDirectory()
    let inputs = try Self.inputs(folder, count: 14, files: 2)
    let result = try CommandRunner.run(["redact"] + inputs + ["--report", folder.path("report.json"), "--quiet"])
    guard result.status != -1 else { return }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == 14)
    let report = try String(contentsOfFile: folder.path("report.json"), encoding: .utf8)
    let first = try #require(report.range(of: "in-0.jsonl"))
    let second = try #require(report.range(of: "in-1.jsonl"))
    #expect(first.lowerBound < second.lowerBound)
  }

  /// Every N in {1, 2, 4, 7} of both commands on both input layouts (about 80 runs of the binary).
  /// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
  @Suite(.tags(.long)) struct LongTests {
    @Test func filterShardsOfOneFileMergeToOneProcess() throws {
      let folder = try TemporaryDirectory()
      try FilterRedactShardCommandTests.expectSame(FilterRedactShardCommandTests.filterCommand, inputs: try FilterRedactShardCommandTests.inputs(folder, count: 300, files: 1), in: folder, name: "filter")
    }

    @Test func filterShardsOfSeveralFilesMergeToOneProcess() throws {
      let folder = try TemporaryDirectory()
      try FilterRedactShardCommandTests.expectSame(FilterRedactShardCommandTests.filterCommand + ["--annotate"], inputs: try FilterRedactShardCommandTests.inputs(folder, count: 300, files: 5), in: folder, name: "filter-files")
    }

    @Test func redactShardsOfOneFileMergeToOneProcess() throws {
      let folder = try TemporaryDirectory()
      try FilterRedactShardCommandTests.expectSame(FilterRedactShardCommandTests.redactCommand, inputs: try FilterRedactShardCommandTests.inputs(folder, count: 300, files: 1), in: folder, name: "redact")
    }

    @Test func redactShardsOfSeveralFilesMergeToOneProcess() throws {
      let folder = try TemporaryDirectory()
      try FilterRedactShardCommandTests.expectSame(FilterRedactShardCommandTests.redactCommand + ["--mode", "drop-record"], inputs: try FilterRedactShardCommandTests.inputs(folder, count: 300, files: 5), in: folder, name: "redact-files")
    }
  }
}
