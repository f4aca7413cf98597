/// Replaces what a ``PIIScanner`` finds in a text by masks or pseudonyms.
public struct TextRedactor: Sendable {
  /// The scanner (which kinds).
  public var scanner: PIIScanner
  private let pseudonym: Pseudonym?

  /// A redactor for `kinds` writing per `mode` (for `.dropRecord`, texts are only scanned),
  /// leaving the values `allowlist` matches as they are.
  public init(kinds: Set<PIIKind> = Set(PIIKind.allCases), mode: RedactionMode = .mask, allowlist: PIIAllowlist = PIIAllowlist()) {
    scanner = PIIScanner(kinds: kinds, allowlist: allowlist)
    if case .pseudonym(let key) = mode { pseudonym = Pseudonym(key: key) } else { pseudonym = nil }
  }

  /// `text` with every finding replaced, and the kinds replaced in order; nil when nothing was found.
  public func redact(_ text: String) -> (text: String, kinds: [PIIKind])? {
    var copy = text
    return copy.withUTF8 { bytes -> (String, [PIIKind])? in
      let found = scanner.findings(inUTF8: bytes)
      guard !found.isEmpty else { return nil }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var at = 0
      for finding in found {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<finding.range.lowerBound]))
        let value = UnsafeBufferPointer(rebasing: bytes[finding.range])
        let replacement = pseudonym?.standIn(for: value, kind: finding.kind) ?? finding.kind.mask
        out.append(contentsOf: replacement.utf8)
        at = finding.range.upperBound
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at...]))
      return (String(decoding: out, as: UTF8.self), found.map(\.kind))
    }
  }
}
