/// A seeded generator of valid JSON texts exercising what a parser must get right: escapes of
/// every kind, raw multi-byte UTF-8, surrogate pairs, numbers with fractions, exponents and
/// values beyond `Int64`, nesting, and varied whitespace.
struct RandomJSONText {
  private var state: UInt64

  /// A generator whose output depends only on `seed`.
  init(seed: UInt64) { state = seed }

  /// SplitMix64: small, fast and the same on every platform.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A random JSON text whose top level is a value nested at most `depth` levels.
  mutating func value(depth: Int = 4) -> String {
    switch below(depth > 0 ? 9 : 6) {
    case 0: return ["null", "true", "false"][below(3)]
    case 1, 2: return string()
    case 3: return integer()
    case 4: return double()
    case 5: return string()
    case 6, 7: return object(depth: depth - 1)
    default: return array(depth: depth - 1)
    }
  }

  mutating func whitespace() -> String {
    switch below(6) {
    case 0: return " "
    case 1: return "\n\t"
    case 2: return "\r\n  "
    default: return ""
    }
  }

  mutating func object(depth: Int) -> String {
    let count = below(6)
    var parts: [String] = []
    for _ in 0..<count {
      parts.append(whitespace() + string() + whitespace() + ":" + whitespace() + value(depth: depth) + whitespace())
    }
    return "{" + parts.joined(separator: ",") + whitespace() + "}"
  }

  mutating func array(depth: Int) -> String {
    let count = below(6)
    var parts: [String] = []
    for _ in 0..<count { parts.append(whitespace() + value(depth: depth) + whitespace()) }
    return "[" + parts.joined(separator: ",") + whitespace() + "]"
  }

  mutating func integer() -> String {
    switch below(6) {
    case 0: return String(Int64(bitPattern: next()))
    case 1: return String(below(1000) - 500)
    case 2: return ["0", "-0", "9223372036854775807", "-9223372036854775808"][below(4)]
    case 3: return String(next() | (1 << 63))  // beyond Int64, within UInt64
    default: return String(Int64(bitPattern: next()) >> (below(60)))
    }
  }

  mutating func double() -> String {
    var text = below(3) == 0 ? "-" : ""
    let integerDigits = below(4)
    if integerDigits == 0 {
      text += "0"
    } else {
      text += String(1 + below(9))
      for _ in 1..<(integerDigits + below(20) / 10) { text += String(below(10)) }
    }
    let kind = below(3)
    if kind != 1 {
      text += "."
      for _ in 0...below(kind == 0 ? 25 : 6) { text += String(below(10)) }
    }
    if kind != 0 {
      text += ["e", "E"][below(2)] + ["", "+", "-"][below(3)]
      text += String(below(300))
    }
    return text
  }

  mutating func string() -> String {
    var text = "\""
    for _ in 0..<below(24) {
      switch below(16) {
      case 0: text += ["\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r"][below(8)]
      case 1: text += "\\u" + hex4(UInt32(below(0xD800)))
      case 2: text += "\\u" + hex4(UInt32(0xE000 + below(0x2000)))
      case 3:
        let scalar = 0x10000 + below(0x100000)
        let high = 0xD800 + ((scalar - 0x10000) >> 10)
        let low = 0xDC00 + ((scalar - 0x10000) & 0x3FF)
        text += "\\u" + hex4(UInt32(high)) + "\\u" + hex4(UInt32(low)).uppercased()
      case 4: text += ["é", "ß", "Ω", "中", "文", "€", "😀", "𝄞", "\u{7F}", "\u{80}", "\u{FFFF}", "\u{10FFFF}"][below(12)]
      case 5:
        if let scalar = Unicode.Scalar(UInt32(0x80 + below(0xD800 - 0x80))) { text.unicodeScalars.append(scalar) }
      default:
        let ascii = 0x20 + below(0x5F)
        if ascii == 0x22 || ascii == 0x5C { text += "x" } else { text.unicodeScalars.append(Unicode.Scalar(UInt8(ascii))) }
      }
    }
    return text + "\""
  }

  private func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 4 - digits.count) + digits
  }
}
