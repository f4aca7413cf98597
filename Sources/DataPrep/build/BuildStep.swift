/// One step of a build run on a cluster (`dataprep build --plan PLAN --step NAME`): a job array
/// of the plan's task count, or a single task, in this order, each after the previous one
/// finished. The local executor runs the same steps in one process.
///
/// Sharded steps read their share of the inputs (``Shard``) and write parts with a completion
/// marker (``ShardPart``); single-task steps join what the steps before them wrote and save what
/// later steps need in their own marker.
///
/// Adding a step: a case here, in
/// run order, with ``isSharded``; its body in `BuildPipeline+Steps.swift`, writing a
/// ``ShardPart`` into `BuildPlan.folder(of:)` with `BuildPlan.fingerprint(of:digest:)`; a case in
/// `BuildPlan.run` calling it; the next single-task step joining its parts
/// (``ShardPartsMerger``); the parts of ``BuildResult`` it fills saved by `BuildState` when they
/// cross a step; and the same call in `BuildPipeline.runStages`, so the local build keeps
/// running every step in turn (or the one-process form of the stage, when the sharded form
/// would only add work in one process: the local build instructs the documents directly, each
/// example rendered once, instead of writing candidates and resolving them). The scripts and
/// manifests follow from this list.
public enum BuildStep: String, Sendable, CaseIterable {
  /// Sharded: each task digests `files[I::N]` of the sources and extracts `inputs[I::N]` into
  /// a part of documents, named as the local build names them.
  case extract
  /// One task: the extract parts joined in listing order, site furniture learned across the
  /// set and removed (the local build also removes duplicate documents here).
  case prepare
  /// Sharded: dedup's signatures of each task's byte range of the prepared documents.
  case dedupSignatures = "dedup-signatures"
  /// Sharded: the verified candidate pairs of each task's range of LSH bands.
  case dedupCandidates = "dedup-candidates"
  /// One task: the clusters of the pairs (memory grows with the pairs), partial copies, the
  /// decisions; the summary and the duplicate samples the report shows.
  case dedupClusters = "dedup-clusters"
  /// Sharded: each task's byte range of the prepared documents without the removed ones.
  case dedupFilter = "dedup-filter"
  /// Sharded: each task writes the instruct candidates (examples rendered, both title variants
  /// when the titles before it decide) of the documents its dedup-filter shard kept.
  case instruct
  /// One task: the instruct candidates resolved in input order into the examples one process
  /// writes (title suffixes, the StackExchange join, prompts already written).
  case examples
  /// Sharded: example dedup's signatures of each task's byte range of the examples (and of its
  /// share of the previous build's splits, on an incremental build).
  case exampleDedupSignatures = "example-dedup-signatures"
  /// Sharded: the example pairs of each task's range of bands.
  case exampleDedupCandidates = "example-dedup-candidates"
  /// One task: the example clusters, the summary and samples the report shows.
  case exampleDedupClusters = "example-dedup-clusters"
  /// Sharded: each task's byte range of the examples without the removed ones.
  case exampleDedupFilter = "example-dedup-filter"
  /// One task: split, leakage, validate, the reports; the folder is installed as the local
  /// build installs it.
  case finish

  /// Whether the step runs as a job array of the plan's task count (else as one task).
  public var isSharded: Bool {
    switch self {
    case .extract, .dedupSignatures, .dedupCandidates, .dedupFilter, .instruct, .exampleDedupSignatures, .exampleDedupCandidates,
      .exampleDedupFilter:
      return true
    case .prepare, .dedupClusters, .examples, .exampleDedupClusters, .finish:
      return false
    }
  }

  /// The name recorded in the step's markers.
  var stage: String { "build-" + rawValue }

  /// The step names, for messages.
  public static var names: [String] { allCases.map(\.rawValue) }
}
