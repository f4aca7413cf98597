import Foundation

/// Why one record could not be read in its format or written in another. ``ExampleConverter``
/// adds the file and line.
public enum FormatError: Error, Sendable, Equatable, OptionNamingError {
  /// The record has none of the keys that identify a format.
  case unknownShape(keys: [String])
  /// A field is missing or has the wrong type or value.
  case malformed(field: String, problem: String)
  /// The example holds something the target format has no place for.
  case unrepresentable(format: ExampleFormat, reason: String)

  /// What is wrong, in a form the user can act on.
  public func message(naming name: (OptionName) -> String) -> String {
    switch self {
    case .unknownShape(let keys):
      let list = keys.isEmpty ? "no keys" : "keys " + keys.map { "`\($0)`" }.joined(separator: ", ")
      return "not a known example format (\(list)); use \(name(.from)) to name it (\(ExampleFormat.names.joined(separator: ", ")))"
    case .malformed(let field, let problem):
      return "`\(field)`: \(problem)"
    case .unrepresentable(let format, let reason):
      return "cannot be written as \(format.rawValue): \(reason)"
    }
  }
}
