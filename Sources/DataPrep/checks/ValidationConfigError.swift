import Foundation

/// Why a `validate` config file could not be used.
public enum ValidationConfigError: Error, Sendable, Equatable, LocalizedError {
  /// The file is not readable YAML of the expected shape.
  case unreadable(path: String, reason: String)
  /// A key holds a value of the wrong kind.
  case badValue(path: String, key: String, expected: String)
  /// A key is not one `validate` knows (a typo would otherwise be ignored silently).
  case unknownKey(path: String, key: String)
  /// A rule names no check.
  case unknownCheck(path: String, name: String)

  /// A message naming the file and key.
  public var errorDescription: String? {
    switch self {
    case .unreadable(let path, let reason): return "\(path): \(reason)"
    case .badValue(let path, let key, let expected): return "\(path): '\(key)' must be \(expected)"
    case .unknownKey(let path, let key): return "\(path): unknown key '\(key)' in the validate config"
    case .unknownCheck(let path, let name):
      return "\(path): rules: unknown check '\(name)'; checks are \(ValidationCheck.allCases.map(\.rawValue).joined(separator: ", "))"
    }
  }
}
