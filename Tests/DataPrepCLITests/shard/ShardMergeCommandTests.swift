import Foundation
import Testing

import DataPrep

/// `--shard I/N` on tokens, stats, leakage, split and validate: for N in {1, 2, 4, 7}, the
/// shards joined by `dataprep merge` give the bytes and exit status of one process.
@Suite struct ShardMergeCommandTests {
  /// The shard counts the long tests add to the 4 of the short ones.
  static let longCounts = [1, 2, 7]

  @Test func tokensShardsMergeToTheTotalsAndLinesOfOneProcess() throws {
    guard CommandRunner.isAvailable() else { return }
    try Self.checkTokens(count: 4)
  }

  @Test func statsShardsMergeToTheReportOfOneProcess() throws {
    guard CommandRunner.isAvailable() else { return }
    try Self.checkStats(count: 4)
  }

  @Test func leakageShardsScanTheTrainingRangesAndMergeToOneProcess() throws {
    guard CommandRunner.isAvailable() else { return }
    try Self.checkLeakage(count: 4)
  }

  @Test func splitShardsMergeToTheFilesOfOneProcess() throws {
    guard CommandRunner.isAvailable() else { return }
    try Self.checkSplit(count: 4)
  }

  @Test func validateShardsMergeToTheTextReportOfOneProcess() throws {
    guard CommandRunner.isAvailable() else { return }
    try Self.checkValidate(count: 4)
  }

  static func checkTokens(count: Int) throws {
    let checks = try ShardedChecks()
    let input = try checks.chatDataset()
    let clean = try checks.cleaned(input, name: "clean.jsonl")
    let tokenizer = try checks.tokenizer()
    for mode in [[], ["--each"], ["--ids"]] {
      let arguments = ["tokens", clean, "--tokenizer", tokenizer] + mode
      let whole = try CommandRunner.run(arguments)
      let merged = try checks.sharded(arguments, count: count, partsFlag: "-o")
      #expect(whole.status == 0 && merged.status == 0, "\(merged.stderr)")
      #expect(merged.stdout == whole.stdout, "tokens \(mode) in \(count) shards")
      #expect(merged.stderr == whole.stderr)
    }
  }

  static func checkStats(count: Int) throws {
    let checks = try ShardedChecks()
    let train = try checks.chatDataset()
    let clean = try checks.cleaned(train, name: "clean.jsonl")
    let validation = try checks.validationDataset(copying: clean)
    let tokenizer = try checks.tokenizer()
    for arguments in [["stats", clean], ["stats", clean, validation, "--output", "json", "--max-tokens", "60"]] {
      let whole = try CommandRunner.run(arguments + ["--tokenizer", tokenizer])
      let merged = try checks.sharded(arguments + ["--tokenizer", tokenizer], count: count, partsFlag: "-o")
      #expect(whole.status == 0 && merged.status == 0, "\(merged.stderr)")
      #expect(!whole.stdout.isEmpty && merged.stdout == whole.stdout, "\(arguments) in \(count) shards")
    }
  }

  static func checkLeakage(count: Int) throws {
    let checks = try ShardedChecks()
    let train = try checks.chatDataset()
    let clean = try checks.cleaned(train, name: "clean.jsonl")
    let validation = try checks.validationDataset(copying: clean)
    let against = try checks.folder.write("eval.txt", "Held out answer number 3 with some words.\n\nnothing in common here at all\n")
    for extra in [[], ["--output", "json", "--against", against, "--ngram", "5"], ["--max-leaks", "100", "--limit", "2"]] {
      let arguments = ["leakage", "--train", clean, "--validation", validation] + extra
      let whole = try CommandRunner.run(arguments)
      let merged = try checks.sharded(arguments, count: count, partsFlag: "-o")
      #expect(merged.status == whole.status, "\(extra): \(merged.stderr)")
      #expect(!whole.stdout.isEmpty && merged.stdout == whole.stdout, "\(extra) in \(count) shards")
    }
  }

  static func checkSplit(count: Int) throws {
    let checks = try ShardedChecks()
    let train = try checks.chatDataset()
    let input = try checks.cleaned(train, name: "all.jsonl")
    for extra in [["--ratio", "0.8"], ["--ratio", "0.7,0.2,0.1", "--group-by", "metadata.task", "--no-leak"], ["--ratio", "0.6", "--no-leak", "--leak-action", "drop"]] {
      let out = checks.folder.path("out")
      let reference = checks.folder.path("reference-\(UUID().uuidString)")
      let whole = try CommandRunner.run(["split", input, "-o", out] + extra)
      try FileManager.default.moveItem(atPath: out, toPath: reference)
      let merged = try checks.sharded(["split", input] + extra, count: count, partsFlag: "-o", mergeArguments: ["-o", out])
      #expect(merged.status == whole.status, "\(extra): \(merged.stderr)")
      #expect(merged.stderr == whole.stderr, "\(extra) in \(count) shards")
      for name in ["train.jsonl", "validation.jsonl", "test.jsonl", "split.json"] {
        #expect(checks.bytes("\(out)/\(name)") == checks.bytes("\(reference)/\(name)"), "\(name) of \(extra) in \(count) shards")
      }
      try FileManager.default.removeItem(atPath: out)
    }
  }

  static func checkValidate(count: Int) throws {
    let checks = try ShardedChecks()
    let train = try checks.chatDataset()
    let validation = try checks.validationDataset(copying: train)
    for arguments in [["validate", train], ["validate", "--train", train, "--validation", validation, "--group-by", "metadata.task", "--max-errors", "2"]] {
      let whole = try CommandRunner.run(arguments)
      let merged = try checks.sharded(arguments, count: count, partsFlag: "--report-file")
      #expect(whole.status == 1 && merged.status == 1, "\(merged.stderr)")
      #expect(merged.stdout == whole.stdout, "\(arguments) in \(count) shards")
      for check in ["[duplicate]", "[conflict]", "[boilerplate]", "[json]", "[mixed-format]"] {
        #expect(whole.stdout.contains(check), "the dataset exercises \(check)")
      }
    }
  }

