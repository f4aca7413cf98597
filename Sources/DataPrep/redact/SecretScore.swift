import Foundation

/// Whether a value after a secret-looking key is a real secret: long enough, varied enough
/// (Shannon entropy over its bytes), and not a placeholder a tutorial writes
/// (`<your password>`, `${PASSWORD}`, `changeme`, `xxxx`, `os.environ[...]`).
enum SecretScore {
  /// Words that stand for a value rather than being one.
  static let placeholderWords: Set<String> = [
    "password", "passwd", "pass", "pwd", "secret", "changeme", "change_me", "changeit", "none", "null", "nil", "true", "false",
    "required", "optional", "string", "example", "sample", "dummy", "placeholder", "redacted", "hidden", "test", "testing",
    "foo", "bar", "foobar", "admin", "root", "user", "username", "mypassword", "yourpassword", "secretpassword",
    "password123", "letmein", "qwerty", "token", "mytoken", "apikey", "api_key", "value", "default", "empty", "undefined",
  ]

  /// Whether `value` reads as a placeholder.
  static func isPlaceholder(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = value.first else { return true }
    // <your password>, ${PASSWORD}, $PASSWORD, {{ secret }}, %(password)s, [password], *****
    if [0x3C, 0x24, 0x7B, 0x25, 0x5B, 0x2A, 0x28].contains(first) { return true }
    let lower = String(decoding: value, as: UTF8.self).lowercased()
    if placeholderWords.contains(lower) { return true }
    if lower.contains("xxx") || lower.contains("***") || lower.contains("...") || lower.contains("your")
      || lower.contains("<") || lower.contains("changeme") || lower.contains("example") || lower.contains("placeholder")
      || lower.contains("${") || lower.contains("{{") || lower.contains("fake") || lower.contains("dummy")
    {
      return true
    }
    // One repeated byte: 00000000, aaaaaaaa.
    if value.allSatisfy({ $0 == first }) { return true }
    return false
  }

  /// Whether `value` after a secret key is a secret worth redacting.
  static func isSecret(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    guard value.count >= 8, value.count <= 200, !isPlaceholder(value) else { return false }
    var lower = false
    var upper = false
    var digit = false
    var symbol = false
    var call = false
    for c in value {
      switch c {
      case 0x61...0x7A: lower = true
      case 0x41...0x5A: upper = true
      case 0x30...0x39: digit = true
      case 0x28, 0x29, 0x5B, 0x5D: call = true
      case 0x5F: break
      default: symbol = true
      }
    }
    // getenv("X"), os.environ["X"], settings.SECRET: code reading a secret, not one; a value
    // with spaces is a phrase ("CSRF token missing").
    if call || value.contains(0x20) { return false }
    if isIdentifierPath(value) { return false }
    let classes = [lower, upper, digit, symbol].filter { $0 }.count
    let bits = entropy(value)
    if value.count >= 16 { return bits >= 3.0 || (classes >= 2 && bits >= 2.5) }
    return classes >= 2 && bits >= 2.5
  }

  /// Letters, digits and underscores joined by dots or only one letter case with underscores:
  /// a variable or setting name (`config.db_password`, `DB_PASSWORD`, `secret_value`).
  static func isIdentifierPath(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    var hasDot = false
    var hasDigit = false
    var hasLower = false
    var hasUpper = false
    for c in value {
      switch c {
      case 0x2E: hasDot = true
      case 0x30...0x39: hasDigit = true
      case 0x61...0x7A: hasLower = true
      case 0x41...0x5A: hasUpper = true
      case 0x5F: break
      default: return false
      }
    }
    if hasDot { return !(value.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? true) && !hasDigit }
    return !hasDigit && !(hasLower && hasUpper)
  }

  /// Shannon entropy of the bytes of `value`, in bits per byte.
  static func entropy(_ value: UnsafeBufferPointer<UInt8>) -> Double {
    var counts = [Int](repeating: 0, count: 256)
    for c in value { counts[Int(c)] += 1 }
    let total = Double(value.count)
    var bits = 0.0
    for count in counts where count > 0 {
      let p = Double(count) / total
      bits -= p * log2(p)
    }
    return bits
  }
}
