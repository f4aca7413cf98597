import Foundation

/// Why the model generator cannot run with its settings.
public enum ModelGeneratorError: Error, Sendable, Equatable, LocalizedError {
  /// A setting is out of range; `name` is its recipe key, `requirement` what it must be.
  case badSetting(name: String, requirement: String)

  /// A message naming the setting and what it must be.
  public var errorDescription: String? {
    switch self {
    case .badSetting(let name, let requirement):
      return "generator setting `\(name)` \(requirement)"
    }
  }
}
