/// Values the redactor keeps although they are of a kind it replaces: a project's public contact
/// addresses (`security@djangoproject.com`, `*@python.org`) that documentation names on purpose,
/// and whose masking would teach a model "report security issues to <EMAIL>".
///
/// Each pattern is matched against a finding's whole value, ignoring ASCII case; `*` stands for
/// any run of characters (none included), everything else for itself. No regular expressions, so
/// a pattern costs time linear in the value whatever it holds.
public struct PIIAllowlist: Sendable, Equatable {
  /// The patterns, as given.
  public private(set) var patterns: [String]
  private var compiled: [[UInt8]]

  /// An allowlist keeping nothing.
  public init() {
    patterns = []
    compiled = []
  }

  /// An allowlist of `patterns` (`name@example.org`, `*@example.org`, `*@*.example.org`).
  /// - Throws: ``RedactError/badKeepPattern(_:)`` for an empty pattern or one of only `*`, which
  ///   would keep every value (leave the kind out of the kinds instead).
  public init(patterns: [String]) throws(RedactError) {
    for pattern in patterns where pattern.utf8.allSatisfy({ $0 == 0x2A }) { throw .badKeepPattern(pattern) }
    self.patterns = patterns
    compiled = patterns.map { Array($0.utf8).map(Self.lowercased) }
  }

  /// Whether no pattern is given.
  public var isEmpty: Bool { patterns.isEmpty }

  /// Whether some pattern matches the whole of `value`.
  func keeps(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    compiled.contains { Self.matches($0, value) }
  }

  /// Whether some pattern matches the whole of `value`.
  public func keeps(_ value: String) -> Bool {
    var value = value
    return value.withUTF8 { keeps($0) }
  }

  static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

  /// Glob matching with `*` only: the greedy walk that remembers the last star and retries from
  /// one byte further; at most pattern × value steps, and a value is one finding (an address, a
  /// number), never a whole text.
  static func matches(_ pattern: [UInt8], _ value: UnsafeBufferPointer<UInt8>) -> Bool {
    var p = 0
    var v = 0
    var star: Int? = nil
    var resume = 0
    while v < value.count {
      if p < pattern.count && pattern[p] == 0x2A {
        star = p
        resume = v
        p += 1
      } else if p < pattern.count && pattern[p] == lowercased(value[v]) {
        p += 1
        v += 1
      } else if let s = star {
        p = s + 1
        resume += 1
        v = resume
      } else {
        return false
      }
    }
    while p < pattern.count && pattern[p] == 0x2A { p += 1 }
    return p == pattern.count
  }
}
