import Foundation

/// A compiled `pattern` (ECMA-262 approximated by ICU through `NSRegularExpression`), unanchored
/// as JSON Schema requires. Plain literals skip the regex engine.
final class SchemaPattern: @unchecked Sendable {
  let source: String
  private let literal: String?
  private let regex: NSRegularExpression?

  init?(_ source: String) {
    self.source = source
    let special = Set("\\^$.|?*+()[]{}")
    if !source.isEmpty, !source.contains(where: { special.contains($0) }) {
      literal = source
      regex = nil
      return
    }
    literal = nil
    guard let compiled = try? NSRegularExpression(pattern: source, options: []) else { return nil }
    regex = compiled
  }

  /// Whether `text` contains a match anywhere.
  func matches(_ text: String) -> Bool {
    if let literal { return text.contains(literal) }
    guard let regex else { return false }
    let range = NSRange(location: 0, length: text.utf16.count)
    return regex.firstMatch(in: text, options: [], range: range) != nil
  }
}
