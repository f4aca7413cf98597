/// What a dedup job that writes kept records found: the sketches (each record's file and line)
/// and the clusters with their summary.
public struct DedupRun: Sendable {
  /// The records sketched: the input (file 0), then the reference files.
  var table: SketchTable
  /// The clusters, which records are kept, and the counts.
  public var result: DedupResult
}
