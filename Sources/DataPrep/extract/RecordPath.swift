/// The `--record` XPath, in the subset that can select records while streaming.
///
/// Supported forms: `//name` (an element named `name` anywhere), `/a/b/name` (that exact path
/// from the root), `//a/name` (a `name` whose parent is `a`), `*` for any name, and a predicate on
/// the last step (`//row[@PostTypeId='1']`, `//item[title]`), which libxml2 evaluates on the
/// expanded record. A name with a prefix (`atom:entry`) matches the qualified name; a name
/// without one matches the local name, whatever the namespace.
struct RecordPath: Sendable, Equatable {
  /// The element names from outermost to the record itself (`*` matches any).
  var steps: [String]
  /// Whether the path starts at the root (`/a/b`) rather than anywhere (`//b`).
  var anchored: Bool
  /// The predicate of the last step, without brackets, if any.
  var predicate: String?
  /// The XPath as the user wrote it.
  var text: String

  /// Parses `xpath`.
  /// - Throws: ``ExtractError/unsupportedRecordPath(xpath:reason:)`` outside the subset.
  init(_ xpath: String) throws(ExtractError) {
    text = xpath
    var rest = Substring(xpath.trimmingWhitespaceForPath())
    if rest.hasPrefix("//") {
      anchored = false
      rest = rest.dropFirst(2)
    } else if rest.hasPrefix("/") {
      anchored = true
      rest = rest.dropFirst()
    } else {
      // A bare name means "anywhere", as users often type it.
      anchored = false
    }
    predicate = nil
    if rest.hasSuffix("]"), let open = RecordPath.predicateStart(rest) {
      predicate = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
      rest = rest[..<open]
    }
    guard !rest.isEmpty else { throw .unsupportedRecordPath(xpath: xpath, reason: "no element name") }
    steps = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    for step in steps {
      if step.isEmpty {
        throw .unsupportedRecordPath(xpath: xpath, reason: "'//' is only supported at the start")
      }
      if step.contains("[") || step.contains("(") || step.contains("@") || step.contains("::")
        || step == "." || step == ".."
      {
        throw .unsupportedRecordPath(xpath: xpath, reason: "step '\(step)' is not an element name")
      }
    }
    if let predicate, predicate.isEmpty {
      throw .unsupportedRecordPath(xpath: xpath, reason: "empty predicate")
    }
  }

  /// The index of the `[` opening the final predicate (brackets balanced, quotes respected).
  private static func predicateStart(_ text: Substring) -> Substring.Index? {
    var depth = 0
    var quote: Character?
    var index = text.index(before: text.endIndex)
    while true {
      let c = text[index]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "'" || c == "\"" {
        quote = c
      } else if c == "]" {
        depth += 1
      } else if c == "[" {
        depth -= 1
        if depth == 0 { return index }
      }
      if index == text.startIndex { return nil }
      index = text.index(before: index)
    }
  }

  /// The path in the streaming reader's terms.
  var streaming: XMLRecordPath {
    XMLRecordPath(steps: steps, anchored: anchored, predicate: predicate, text: text)
  }
}

extension String {
  fileprivate func trimmingWhitespaceForPath() -> String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
