import Foundation

/// Why `dataprep filter` could not judge a record.
public enum FilterError: Error, LocalizedError, Equatable {
  /// The record has no text to judge (no `text`, messages or prompt; or nothing at `--field`).
  case noText(path: String, line: Int, field: String?)
  /// `--annotate` on a record whose `metadata` is not an object.
  case metadataNotObject(path: String, line: Int)

  public var errorDescription: String? {
    switch self {
    case .noText(let path, let line, let field):
      if let field { return "\(path):\(line): the record has no text at '\(field)' (check the field path)" }
      return "\(path):\(line): the record has no text (expected a document's `text`, messages, or prompt and completion; pick another field with --field)"
    case .metadataNotObject(let path, let line):
      return "\(path):\(line): `metadata` is not an object, so --annotate cannot add `metadata.quality` (fix the record or filter without --annotate)"
    }
  }
}
