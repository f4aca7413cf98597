import Foundation

/// A compiled `pattern` (ECMA-262 approximated by ICU through `NSRegularExpression`), unanchored
/// as JSON Schema requires. Two common shapes skip the regex engine: plain literals (a substring
/// test) and one anchored ASCII character class with a count, such as `^[a-zA-Z0-9_-]{1,64}$`.
final class SchemaPattern: @unchecked Sendable {
  /// `^[class]{min,max}$` over ASCII characters.
  struct AnchoredClass {
    var allowed: [Bool]
    var minimum: Int
    var maximum: Int?

    func matches(_ text: String) -> Bool {
      var count = 0
      for byte in text.utf8 {
        guard byte < 128, allowed[Int(byte)] else { return false }
        count += 1
      }
      return count >= minimum && (maximum.map { count <= $0 } ?? true)
    }
  }

  let source: String
  private let literal: String?
  private let anchoredClass: AnchoredClass?
  private let regex: NSRegularExpression?

  init?(_ source: String) {
    self.source = source
    let special = Set("\\^$.|?*+()[]{}")
    if !source.isEmpty, !source.contains(where: { special.contains($0) }) {
      literal = source
      anchoredClass = nil
      regex = nil
      return
    }
    literal = nil
    if let parsed = Self.parseAnchoredClass(source) {
      anchoredClass = parsed
      regex = nil
      return
    }
    anchoredClass = nil
    guard let compiled = try? NSRegularExpression(pattern: source, options: []) else { return nil }
    regex = compiled
  }

  /// Whether `text` contains a match anywhere.
  func matches(_ text: String) -> Bool {
    if let literal { return text.contains(literal) }
    if let anchoredClass { return anchoredClass.matches(text) }
    guard let regex else { return false }
    let range = NSRange(location: 0, length: text.utf16.count)
    return regex.firstMatch(in: text, options: [], range: range) != nil
  }

  /// Parses `^[...]{m,n}$`, `^[...]{n}$`, `^[...]+$` or `^[...]*$` with a class of ASCII
  /// characters, ranges and escaped punctuation; `nil` for anything else.
  static func parseAnchoredClass(_ source: String) -> AnchoredClass? {
    let chars = Array(source.unicodeScalars)
    guard chars.count >= 5, chars.first == "^", chars.last == "$", chars[1] == "[", chars[2] != "^" else { return nil }
    var allowed = [Bool](repeating: false, count: 128)
    var i = 2
    var previous: UInt8?
    var pendingRange = false
    while i < chars.count, chars[i] != "]" {
      var c = chars[i]
      if c == "\\" {
        guard i + 1 < chars.count else { return nil }
        let escaped = chars[i + 1]
        guard escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else { return nil }
        c = escaped
        i += 1
      } else if c == "-", previous != nil, i + 1 < chars.count, chars[i + 1] != "]" {
        pendingRange = true
        i += 1
        continue
      } else if c == "[" {
        return nil
      }
      guard c.isASCII else { return nil }
      let byte = UInt8(c.value)
      if pendingRange, let start = previous {
        guard start <= byte else { return nil }
        for b in start...byte { allowed[Int(b)] = true }
        pendingRange = false
        previous = nil
      } else {
        allowed[Int(byte)] = true
        previous = byte
      }
      i += 1
    }
    guard i < chars.count, chars[i] == "]", !pendingRange else { return nil }
    let quantifier = String(String.UnicodeScalarView(chars[(i + 1)..<(chars.count - 1)]))
    switch quantifier {
    case "+": return AnchoredClass(allowed: allowed, minimum: 1, maximum: nil)
    case "*": return AnchoredClass(allowed: allowed, minimum: 0, maximum: nil)
    case "": return AnchoredClass(allowed: allowed, minimum: 1, maximum: 1)
    default:
      guard quantifier.hasPrefix("{"), quantifier.hasSuffix("}") else { return nil }
      let inner = quantifier.dropFirst().dropLast()
      let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
      guard let low = parts.first.flatMap({ Int($0) }) else { return nil }
      if parts.count == 1 { return AnchoredClass(allowed: allowed, minimum: low, maximum: low) }
      guard parts.count == 2 else { return nil }
      if parts[1].isEmpty { return AnchoredClass(allowed: allowed, minimum: low, maximum: nil) }
      guard let high = Int(parts[1]), high >= low else { return nil }
      return AnchoredClass(allowed: allowed, minimum: low, maximum: high)
    }
  }
}
