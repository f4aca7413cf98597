/// A kind of leak between a held-out record (validation, test or evaluation set) and a
/// training record; each is counted and reported separately.
public enum LeakKind: String, Sendable, CaseIterable, Comparable {
  /// The two records belong to the same group (`--group-by`, default `metadata.source_id`).
  case sameGroup = "same-group"
  /// The normalised texts are equal.
  case exactDuplicate = "exact-duplicate"
  /// The MinHash-estimated Jaccard similarity of the texts' shingle sets reaches the threshold.
  case nearDuplicate = "near-duplicate"
  /// The texts share a passage of at least `--ngram` consecutive normalised words.
  case sharedPassage = "shared-passage"

  /// Orders kinds as declared (strongest content match first after groups).
  public static func < (l: LeakKind, r: LeakKind) -> Bool {
    allCases.firstIndex(of: l) ?? 0 < allCases.firstIndex(of: r) ?? 0
  }
}
