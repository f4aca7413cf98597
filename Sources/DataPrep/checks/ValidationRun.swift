import Foundation

/// One `validate` run as a front end states it: the files by role, an optional config file,
/// schema and tokenizer, and the settings given beside them. ``run(warn:)`` applies the
/// config, chooses the schema and the token counter, checks every file, checks training
/// against validation for leakage and returns the report, so a front end only prints it.
public struct ValidationRun {
  /// Files checked with no role (their names decide: `validation*.jsonl` is validation data).
  public var files: [String] = []
  /// Files checked as training data.
  public var training: [String] = []
  /// Files checked as validation data.
  public var validation: [String] = []
  /// A YAML config (`dataprep.yaml`) applied before the settings below; `nil`: none.
  public var configPath: String?
  /// A built-in schema name or a schema file; `nil`: the built-in schema of the detected format.
  public var schema: String?
  /// A tokenizer name or path overriding the config's; `nil`: the config's, else the default.
  public var tokenizer: String?
  /// Overrides ``ValidationOptions/maxFindingsPerCheck`` when set.
  public var maxFindingsPerCheck: Int?
  /// Overrides ``ValidationOptions/maxTokens`` when set.
  public var maxTokens: Int?
  /// Overrides ``ValidationOptions/maxFileBytes`` (given in megabytes) when set.
  public var maxFileMegabytes: Double?
  /// Overrides ``ValidationOptions/groupBy`` when set.
  public var groupBy: String?
  /// Limits on the input, for the checks and the leakage check.
  public var limits = InputLimits.standard
  /// Parallel jobs of the leakage check.
  public var jobs = 1

  /// A run with nothing to check yet; set the properties a front end was given.
  public init() {}

  /// The settings: the config file's, then the ones set on this run.
  /// - Throws: ``ValidationConfigError`` when the config cannot be read or is wrong.
  public func options() throws(ValidationConfigError) -> ValidationOptions {
    var options = ValidationOptions()
    if let configPath {
      let text: String
      do {
        text = try String(contentsOfFile: configPath, encoding: .utf8)
      } catch {
        throw ValidationConfigError.unreadable(path: configPath, reason: "cannot read: \(error.localizedDescription)")
      }
      try options.apply(yaml: text, path: configPath)
    }
    if let maxFindingsPerCheck { options.maxFindingsPerCheck = maxFindingsPerCheck }
    if let maxTokens { options.maxTokens = maxTokens }
    if let maxFileMegabytes { options.maxFileBytes = Int64(maxFileMegabytes * 1_000_000) }
    if let groupBy { options.groupBy = groupBy }
    options.limits = limits
    return options
  }

  /// Checks every file and returns the report.
  /// - Parameter warn: receives a warning to show (the default tokenizer is not installed).
  /// - Throws: ``ValidationConfigError``, ``SchemaError``, ``TokenizerError`` when the run
  ///   cannot start; ``InputError`` when a file cannot be read.
  public func run(warn: (String) -> Void) throws -> ValidationReport {
    let validator = try validator(warn: warn)
    for file in files { try validator.validate(path: file) }
    for file in training { try validator.validate(path: file, role: .training) }
    for file in validation { try validator.validate(path: file, role: .validation) }
    try checkLeakage(validator)
    return validator.finish()
  }

  /// The validator of this run: the config applied, the schema chosen, the token counter selected.
  /// - Throws: ``ValidationConfigError``, ``SchemaError``, ``TokenizerError``.
  package func validator(warn: (String) -> Void) throws -> DatasetValidator {
    var options = try options()
    var schemaValue: JSONSchema?
    var format: DatasetFormat?
    if let schema {
      (schemaValue, format) = try FormatSchemas.resolve(schema)
    }
    let tokenCounter = try options.selectTokenCounter(tokenizer: tokenizer, warn: warn)
    return DatasetValidator(
      options: options, schema: schemaValue, format: format,
      schemaLookup: { FormatSchemas.schema(for: $0) }, tokenCounter: tokenCounter)
  }

  /// The leakage check of the files validated, when enabled.
  private func checkLeakage(_ validator: DatasetValidator) throws {
    guard validator.options.isEnabled(.leakage) else { return }
    var leakage = LeakageOptions()
    leakage.jobs = jobs
    leakage.limits = limits
    try validator.checkLeakage(options: leakage)
  }

  /// Every file checked, in the order checked, with its role: ``files`` (role from the name),
  /// then ``training``, then ``validation``. A shard of `validate` takes its share of this list.
  package var checkedFiles: [(path: String, role: DatasetRole)] {
    files.map { ($0, DatasetRole.guess(path: $0)) } + training.map { ($0, .training) } + validation.map { ($0, .validation) }
  }

  /// One piece a shard of `validate` checked: the file's position in ``checkedFiles``, its
  /// first byte, its summary and its events file (`nil`: none).
  package struct ShardPiece {
    /// The file's position in ``checkedFiles``.
    package var input: Int
    /// The piece's first byte.
    package var start: Int
    /// What the shard read of it.
    package var summary: ValidationPieceSummary
    /// The path of its record events.
    package var events: String?

    /// A piece of file `input` from byte `start`.
    package init(input: Int, start: Int, summary: ValidationPieceSummary, events: String?) {
      self.input = input
      self.start = start
      self.summary = summary
      self.events = events
    }
  }

  /// The report one process makes, from every shard's pieces (covering every file of
  /// ``checkedFiles``) and group counts (see ``DatasetValidator/groupTallies``): each file
  /// replayed from its pieces in order, then the leakage check and the dataset-wide checks.
  /// - Returns: `nil` when a file has no piece or a group count is damaged.
  /// - Throws: what ``validator(warn:)`` throws; ``InputError`` when a file cannot be read.
  package func merge(pieces: [ShardPiece], groupTallies: [JSONValue], warn: (String) -> Void) throws -> ValidationReport? {
    let validator = try validator(warn: warn)
    // Pieces of a file in byte order; shards left empty at the same start keep the shards' order.
    var byFile = [[(order: Int, piece: ShardPiece)]](repeating: [], count: checkedFiles.count)
    for (order, piece) in pieces.enumerated() {
      guard piece.input >= 0 && piece.input < byFile.count else { return nil }
      byFile[piece.input].append((order, piece))
    }
    for (index, file) in checkedFiles.enumerated() {
      guard !byFile[index].isEmpty else { return nil }
      let ordered = byFile[index].sorted { ($0.piece.start, $0.order) < ($1.piece.start, $1.order) }
      try validator.replayFile(path: file.path, role: file.role, pieces: ordered.map { ($0.piece.summary, $0.piece.events) })
    }
    for tally in groupTallies where !validator.addGroupTallies(tally) { return nil }
    try validator.fillBoilerplateTexts(from: pieces.compactMap(\.events))
    try checkLeakage(validator)
    return validator.finish()
  }
}
