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

  /// The outcome of matching one string.
  enum Outcome: Equatable {
    /// A match was found.
    case matched
    /// No match.
    case notMatched
    /// The regex engine gave up after ``stepLimit(forLength:)`` steps without an answer
    /// (catastrophic backtracking, such as `^(a+)+$` on `aaaa…!`).
    case abandoned(steps: Int)
  }

  /// How many backtracking steps of ICU's matcher one match may take: a fixed million (about
  /// 0.1 s) plus 100 per UTF-16 unit of the text, far above what a linear-time pattern needs
  /// (a few steps per character) and far below the exponential cost of nested quantifiers.
  static func stepLimit(forLength length: Int) -> Int {
    1_000_000 + 100 * length
  }

  /// ICU reports progress to the matching callback once per this many steps.
  private static let stepsPerProgressReport = 10_000

  /// Whether `text` contains a match anywhere (`false` when abandoned).
  func matches(_ text: String) -> Bool {
    match(text) == .matched
  }

  /// Whether `text` contains a match anywhere, within ``stepLimit(forLength:)`` steps.
  func match(_ text: String) -> Outcome {
    if let literal { return text.contains(literal) ? .matched : .notMatched }
    if let anchoredClass { return anchoredClass.matches(text) ? .matched : .notMatched }
    guard let regex else { return .notMatched }
    let length = text.utf16.count
    let limit = Self.stepLimit(forLength: length)
    let reports = limit / Self.stepsPerProgressReport
    var progress = 0
    var outcome = Outcome.notMatched
    regex.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: length)) {
      match, flags, stop in
      if match != nil {
        outcome = .matched
        stop.pointee = true
      } else if flags.contains(.progress) {
        progress += 1
        if progress > reports {
          outcome = .abandoned(steps: limit)
          stop.pointee = true
        }
      }
    }
    return outcome
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
