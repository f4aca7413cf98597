/// How `--clusters` names one record: its id, its line, and for a reference record the
/// `--against` file it comes from.
struct DedupRecordLabel: Sendable, Equatable {
  /// `id`, `metadata.id`, else `line:N` (`FILE:line:N` for references).
  var id: String
  /// The 1-based line in its file.
  var line: Int32
  /// The reference file, `nil` for input records.
  var referenceFile: String?
}
