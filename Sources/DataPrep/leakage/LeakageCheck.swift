/// A whole leakage check: index the held-out files (validation, test) and the evaluation sets,
/// then stream the training file, and the held-out files against the evaluation sets.
public struct LeakageCheck: Sendable {
  /// The settings.
  public var options: LeakageOptions

  /// A check with `options`.
  public init(options: LeakageOptions) {
    self.options = options
  }

  /// Runs the check.
  /// - Parameters:
  ///   - train: the training file (JSONL).
  ///   - heldOut: validation (and test) files (JSONL), checked against `train`.
  ///   - against: external evaluation sets, JSONL or plain text (`.txt`: a record per paragraph),
  ///     checked against `train` and `heldOut`.
  /// - Throws: ``InputError``, ``LeakageError``.
  public func run(train: String, heldOut: [String], against: [String] = []) throws -> LeakageReport {
    let scanner = try LeakageScanner(options: options, heldOut: heldOut, against: against)
    var findings = try scanner.scanTraining(try ByteSource(path: train))
    findings += try scanner.scanHeldOut()
    return scanner.report(findings: findings)
  }

  /// Whether `path` is read as plain text (`.txt`, `.txt.gz`, `.md`) rather than JSONL.
  static func isPlainText(_ path: String) -> Bool {
    let lower = path.lowercased()
    return lower.hasSuffix(".txt") || lower.hasSuffix(".txt.gz") || lower.hasSuffix(".md")
  }
}
