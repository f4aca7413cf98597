import Foundation

/// Why a shard could not be chosen or its outputs written; each message says what to change.
public enum ShardError: Error, Sendable, Equatable, LocalizedError {
  /// `--shard` is not `I/N`.
  case badSpecification(String)
  /// The index is not in `0..<count`, or the count is below 1 or above ``Shard/maximumCount``.
  case outOfRange(index: Int, count: Int)
  /// A scheduler variable holds something that is not a number in range.
  case badEnvironment(name: String, value: String)
  /// A Kubernetes index is set but nothing says how many indexes the job has.
  case missingCount(index: Int)
  /// A shard count was given with a shard that names its own count.
  case conflictingCount(shard: Shard, count: Int)
  /// The input cannot be cut by byte ranges (standard input, a gzip file).
  case cannotSplit(path: String, reason: String)
  /// An earlier run left outputs in the folder for another shard count or other inputs.
  case staleOutputs(folder: String, reason: String)
  /// A part or marker is missing, damaged or disagrees with the others at merge time.
  case badParts(reason: String)

  public var errorDescription: String? {
    switch self {
    case .badSpecification(let text):
      return "--shard \(text): expected I/N, the 0-based task index and the task count (e.g. 3/16)"
    case .outOfRange(let index, let count):
      return "shard \(index)/\(count): the index must be in 0..<count and the count in 1...\(Shard.maximumCount)"
    case .badEnvironment(let name, let value) where name == "SLURM_ARRAY_TASK_STEP" || name == "SLURM_ARRAY_TASK_MAX":
      return "\(name)=\(value): the job array's ids must be one contiguous range with step 1 (e.g. --array=0-15, "
        + "throttling with %N is fine) to name shards; or pass --shard I/N"
    case .badEnvironment(let name, let value):
      return "\(name)=\(value): expected a non-negative integer (set by the scheduler); unset it or pass --shard I/N"
    case .missingCount(let index):
      return "JOB_COMPLETION_INDEX=\(index) but no shard count: pass --shard-count N or set DATAPREP_SHARD_COUNT to the job's completions"
    case .conflictingCount(let shard, let count):
      return "--shard \(shard) and a shard count of \(count) disagree; give one of them"
    case .cannotSplit(let path, let reason):
      return "\(path): cannot be split into shards: \(reason)"
    case .staleOutputs(let folder, let reason):
      return "\(folder): \(reason); remove the folder's parts or pass --force to start over"
    case .badParts(let reason):
      return "cannot merge: \(reason)"
    }
  }
}
