/// The result of `validate`: what was read, the findings (at most the configured number per
/// check, in the order found) and the full counts.
public struct ValidationReport: Sendable, Codable {
  /// What one input file held.
  public struct FileSummary: Sendable, Codable, Hashable {
    /// The path as given.
    public var path: String
    /// Training or validation.
    public var role: DatasetRole
    /// The format detected or given, `nil` when no record had a known shape.
    public var format: DatasetFormat?
    /// Records read (non-blank lines holding a JSON object).
    public var records: Int
    /// Bytes read (uncompressed).
    public var bytes: Int64
  }

  /// How many findings one check made, by severity.
  public struct CheckCount: Sendable, Codable, Hashable {
    /// The check.
    public var check: ValidationCheck
    /// Errors found.
    public var errors = 0
    /// Warnings found.
    public var warnings = 0
    /// Notes found.
    public var notes = 0
    /// All findings of the check.
    public var total: Int { errors + warnings + notes }
  }

  /// The inputs, in order.
  public var files: [FileSummary] = []
  /// The findings kept (at most `maxFindingsPerCheck` per check).
  public var findings: [ValidationFinding] = []
  /// Counts per check, in ``ValidationCheck`` order, only checks that found something.
  public var counts: [CheckCount] = []

  /// All errors found (including those not kept).
  public var errorCount: Int { counts.reduce(0) { $0 + $1.errors } }
  /// All warnings found.
  public var warningCount: Int { counts.reduce(0) { $0 + $1.warnings } }
  /// All notes found.
  public var noteCount: Int { counts.reduce(0) { $0 + $1.notes } }
  /// Records read across files.
  public var recordCount: Int { files.reduce(0) { $0 + $1.records } }

  /// Whether the run fails: any error, or with `strict` any warning.
  public func failed(strict: Bool) -> Bool {
    errorCount > 0 || (strict && warningCount > 0)
  }
}
