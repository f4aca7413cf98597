import Foundation

/// Why an HTML or XML input could not be parsed into a tree.
///
/// Messages name the line where libxml2 reports one; the caller prefixes the file name.
public enum MarkupParseError: Error, Equatable, Sendable, LocalizedError {
  /// The input has no bytes.
  case empty
  /// The input is larger than libxml2 accepts in one piece (2 GiB).
  case tooLarge(bytes: Int)
  /// The XML is not well-formed (or otherwise rejected), at `line` (0 when unknown).
  case malformed(message: String, line: Int)
  /// Internal entity references expand to more text than allowed (an entity-expansion attack).
  case entityExpansionTooLarge(limit: Int)

  /// A message naming what is wrong and, for malformed XML, the line; the caller prefixes the file.
  public var errorDescription: String? {
    switch self {
    case .empty:
      return "the input is empty"
    case .tooLarge(let bytes):
      return "the input is \(bytes) bytes; at most 2 GiB can be parsed as one document (use record mode for larger XML)"
    case .malformed(let message, let line):
      return line > 0 ? "line \(line): \(message)" : message
    case .entityExpansionTooLarge(let limit):
      return "entity references expand to more than \(limit) bytes of text; refusing (possible entity-expansion attack)"
    }
  }
}
