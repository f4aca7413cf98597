import Foundation

/// A kind of private value or secret that `redact` finds and replaces, and `validate`'s `pii`
/// check reports.
public enum PIIKind: String, Sendable, CaseIterable, Codable, Comparable {
  /// An email address.
  case email
  /// A public IPv4 or IPv6 address (private, loopback, link-local and documentation ranges stay).
  case ip
  /// A phone number in international (`+CC ...`) or a common national form.
  case phone
  /// A Luhn-valid payment card number with a known issuer prefix.
  case card
  /// A mod-97-valid IBAN of a known country length.
  case iban
  /// A token, key, private key block or password.
  case secret

  /// The mask written in its place by `--mode mask`.
  public var mask: String {
    switch self {
    case .email: return "<EMAIL>"
    case .ip: return "<IP>"
    case .phone: return "<PHONE>"
    case .card: return "<CARD>"
    case .iban: return "<IBAN>"
    case .secret: return "<SECRET>"
    }
  }

  /// Orders kinds as declared, so reports list them in a fixed order.
  public static func < (lhs: PIIKind, rhs: PIIKind) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }

  /// Parses a comma-separated list (`email,secret`); `all` is every kind.
  public static func parseList(_ text: String) throws(RedactError) -> Set<PIIKind> {
    var kinds = Set<PIIKind>()
    for part in text.split(separator: ",") {
      let name = part.trimmingCharacters(in: .whitespaces)
      if name == "all" {
        kinds.formUnion(allCases)
      } else if let kind = PIIKind(rawValue: name) {
        kinds.insert(kind)
      } else {
        throw .unknownKind(name)
      }
    }
    if kinds.isEmpty { throw .unknownKind(text) }
    return kinds
  }
}
