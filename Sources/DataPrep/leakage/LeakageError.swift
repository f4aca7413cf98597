import Foundation

/// Why a leakage check could not run.
public enum LeakageError: Error, Sendable, Equatable, LocalizedError {
  /// A record has no text to compare.
  case noText(path: String, line: Int, field: String?)
  /// An option value is out of range.
  case badOption(String)

  /// A message naming the file and line, or the option.
  public var errorDescription: String? {
    switch self {
    case .noText(let path, let line, let field):
      if let field { return "\(path):\(line): no text at --field \(field)" }
      return "\(path):\(line): record has no text (no `text`, `messages`, `prompt`, `instruction` or `conversations`); use --field PATH"
    case .badOption(let message): return message
    }
  }
}
