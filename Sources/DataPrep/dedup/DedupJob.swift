/// What one call of ``Deduplicator/run(_:output:clusters:)`` does: every stage at once, or one
/// of the stages that can run as separate jobs (signatures, candidate pairs per band range,
/// clusters), each reading and writing files.
public enum DedupJob: Sendable, Equatable {
  /// Every stage: `input` (and the reference files `against`) to the kept records of `input`.
  case all(input: String, against: [String] = [])
  /// Sketches `input` and `against` into a signatures file.
  case signatures(input: String, against: [String] = [])
  /// Candidate pairs of the LSH bands in `bandRange` (all by default), confirmed, to a pairs file.
  case candidates(signatures: String, bandRange: Range<Int>? = nil)
  /// Clusters from a signatures file and pair files, to the kept records of `input`.
  case clusters(input: String, signatures: String, pairs: [String])

  /// A band range written `FIRST-LAST` (0-based, inclusive, e.g. `0-12`), or `nil` when the
  /// text is not one.
  public static func bandRange(parsing text: String) -> Range<Int>? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 2, parts[0] >= 0, parts[1] >= parts[0] else { return nil }
    return parts[0]..<(parts[1] + 1)
  }
}
