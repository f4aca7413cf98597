/// The two steps of a leakage check, apart so that shards can share them: the held-out files
/// and evaluation sets indexed once (whole), then the training side scanned, whole or by byte
/// ranges (one shard's share), then the held-out files against the evaluation sets.
///
/// ``LeakageCheck/run(train:heldOut:against:)`` is the three steps in one process; a shard of
/// `dataprep leakage` builds the same index, scans its range of the training file, and shard 0
/// adds the held-out scan, so the findings joined in input order are those of one process.
/// Memory: the index (as `dataprep leakage`), in every shard.
package struct LeakageScanner: Sendable {
  private let options: LeakageOptions
  private let heldOut: [String]
  private let against: [String]
  private let detector: LeakageDetector

  /// Indexes `heldOut` (validation, test) and `against` (evaluation sets) under `options`.
  /// - Throws: ``LeakageError`` for unusable options, ``InputError`` when a file cannot be read.
  package init(options: LeakageOptions, heldOut: [String], against: [String]) throws {
    try options.validate()
    var index = LeakageIndex(options: options)
    for path in heldOut { try index.addJSONL(path: path, role: .heldOut) }
    for path in against {
      if LeakageCheck.isPlainText(path) {
        try index.addPlainText(path: path, role: .external)
      } else {
        try index.addJSONL(path: path, role: .external)
      }
    }
    index.seal()
    self.options = options
    self.heldOut = heldOut
    self.against = against
    detector = LeakageDetector(index: index)
  }

  /// The leaks of the training lines of `source` (the whole file or one shard's range; the
  /// findings name the file by the source's path and its own line numbers).
  /// - Throws: ``InputError`` for unreadable files and bad lines, ``LeakageError``.
  package func scanTraining(_ source: ByteSource) throws -> [LeakFinding] {
    try detector.scan(source: source, roles: [.heldOut, .external])
  }

  /// The leaks of the held-out files into the evaluation sets (none without `against`): what
  /// one process finds after the training file.
  /// - Throws: ``InputError``, ``LeakageError``.
  package func scanHeldOut() throws -> [LeakFinding] {
    guard !against.isEmpty else { return [] }
    var findings: [LeakFinding] = []
    for path in heldOut { findings += try detector.scan(path: path, roles: [.external]) }
    return findings
  }

  /// The report of `findings` (in the order found) with this index's sizes.
  package func report(findings: [LeakFinding]) -> LeakageReport {
    let index = detector.index
    return LeakageReport(
      findings: findings, heldOutRecords: index.recordCount, indexedNGrams: index.ngramCount,
      indexBytes: index.memoryBytes, options: options)
  }
}
