/// How serious a finding is; `off` in a rule disables a check.
public enum FindingSeverity: String, Sendable, Codable, Comparable, CaseIterable {
  /// Informational: worth knowing, never fails a run.
  case note
  /// Fails the run only with `--strict`.
  case warning
  /// Fails the run (exit status 1).
  case error

  private var rank: Int {
    switch self {
    case .note: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  /// Orders note < warning < error.
  public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool { lhs.rank < rhs.rank }
}
