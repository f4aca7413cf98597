import Foundation

/// The shard a process runs as, and where that came from: the `--shard` flag, the scheduler's
/// array variables (Slurm job arrays, Kubernetes Indexed Jobs), or neither (one process).
public struct ShardSelection: Sendable, Equatable {
  /// Where a shard came from.
  public enum Source: String, Sendable, Equatable {
    /// `--shard I/N`.
    case flag
    /// `SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN` of `SLURM_ARRAY_TASK_COUNT`.
    case slurm
    /// `JOB_COMPLETION_INDEX` of `--shard-count` or `DATAPREP_SHARD_COUNT`.
    case kubernetes
    /// No flag and no scheduler: the whole job in one process.
    case none
  }

  /// The shard.
  public var shard: Shard
  /// Where it came from.
  public var source: Source

  /// Whether the run writes shard parts (a flag or a scheduler chose a shard) rather than the
  /// one output of a plain run.
  public var isSharded: Bool { source != .none }

  /// A selection of `shard` from `source`.
  public init(shard: Shard, source: Source) {
    self.shard = shard
    self.source = source
  }

  /// The shard for this process: `flag` (`I/N`) when given; else Slurm's array variables; else
  /// a Kubernetes completion index with its count from `shardCount` or `DATAPREP_SHARD_COUNT`;
  /// else the whole job.
  /// - Throws: ``ShardError`` for a bad flag or variable, or an index without a count.
  public static func resolve(
    flag: String?, shardCount: Int? = nil, environment: [String: String]
  ) throws(ShardError) -> ShardSelection {
    if let flag {
      let shard = try Shard(parsing: flag)
      if let shardCount, shardCount != shard.count { throw .conflictingCount(shard: shard, count: shardCount) }
      return ShardSelection(shard: shard, source: .flag)
    }
    if let id = environment["SLURM_ARRAY_TASK_ID"] {
      let task = try number("SLURM_ARRAY_TASK_ID", id)
      var minimum = 0
      if let text = environment["SLURM_ARRAY_TASK_MIN"] { minimum = try number("SLURM_ARRAY_TASK_MIN", text) }
      guard let countText = environment["SLURM_ARRAY_TASK_COUNT"] else {
        throw .badEnvironment(name: "SLURM_ARRAY_TASK_COUNT", value: "")
      }
      var count = shardCount ?? 0
      if shardCount == nil { count = try number("SLURM_ARRAY_TASK_COUNT", countText) }
      // `--array=1-7:2` or `--array=0,3,5`: the ids are not `min..<min + count`, so `id - min`
      // is not a position; such arrays cannot name shards.
      if let step = environment["SLURM_ARRAY_TASK_STEP"], step != "1" {
        throw .badEnvironment(name: "SLURM_ARRAY_TASK_STEP", value: step)
      }
      if let maxText = environment["SLURM_ARRAY_TASK_MAX"], let maximum = Int(maxText), maximum - minimum + 1 != count {
        throw .badEnvironment(name: "SLURM_ARRAY_TASK_MAX", value: maxText)
      }
      return ShardSelection(shard: try Shard(index: task - minimum, count: count), source: .slurm)
    }
    if let indexText = environment["JOB_COMPLETION_INDEX"] {
      let index = try number("JOB_COMPLETION_INDEX", indexText)
      var count = shardCount
      if count == nil, let text = environment["DATAPREP_SHARD_COUNT"] { count = try number("DATAPREP_SHARD_COUNT", text) }
      guard let count else { throw .missingCount(index: index) }
      return ShardSelection(shard: try Shard(index: index, count: count), source: .kubernetes)
    }
    if let shardCount, shardCount != 1 {
      throw .missingCount(index: 0)
    }
    return ShardSelection(shard: .whole, source: .none)
  }

  private static func number(_ name: String, _ value: String) throws(ShardError) -> Int {
    guard let n = Int(value.trimmingCharacters(in: .whitespaces)), n >= 0 else {
      throw .badEnvironment(name: name, value: value)
    }
    return n
  }
}