  @Test func shardsLeftEmptyByMoreShardsThanLinesMergeToOneProcess() throws {
    guard CommandRunner.isAvailable() else { return }
    let checks = try ShardedChecks()
    let train = try checks.chatDataset(records: 3, name: "small.jsonl")
    let whole = try CommandRunner.run(["validate", train])
    let merged = try checks.sharded(["validate", train], count: 7, partsFlag: "--report-file")
    #expect(merged.status == whole.status)
    #expect(merged.stdout == whole.stdout)
    let tokenizer = try checks.tokenizer()
    let clean = try checks.folder.write("one.jsonl", #"{"text":"one two three"}"# + "\n")
    let counted = try CommandRunner.run(["tokens", clean, "--each", "--tokenizer", tokenizer])
    let countedMerged = try checks.sharded(["tokens", clean, "--each", "--tokenizer", tokenizer], count: 7, partsFlag: "-o")
    #expect(countedMerged.status == 0 && countedMerged.stdout == counted.stdout)
  }

  @Test func schedulerArrayVariablesChooseTheShard() throws {
    guard CommandRunner.isAvailable() else { return }
    let checks = try ShardedChecks()
    let train = try checks.cleaned(try checks.chatDataset(), name: "clean.jsonl")
    let tokenizer = try checks.tokenizer()
    let arguments = ["stats", train, "--tokenizer", tokenizer, "--quiet"]
    let whole = try CommandRunner.run(arguments)
    let slurm = checks.folder.path("slurm")
    for task in 5..<8 {
      let environment = ["SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_COUNT": "3"]
      let shard = try CommandRunner.run(arguments + ["-o", slurm], environment: environment)
      #expect(shard.status == 0, "\(shard.stderr)")
    }
    let kubernetes = checks.folder.path("kubernetes")
    for index in 0..<2 {
      let shard = try CommandRunner.run(arguments + ["-o", kubernetes], environment: ["JOB_COMPLETION_INDEX": "\(index)", "DATAPREP_SHARD_COUNT": "2"])
      #expect(shard.status == 0, "\(shard.stderr)")
    }
    for folder in [slurm, kubernetes] {
      let merged = try CommandRunner.run(["merge", folder])
      #expect(merged.status == 0 && merged.stdout == whole.stdout, "\(folder): \(merged.stderr)")
    }
  }

  @Test func splitRefusesShardsWithSettingsThatRankTheWholeInput() throws {
    guard CommandRunner.isAvailable() else { return }
    let checks = try ShardedChecks()
    let input = try checks.chatDataset()
    for flag in [["--exact"], ["--stratify-by", "metadata.task"]] {
      let result = try CommandRunner.run(["split", input, "--shard", "0/2", "-o", checks.folder.path("parts")] + flag)
      #expect(result.status == 2)
      #expect(result.stderr.contains(flag[0]) && result.stderr.contains("--shard"), "\(result.stderr)")
    }
  }

  @Test func aShardNeedsAFolderAndCuttableInput() throws {
    guard CommandRunner.isAvailable() else { return }
    let checks = try ShardedChecks()
    let input = try checks.chatDataset()
    let text = try checks.folder.write("doc.txt", "just one text\n")
    let noFolder = try CommandRunner.run(["stats", input, "--shard", "0/2"])
    #expect(noFolder.status == 2 && noFolder.stderr.contains("folder"), "\(noFolder.stderr)")
    let oneText = try CommandRunner.run(["tokens", text, "--shard", "0/2", "-o", checks.folder.path("parts")])
    #expect(oneText.status == 2 && oneText.stderr.contains("--format jsonl"), "\(oneText.stderr)")
    let stdin = try CommandRunner.run(["validate", "-", "--shard", "1/2", "--report-file", checks.folder.path("parts2")], input: "{}\n")
    #expect(stdin.status == 2 && stdin.stderr.contains("standard input"), "\(stdin.stderr)")
  }

  /// Every command for N in {1, 2, 7} (the short tests run 4), and every report style of
  /// validate with --strict for N in {1, 2, 4, 7}.
  /// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
  @Suite(.tags(.long)) struct LongTests {
    @Test(arguments: ShardMergeCommandTests.longCounts) func everyCommandsShardsMergeToOneProcess(count: Int) throws {
      guard CommandRunner.isAvailable() else { return }
      try ShardMergeCommandTests.checkTokens(count: count)
      try ShardMergeCommandTests.checkStats(count: count)
      try ShardMergeCommandTests.checkLeakage(count: count)
      try ShardMergeCommandTests.checkSplit(count: count)
      try ShardMergeCommandTests.checkValidate(count: count)
    }

    @Test(arguments: [1, 2, 4, 7]) func validateShardsMergeToEveryReportStyleOfOneProcess(count: Int) throws {
      guard CommandRunner.isAvailable() else { return }
      let checks = try ShardedChecks()
      let train = try checks.chatDataset()
      let validation = try checks.validationDataset(copying: train)
      for style in ["json", "github", "junit"] {
        let arguments = ["validate", train, validation, "--output", style, "--strict", "--max-tokens", "40"]
        let whole = try CommandRunner.run(arguments)
        let merged = try checks.sharded(arguments, count: count, partsFlag: "--report-file")
        #expect(merged.status == whole.status, "\(style): \(merged.stderr)")
        #expect(!whole.stdout.isEmpty && merged.stdout == whole.stdout, "\(style) in \(count) shards")
      }
    }
  }
}
