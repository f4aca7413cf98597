import ArgumentParser
import DataPrep
import Foundation

/// `--shard I/N`, `--shard-count N` and `--force`: how a command runs as one task of a job array.
struct ShardOptions: ParsableArguments {
  @Option(
    name: .long,
    help: """
      Run as shard I of N (0-based) and write part files and a completion marker into the output \
      folder (-o; validate: --report-file) \
      (default: the scheduler's array task: Slurm's SLURM_ARRAY_TASK_ID, Kubernetes' JOB_COMPLETION_INDEX; \
      else one process). Join the parts with `dataprep merge`.
      """)
  var shard: String?

  @Option(name: .long, help: "The shard count of a Kubernetes Indexed Job (default: DATAPREP_SHARD_COUNT).")
  var shardCount: Int?

  @Flag(name: .long, help: "Replace existing outputs; with shards, run a finished shard again and clear parts of another shard count.")
  var force = false

  /// The shard this process runs as.
  func selection() throws -> ShardSelection {
    try ShardSelection.resolve(flag: shard, shardCount: shardCount, environment: ProcessInfo.processInfo.environment)
  }

  /// The command's arguments that shape its output: all but the shard's own, `--jobs`,
  /// `--quiet` and `--force`, for the job's fingerprint.
  static var settings: [String] {
    let dropped: Set<String> = ["--shard", "--shard-count", "--jobs"]
    let flags: Set<String> = ["--force", "--quiet"]
    var result: [String] = []
    var skipNext = false
    for argument in CommandLine.arguments.dropFirst() {
      if skipNext {
        skipNext = false
        continue
      }
      if dropped.contains(argument) {
        skipNext = true
        continue
      }
      if flags.contains(argument) || dropped.contains(where: { argument.hasPrefix($0 + "=") }) { continue }
      result.append(argument)
    }
    return result
  }

  /// A line on stderr saying a shard was skipped or written (unless `quiet`).
  static func report(_ outcome: ShardJob.Outcome, folder: String, quiet: Bool) {
    guard !quiet else { return }
    let marker = outcome.marker
    let line: String
    switch outcome {
    case .skipped:
      line = "shard \(marker.shard) already done (\(folder)/\(marker.shard.partStem).done.json); --force runs it again"
    case .finished:
      line = "shard \(marker.shard) done: \(folder)/\(marker.shard.partStem).*"
    }
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
