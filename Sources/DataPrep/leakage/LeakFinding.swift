/// One leak: a held-out record (`heldOut`: validation, test or evaluation-set record) whose
/// content or group is also in `found` (a training record, or a validation record for `--against`).
public struct LeakFinding: Sendable, Hashable {
  /// What is shared.
  public var kind: LeakKind
  /// The held-out record that leaked.
  public var heldOut: LeakRecordReference
  /// The record it leaked into.
  public var found: LeakRecordReference
  /// Similarity: estimated Jaccard for near duplicates, 1 for exact duplicates.
  public var similarity: Double?
  /// The longest shared passage (normalised words), for shared passages.
  public var passage: String?
  /// The passage's length in words.
  public var passageWords: Int?
  /// Which part of the held-out record the passage is in (prompt or response for instruction data).
  public var part: LeakagePart?
  /// The shared group key, for same-group leaks.
  public var group: String?

  /// A finding of `kind` between `heldOut` and `found`.
  public init(kind: LeakKind, heldOut: LeakRecordReference, found: LeakRecordReference) {
    self.kind = kind
    self.heldOut = heldOut
    self.found = found
  }
}
