import Foundation

/// Why `redact` could not run, worded so the user knows what to change.
public enum RedactError: LocalizedError, Sendable, Equatable {
  /// A `--kinds` entry that is no kind.
  case unknownKind(String)
  /// `--mode pseudonym` without a key.
  case missingKey
  /// A `--mode` that is no mode.
  case unknownMode(String)
  /// A `--keep` pattern that would keep every value (empty, or only `*`).
  case badKeepPattern(String)

  /// The message shown to the user.
  public var errorDescription: String? {
    switch self {
    case .unknownKind(let name):
      return "unknown kind '\(name)': use a comma-separated list of \(PIIKind.allCases.map(\.rawValue).joined(separator: ", ")) or all"
    case .missingKey:
      return "--mode pseudonym needs a key: pass --key or set DATAPREP_REDACT_KEY (keep it secret: it links stand-ins to values)"
    case .unknownMode(let name):
      return "unknown mode '\(name)': use mask, pseudonym or drop-record"
    case .badKeepPattern(let pattern):
      return "keep pattern '\(pattern)' would keep every value: give a value or a pattern such as *@example.org (to keep a whole kind, leave it out of the kinds)"
    }
  }
}
