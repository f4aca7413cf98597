/// `pii`: what `dataprep redact` would replace (emails, public IPs, phone numbers, cards, IBANs,
/// secrets), reported by kind and place, never by value, so CI catches a secret pasted into a
/// dataset without printing it into the CI log.
extension DatasetValidator {
  /// One finding per record: the kinds found and in which turns; an error when a secret is
  /// among them, else a warning.
  func checkPII(_ turns: [ConversationTurn], path: String, line: Int) {
    guard options.isEnabled(.pii) else { return }
    let scanner = PIIScanner(kinds: options.piiKinds, allowlist: options.piiAllowlist)
    var counts: [PIIKind: Int] = [:]
    var places: [String] = []
    for turn in turns {
      let found = scanner.findings(in: turn.text)
      guard !found.isEmpty else { continue }
      for finding in found { counts[finding.kind, default: 0] += 1 }
      if places.count < 3 { places.append(turn.location) }
    }
    guard !counts.isEmpty else { return }
    let kinds = counts.keys.sorted().map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
    add(
      .pii, path, line, "\(places.joined(separator: ", ")) holds \(kinds) (values not shown); `dataprep redact` replaces them",
      severity: counts[.secret] != nil ? .error : .warning)
  }
}
