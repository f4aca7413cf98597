/// Whether a file is training or validation data (scarcity thresholds differ).
public enum DatasetRole: String, Sendable, Codable {
  /// Training data.
  case training
  /// Held-out validation data.
  case validation

  /// `validation` for files named `validation*`, `valid*`, `val.*`, `val_*`, `dev*` or `eval*`; else `training`.
  public static func guess(path: String) -> DatasetRole {
    let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
    for prefix in ["validation", "valid", "val.", "val_", "val-", "dev.", "dev_", "dev-", "eval"] where name.hasPrefix(prefix) {
      return .validation
    }
    return .training
  }
}
