/// Finds emails, public IP addresses, phone numbers, payment cards, IBANs and secrets in a text
/// in one left-to-right pass over its UTF-8 bytes.
///
/// No regular expressions: each detector starts at a trigger byte (a word start, `@`, `://`)
/// and looks ahead or behind a bounded number of bytes, so the work is linear in the text
/// whatever it holds (a 10 MB line of `a@a@...` or of digits included). Findings do not
/// overlap and come in text order.
public struct PIIScanner: Sendable {
  /// The kinds looked for.
  public var kinds: Set<PIIKind>
  /// Values that are not findings although of a kind looked for (public contact addresses).
  public var allowlist: PIIAllowlist

  /// A scanner for `kinds` (all by default), keeping the values `allowlist` matches.
  public init(kinds: Set<PIIKind> = Set(PIIKind.allCases), allowlist: PIIAllowlist = PIIAllowlist()) {
    self.kinds = kinds
    self.allowlist = allowlist
  }

  /// The findings in `text`, in text order, as byte offsets into its UTF-8.
  public func findings(in text: String) -> [PIIFinding] {
    var text = text
    return text.withUTF8 { findings(inUTF8: $0) }
  }

  /// The findings in UTF-8 `bytes`.
  func findings(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [PIIFinding] {
    guard !bytes.isEmpty else { return [] }
    var scan = PIIScan(bytes: bytes, kinds: KindSet(kinds))
    scan.run()
    guard !allowlist.isEmpty, !scan.found.isEmpty else { return scan.found }
    return scan.found.filter { !allowlist.keeps(UnsafeBufferPointer(rebasing: bytes[$0.range])) }
  }
}

/// The kinds as bits, tested in the scanner's inner loop.
struct KindSet: Sendable {
  var bits: UInt8 = 0

  init(_ kinds: Set<PIIKind>) {
    for kind in kinds { bits |= Self.bit(kind) }
  }

  static func bit(_ kind: PIIKind) -> UInt8 {
    switch kind {
    case .email: return 1
    case .ip: return 2
    case .phone: return 4
    case .card: return 8
    case .iban: return 16
    case .secret: return 32
    }
  }

  func contains(_ kind: PIIKind) -> Bool { bits & Self.bit(kind) != 0 }
}
