/// One step of a build run on a cluster (`dataprep build --plan PLAN --step NAME`): a job array
/// of the plan's task count, or a single task, in this order, each after the previous one
/// finished. The local executor runs the same steps in one process.
///
/// Sharded steps read their share of the inputs (``Shard``) and write parts with a completion
/// marker (``ShardPart``); single-task steps join what the steps before them wrote and save what
/// later steps need in their own marker.
///
/// Adding a step (a sharded instruct, dedup's signature/band/filter stages): a case here, in
/// run order, with ``isSharded``; its body in `BuildPipeline+Steps.swift`, writing a
/// ``ShardPart`` into `BuildPlan.folder(of:)` with `BuildPlan.fingerprint(of:digest:)`; a case in
/// `BuildPlan.run` calling it; the next single-task step joining its parts
/// (``ShardPartsMerger``); the parts of ``BuildResult`` it fills saved by `BuildState` when they
/// cross a step; and the same call in `BuildPipeline.runStages`, so the local build keeps
/// running every step in turn. The scripts and manifests follow from this list.
public enum BuildStep: String, Sendable, CaseIterable {
  /// Sharded: each task digests `files[I::N]` of the sources and extracts `inputs[I::N]` into
  /// a part of documents, named as the local build names them.
  case extract
  /// One task: the extract parts joined in listing order, site furniture removed, duplicate
  /// documents removed (dedup compares every document with every other one).
  case prepare
  /// One task: instruct, example dedup, split, leakage, validate, the reports; the folder is
  /// installed as the local build installs it.
  case finish

  /// Whether the step runs as a job array of the plan's task count (else as one task).
  public var isSharded: Bool {
    switch self {
    case .extract: return true
    case .prepare, .finish: return false
    }
  }

  /// The name recorded in the step's markers.
  var stage: String { "build-" + rawValue }

  /// The step names, for messages.
  public static var names: [String] { allCases.map(\.rawValue) }
}
