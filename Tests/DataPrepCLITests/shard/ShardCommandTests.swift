import Foundation
import Testing

import DataPrep
import DataPrepTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Sharded runs through the binary: parts merged equal one process; a killed shard leaves no
/// part and its rerun completes the job; scheduler variables choose the shard.
@Suite struct ShardCommandTests {
  /// A chat dataset of `count` records, some with tools (which alpaca cannot hold).
  static func chat(_ count: Int) -> String {
    (0..<count).map { i in
      let tools = i % 13 == 5 ? #","tools":[{"type":"function","function":{"name":"f"}}]"# : ""
      return #"{"messages":[{"role":"user","content":"question \#(i) about shards"},{"role":"assistant","content":"answer \#(i)"}]\#(tools)}"#
        + "\n"
    }.joined()
  }

  @Test func convertShardsMergeToTheBytesOfOneProcess() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try TemporaryDirectory()
    let input = try folder.write("chat.jsonl", Self.chat(300))
    let one = folder.path("one.jsonl")
    let single = try CommandRunner.run(["convert", input, "--to", "alpaca", "--skip-invalid", "-o", one, "--quiet"])
    #expect(single.status == 0, "\(single.stderr)")
    for count in [1, 2, 4, 7] {
      let parts = folder.path("parts-\(count)")
      for index in 0..<count {
        let run = try CommandRunner.run([
          "convert", input, "--to", "alpaca", "--skip-invalid", "-o", parts, "--shard", "\(index)/\(count)", "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
      }
      let merged = folder.path("merged-\(count).jsonl")
      let merge = try CommandRunner.run(["merge", parts, "-o", merged])
      #expect(merge.status == 0, "\(merge.stderr)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: merged)) == Data(contentsOf: URL(fileURLWithPath: one)), "\(count) shards")
      #expect(merge.stderr.contains("skipped: 23"), "\(merge.stderr)")
    }
  }

  @Test func slurmAndKubernetesVariablesChooseTheShard() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try TemporaryDirectory()
    let input = try folder.write("chat.jsonl", Self.chat(40))
    let parts = folder.path("parts")
    for id in 1...3 {
      let run = try CommandRunner.run(
        ["convert", input, "--to", "sharegpt", "-o", parts, "--quiet"],
        environment: ["SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "3"])
      #expect(run.status == 0, "\(run.stderr)")
    }
    #expect(FileManager.default.fileExists(atPath: parts + "/part-00002-of-00003.done.json"))
    let kube = folder.path("kube")
    for index in 0..<2 {
      let run = try CommandRunner.run(
        ["convert", input, "--to", "sharegpt", "-o", kube, "--quiet"],
        environment: ["JOB_COMPLETION_INDEX": "\(index)", "DATAPREP_SHARD_COUNT": "2"])
      #expect(run.status == 0, "\(run.stderr)")
    }
    let noCount = try CommandRunner.run(["convert", input, "--to", "sharegpt", "-o", kube], environment: ["JOB_COMPLETION_INDEX": "0"])
    #expect(noCount.status == 2 && noCount.stderr.contains("DATAPREP_SHARD_COUNT"), "\(noCount.stderr)")
    let a = folder.path("a.jsonl")
    let b = folder.path("b.jsonl")
    #expect(try CommandRunner.run(["merge", parts, "-o", a]).status == 0)
    #expect(try CommandRunner.run(["merge", kube, "-o", b]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
  }

  @Test func mergeRefusesAnUnfinishedJobAndWritesNothing() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try TemporaryDirectory()
    let input = try folder.write("chat.jsonl", Self.chat(30))
    let parts = folder.path("parts")
    let run = try CommandRunner.run(["convert", input, "--to", "sharegpt", "-o", parts, "--shard", "0/3", "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    let out = folder.path("out.jsonl")
    let merge = try CommandRunner.run(["merge", parts, "-o", out])
    #expect(merge.status == 2 && merge.stderr.contains("2 of 3 shards have not finished"), "\(merge.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
    let other = try CommandRunner.run(["convert", input, "--to", "sharegpt", "-o", parts, "--shard", "0/4", "--quiet"])
    #expect(other.status == 2 && other.stderr.contains("3-shard run"), "\(other.stderr)")
  }
}

extension ShardCommandTests {
  /// Over 5 s: `swift test --skip LongTests` leaves them out locally.
  @Suite(.tags(.long)) struct LongTests {
    /// The issue's target: a shard killed (SIGKILL) mid-write leaves no part file; its rerun
    /// finishes the job and the merged result equals one process.
    @Test func aShardKilledMidWriteLeavesNoPartAndItsRerunCompletesTheJob() throws {
      guard CommandRunner.isAvailable(), let binary = CommandRunner.binary else { return }
      let folder = try TemporaryDirectory()
      let input = try folder.write("chat.jsonl", ShardCommandTests.chat(120_000))
      let parts = folder.path("parts")
      let arguments = ["convert", input, "--to", "sharegpt", "-o", parts, "--shard", "0/2", "--quiet", "--jobs", "1"]
      var killedMidWrite = false
      for delay in [0.4, 0.8, 1.6] where !killedMidWrite {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + ["--force"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let finishedAlready = !process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let names = try FileManager.default.contentsOfDirectory(atPath: parts)
        if !finishedAlready && process.terminationReason == .uncaughtSignal {
          killedMidWrite = true
          #expect(!names.contains("part-00000-of-00002.jsonl"), "\(names)")
          #expect(!names.contains("part-00000-of-00002.done.json"), "\(names)")
        }
      }
      #expect(killedMidWrite, "the shard finished before it could be killed; make the input larger")
      for index in 0..<2 {
        let rerun = try CommandRunner.run(["convert", input, "--to", "sharegpt", "-o", parts, "--shard", "\(index)/2", "--quiet"], timeout: 300)
        #expect(rerun.status == 0, "\(rerun.stderr)")
      }
      #expect(!(try FileManager.default.contentsOfDirectory(atPath: parts)).contains { $0.contains(".tmp-") })
      let merged = folder.path("merged.jsonl")
      let one = folder.path("one.jsonl")
      #expect(try CommandRunner.run(["merge", parts, "-o", merged]).status == 0)
      #expect(try CommandRunner.run(["convert", input, "--to", "sharegpt", "-o", one, "--quiet"], timeout: 300).status == 0)
      #expect(try Data(contentsOf: URL(fileURLWithPath: merged)) == Data(contentsOf: URL(fileURLWithPath: one)))
    }
  }
}
