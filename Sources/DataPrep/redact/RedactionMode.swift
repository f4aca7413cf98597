/// What `redact` writes in place of a finding.
public enum RedactionMode: Sendable, Equatable {
  /// The kind's mask (`<EMAIL>`, `<SECRET>`).
  case mask
  /// A keyed-hash stand-in: the same value gets the same stand-in everywhere the key is the same.
  case pseudonym(key: [UInt8])
  /// The record is left out.
  case dropRecord
}
