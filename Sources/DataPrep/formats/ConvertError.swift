import Foundation

/// Why `convert` stopped, naming the file and line of the record at fault.
public enum ConvertError: Error, Sendable, Equatable, OptionNamingError {
  /// The first record fits no known format, so the file's format cannot be detected.
  case undetectedFormat(path: String, line: Int, keys: [String])
  /// The input holds dataprep documents, which `instruct` (not `convert`) turns into examples.
  case documentsGiven(path: String, line: Int)
  /// A record could not be read in the input format or written in the target format.
  case badRecord(path: String, line: Int, problem: FormatError)

  /// `path:line: message`, the form editors and CI annotate.
  public func message(naming name: (OptionName) -> String) -> String {
    switch self {
    case .undetectedFormat(let path, let line, let keys):
      return "\(path):\(line): " + FormatError.unknownShape(keys: keys).message(naming: name)
    case .documentsGiven(let path, let line):
      return "\(path):\(line): this is a documents file (`id`, `source`, `sections`); use `dataprep instruct` to make examples from it"
    case .badRecord(let path, let line, let problem):
      return "\(path):\(line): " + problem.message(naming: name)
    }
  }
}
