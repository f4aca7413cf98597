import Foundation

/// Why dedup could not run; each case names the file and line or option at fault.
public enum DedupError: Error, Sendable, Equatable, LocalizedError {
  /// A record has no text to compare.
  case noText(path: String, line: Int, field: String?)
  /// An option value is out of range.
  case badOption(String)
  /// An intermediate (signatures or pairs) file is unreadable or does not match the settings.
  case badIntermediate(path: String, reason: String)
  /// The input being written is not the one the signatures were made from (another file, or
  /// the same file changed since): its records cannot be matched by position.
  case inputMismatch(path: String)

  /// `path:line: message`.
  public var errorDescription: String? {
    switch self {
    case .noText(let path, let line, let field?):
      return "\(path):\(line): no text at '\(field)' (expected a string or an array of strings/messages)"
    case .noText(let path, let line, nil):
      return "\(path):\(line): record has no text: expected a document 'text', chat 'messages', "
        + "'prompt'/'completion', alpaca 'instruction' or sharegpt 'conversations'; choose one with --field"
    case .badOption(let message):
      return message
    case .badIntermediate(let path, let reason):
      return "\(path): \(reason)"
    case .inputMismatch(let path):
      return "\(path): not the input the signatures were made from (its lines differ: another file, or changed since); "
        + "nothing written. Run --stage signatures on this input again"
    }
  }
}
