/// What one call of ``Deduplicator/run(_:output:clusters:stage:)`` does: every stage at once, or
/// one of the stages that run as job arrays, each writing shard parts into a folder (see
/// docs/dedup.md): signatures per input shard, candidate pairs per band range, clusters in one
/// task over the pairs, then the kept lines per input shard (joined with `dataprep merge`).
public enum DedupJob: Sendable, Equatable {
  /// Every stage: `input` (and the reference files `against`) to the kept records of `input`.
  case all(input: String, against: [String] = [])
  /// The shard's share of `input` (a byte range) and of `against` (whole files) sketched into a
  /// signatures part.
  case signatures(input: String, against: [String] = [])
  /// The candidate pairs of the shard's range of LSH bands (and exact-hash groups), verified, from
  /// every signatures part in the folder `signatures`, into a pairs part.
  case candidates(signatures: String)
  /// One task: the clusters of the pairs in the folder `pairs`, partial copies, and the
  /// decisions (removed lines, clusters file).
  case clusters(signatures: String, pairs: String)
  /// The shard's share of `input` with the records the decisions in folder `decisions` remove left out.
  case filter(input: String, decisions: String)
}
