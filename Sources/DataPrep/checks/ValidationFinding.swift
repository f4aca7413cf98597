/// One problem `validate` found: where, how serious, which check and why.
public struct ValidationFinding: Sendable, Hashable, Codable {
  /// The file as given on the command line.
  public var file: String
  /// The 1-based line, or `nil` for a finding about the whole file or dataset.
  public var line: Int?
  /// How serious it is.
  public var severity: FindingSeverity
  /// The check that found it.
  public var check: ValidationCheck
  /// What is wrong and, for thresholds, the threshold and its reason.
  public var message: String

  /// A finding.
  public init(file: String, line: Int?, severity: FindingSeverity, check: ValidationCheck, message: String) {
    self.file = file
    self.line = line
    self.severity = severity
    self.check = check
    self.message = message
  }
}
