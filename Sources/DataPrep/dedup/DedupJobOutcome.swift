/// What ``Deduplicator/run(_:output:clusters:stage:)`` did: the whole run's sketches and
/// clusters, or a stage's shard outcome and, for the stages that know it, the summary.
public struct DedupJobOutcome: Sendable {
  /// The sketches and clusters of ``DedupJob/all(input:against:)``.
  public var run: DedupRun?
  /// A stage's shard: finished (marker written) or skipped (done before).
  public var stage: ShardJob.Outcome?
  /// The counts, known to the whole run and to the clusters and filter stages.
  public var summary: DedupSummary?
  /// The clusters stage's clusters, in the clusters file's order, when the stage ran (for the
  /// build's duplicate samples, which need their exact similarities).
  var clusters: [DedupCluster] = []
  /// How the records those clusters name are labelled (id, line, reference file).
  var labels: [Int: DedupRecordLabel] = [:]
}
