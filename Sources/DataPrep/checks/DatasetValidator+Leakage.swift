extension DatasetValidator {
  /// Runs the leakage check (``LeakageCheck``) of every training file validated so far against
  /// all validation files, and reports each leak as a `leakage` finding (an error by default)
  /// at the validation line, naming the training line it leaked into. Call after the files are
  /// validated and before ``finish()``; it does nothing without both roles.
  ///
  /// A file with lines that are not JSON objects is not checked (its lines are already
  /// errors): a note says so. Memory: the leakage index of the validation files (as
  /// `dataprep leakage`); the training files are streamed again.
  /// - Parameter options: the leakage settings (`groupBy`, `ngram`, `threshold`, `jobs`).
  /// - Throws: ``InputError`` when a file can no longer be read.
  public func checkLeakage(options: LeakageOptions = LeakageOptions()) throws {
    let training = files.filter { $0.role == .training }.map(\.path)
    let validation = files.filter { $0.role == .validation }.map(\.path)
    guard !training.isEmpty, !validation.isEmpty else { return }
    let unreadable = (training + validation).filter { filesWithBadLines.contains($0) || $0 == "-" }
    if let first = unreadable.first {
      let reason = first == "-" ? "stdin cannot be read twice" : "it has lines that are not JSON objects (fix them first)"
      add(.leakage, first, nil, "leakage check not run: \(reason)", severity: .note)
      return
    }
    let check = LeakageCheck(options: options)
    for train in training {
      let report: LeakageReport
      do {
        report = try check.run(train: train, heldOut: validation)
      } catch let error as LeakageError {
        add(.leakage, train, nil, "leakage check not run: \(error.errorDescription ?? "\(error)")", severity: .note)
        continue
      }
      for finding in report.findings {
        add(.leakage, finding.heldOut.file, finding.heldOut.line, Self.message(for: finding, groupBy: options.groupBy))
      }
    }
  }

  /// What a leak means, naming the training record.
  static func message(for finding: LeakFinding, groupBy: String) -> String {
    let found = "\(finding.found.file):\(finding.found.line)"
    let consequence = "the validation score would measure memory, not learning"
    switch finding.kind {
    case .exactDuplicate:
      return "validation example also in training at \(found) (same text after normalisation): \(consequence)"
    case .nearDuplicate:
      let similarity = finding.similarity.map { " (similarity \(Int(($0 * 100).rounded()))%)" } ?? ""
      return "validation example nearly repeats training \(found)\(similarity): \(consequence)"
    case .sharedPassage:
      let words = finding.passageWords.map { "\($0)-word " } ?? ""
      let part = finding.part.map { $0 == .text ? "" : " in its \($0.rawValue)" } ?? ""
      var passage = finding.passage ?? ""
      if passage.count > 80 { passage = String(passage.prefix(80)) + "…" }
      return "validation example shares a \(words)passage\(part) with training \(found) (\"\(passage)\"): \(consequence)"
    case .sameGroup:
      let group = finding.group.map { " '\($0)'" } ?? ""
      return "validation example shares the group\(group) (\(groupBy)) with training \(found): split by group so no source is on both sides"
    }
  }
}
