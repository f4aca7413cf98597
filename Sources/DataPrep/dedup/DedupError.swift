import Foundation

/// Why dedup could not run; each case names the file and line or option at fault.
public enum DedupError: Error, Sendable, Equatable, OptionNamingError {
  /// A record has no text to compare.
  case noText(path: String, line: Int, field: String?)
  /// A setting's value is out of range; `requirement` says what it must be.
  case badOption(OptionName, requirement: String)
  /// More LSH bands × rows than permutations.
  case bandsExceedPermutations(product: Int, permutations: Int)
  /// A candidates file was made from the signatures of another input.
  case staleCandidates(path: String, storedDigest: String, signaturesDigest: String)
  /// An intermediate (signatures or pairs) file is unreadable or does not match the settings.
  case badIntermediate(path: String, reason: String)
  /// The input being written is not the one the signatures were made from (another file, or
  /// the same file changed since): its records cannot be matched by position.
  case inputMismatch(path: String)

  /// `path:line: message`.
  public func message(naming name: (OptionName) -> String) -> String {
    switch self {
    case .noText(let path, let line, let field?):
      return "\(path):\(line): no text at '\(field)' (expected a string or an array of strings/messages)"
    case .noText(let path, let line, nil):
      return "\(path):\(line): record has no text: expected a document 'text', chat 'messages', "
        + "'prompt'/'completion', alpaca 'instruction' or sharegpt 'conversations'; choose one with \(name(.field))"
    case .badOption(let option, let requirement):
      return "\(name(option)) \(requirement)"
    case .bandsExceedPermutations(let product, let permutations):
      return "\(name(.bands)) × \(name(.rows)) (\(product)) exceeds \(name(.permutations)) (\(permutations))"
    case .staleCandidates(let path, let stored, let signatures):
      return "\(path): made from the signatures of another input (digest \(stored), the signatures' is \(signatures)); "
        + "run \(name(.stage)) candidates on these signatures again"
    case .badIntermediate(let path, let reason):
      return "\(path): \(reason)"
    case .inputMismatch(let path):
      return "\(path): not the input the signatures were made from (its lines differ: another file, or changed since); "
        + "nothing written. Run \(name(.stage)) signatures on this input again"
    }
  }
}
