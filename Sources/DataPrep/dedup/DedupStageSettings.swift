/// How a staged dedup job (``DedupJob``, all but ``DedupJob/all(input:against:)``) runs as one
/// task of a job array: its shard, the settings that name the job, and whether a finished shard
/// runs again.
public struct DedupStageSettings: Sendable {
  /// The shard (``Shard/whole`` for one task).
  public var shard: Shard
  /// What shapes the outputs besides the options (the command's flags), for the job's fingerprint.
  public var settings: [String]
  /// Run a finished shard again and clear parts of another shard count.
  public var force: Bool

  /// A stage run as `shard` of a job named by `settings`.
  public init(shard: Shard = .whole, settings: [String] = [], force: Bool = false) {
    self.shard = shard
    self.settings = settings
    self.force = force
  }
}
