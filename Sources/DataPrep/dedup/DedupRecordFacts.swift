/// What choosing a cluster's survivor needs of one record: whether it is a reference, its text
/// length (for `--keep longest`/`shortest`) and its exact hash (to tell exact from near members).
struct DedupRecordFacts: Sendable, Equatable {
  /// Whether the record comes from an `--against` file.
  var isReference: Bool
  /// UTF-8 length of its text.
  var textLength: UInt32
  /// XXH64 of its normalised text.
  var exactHash: UInt64

  /// Whether record `a` (with facts `fa`) is preferred to record `b` as the survivor under
  /// `keep`: references always win; then the keep policy; then input position.
  static func prefers(_ a: Int, _ fa: DedupRecordFacts, _ b: Int, _ fb: DedupRecordFacts, keep: DedupOptions.KeepPolicy) -> Bool {
    if fa.isReference != fb.isReference { return fa.isReference }
    switch keep {
    case .first: break
    case .longest:
      if fa.textLength != fb.textLength { return fa.textLength > fb.textLength }
    case .shortest:
      if fa.textLength != fb.textLength { return fa.textLength < fb.textLength }
    }
    return a < b
  }
}
