import Foundation

/// Why `instruct` could not run: a bad document record or a bad template.
public enum InstructError: Error, Sendable, Equatable, LocalizedError {
  /// A documents JSONL record lacks a field or has the wrong type.
  case badDocument(path: String, line: Int, field: String, problem: String)
  /// The template file cannot be read or is not a valid template.
  case badTemplate(path: String, problem: String)
  /// The options ask for something the target format cannot hold.
  case unsupported(String)

  /// A message naming the file and line or field.
  public var errorDescription: String? {
    switch self {
    case .badDocument(let path, let line, let field, let problem):
      return "\(path):\(line): `\(field)`: \(problem) (expected a document as `dataprep extract` writes)"
    case .badTemplate(let path, let problem):
      return "\(path): template: \(problem)"
    case .unsupported(let message):
      return message
    }
  }
}
