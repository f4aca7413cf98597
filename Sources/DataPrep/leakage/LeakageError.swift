import Foundation

/// Why a leakage check could not run.
public enum LeakageError: Error, Sendable, Equatable, OptionNamingError {
  /// A record has no text to compare.
  case noText(path: String, line: Int, field: String?)
  /// A setting's value is out of range; `requirement` says what it must be.
  case badOption(OptionName, requirement: String)
  /// A worker failed for a reason that is not a leakage error.
  case failed(reason: String)

  /// A message naming the file and line, or the option.
  public func message(naming name: (OptionName) -> String) -> String {
    switch self {
    case .noText(let path, let line, let field):
      if let field { return "\(path):\(line): no text at \(name(.field)) \(field)" }
      return "\(path):\(line): record has no text (no `text`, `messages`, `prompt`, `instruction` or `conversations`); use \(name(.field)) PATH"
    case .badOption(let option, let requirement): return "\(name(option)) \(requirement)"
    case .failed(let reason): return reason
    }
  }
}
