/// A libxml2 safety limit that stopped a parse, recognised from libxml2's message and explained
/// in the user's terms.
///
/// libxml2 reports these as "Excessive depth in document: 256 use XML_PARSE_HUGE option" or
/// "internal error: Huge input lookup", which name an option of its C API that users of
/// `dataprep` cannot set. dataprep sets it itself (`XML_PARSE_HUGE`) for inputs that declare no
/// entities; an input that declares entities keeps the limits, because in libxml2 2.9 that
/// option also turns off its entity-amplification checks.
enum LibXMLLimit: Equatable, Sendable {
  /// More than 256 nested elements.
  case depth
  /// One tag, name or attribute value longer than the parser's lookahead limit.
  case lookup
  /// One text node too long.
  case textNode
  /// One attribute value too long.
  case attributeValue
  /// One element or attribute name too long.
  case name
  /// Another construct (comment, CDATA section, processing instruction, literal) too long.
  case other

  /// The limit `message` reports, or `nil` when it is an ordinary parse error.
  init?(message: String) {
    if message.contains("Excessive depth") {
      self = .depth
    } else if message.contains("Huge input lookup") {
      self = .lookup
    } else if message.contains("huge text") {
      self = .textNode
    } else if message.contains("AttValue length too long") {
      self = .attributeValue
    } else if message.contains("Name too long") || message.contains("NCName too long") {
      self = .name
    } else if message.contains("XML_PARSE_HUGE") || message.hasSuffix("too big") {
      self = .other
    } else {
      return nil
    }
  }

  /// What was too big, with the limit in force (`huge`: whether `XML_PARSE_HUGE` was on).
  func what(huge: Bool) -> String {
    let size = huge ? "1,000,000,000 bytes" : "10,000,000 bytes"
    switch self {
    case .depth: return "elements nested deeper than 256 levels"
    case .lookup: return "a single tag, name or attribute value longer than \(size)"
    case .textNode: return "a single text node longer than \(size)"
    case .attributeValue: return "an attribute value longer than \(size)"
    case .name: return "a name longer than \(huge ? "10,000,000" : "50,000") bytes"
    case .other: return "a comment, CDATA section or literal longer than \(size)"
    }
  }

  /// The whole explanation: the limit hit and how to get past it.
  /// - Parameters:
  ///   - huge: whether the parse already ran with `XML_PARSE_HUGE` (the absolute limits).
  ///   - original: libxml2's own message, kept at the end for reference.
  func explanation(huge: Bool, original: String) -> String {
    let cause = "libxml2 limit hit: \(what(huge: huge))"
    if huge {
      return cause + " (its absolute limit); split the input into smaller documents [libxml2: \(original)]"
    }
    return cause + "; the limit is raised automatically only for XML that declares no entities (<!ENTITY>), "
      + "which this input does; no flag raises it, because raising it would also switch off libxml2's "
      + "entity-expansion checks: remove the entity declarations or split the input [libxml2: \(original)]"
  }
}
