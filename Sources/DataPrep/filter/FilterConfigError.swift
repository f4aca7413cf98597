import Foundation

/// A `filter` setting that cannot be used, from a config file, a recipe or a flag.
public enum FilterConfigError: Error, LocalizedError, Equatable {
  /// The config file is not YAML dataprep can read.
  case unreadable(path: String, reason: String)
  /// A key has a value of the wrong kind.
  case badValue(path: String, key: String, expected: String)
  /// A key no rule set has.
  case unknownKey(path: String, key: String)
  /// A rule set name that does not exist.
  case unknownRuleSet(path: String, name: String)

  public var errorDescription: String? {
    switch self {
    case .unreadable(let path, let reason): return "\(path): \(reason)"
    case .badValue(let path, let key, let expected): return "\(path): '\(key)' must be \(expected)"
    case .unknownKey(let path, let key):
      return "\(path): unknown filter setting '\(key)' (see docs/filter.md for the names of each rule set's thresholds)"
    case .unknownRuleSet(let path, let name):
      return "\(path): unknown rule set '\(name)' (expected \(QualityRuleSet.allCases.map(\.rawValue).joined(separator: ", ")) or all)"
    }
  }
}
