#if canImport(Glibc)
  import Glibc
#endif

/// The engine behind ``JSONParser``: one recursive-descent pass over borrowed UTF-8 bytes.
///
/// Strings without escapes become a `String` straight from their bytes (validated once, by the
/// standard library); strings with escapes are decoded into a scratch buffer first. Bytes are
/// scanned sixteen at a time (two 64-bit words) for the bytes that end a plain run: `"`, `\`
/// and controls. Recursion is bounded by the depth limit, so the stack use is too.
struct JSONScanner {
  private let base: UnsafePointer<UInt8>
  private let end: UnsafePointer<UInt8>
  private var position: UnsafePointer<UInt8>
  private let maximumDepth: Int
  private var depth = 0
  private var scratch: UnsafeMutablePointer<UInt8>?
  private var scratchCapacity = 0
  private var scratchCount = 0

  /// A scanner over `count` bytes at `base`.
  init(base: UnsafePointer<UInt8>, count: Int, maximumDepth: Int) {
    self.base = base
    self.end = base + count
    self.position = base
    self.maximumDepth = maximumDepth
  }

  /// Frees the escape-decoding buffer; call once when done.
  mutating func releaseScratch() {
    scratch?.deallocate()
    scratch = nil
    scratchCapacity = 0
  }

  /// Parses the whole input as one JSON value with optional surrounding whitespace.
  mutating func parseDocument() throws(JSONParseError) -> JSONValue {
    skipWhitespace()
    guard position < end else {
      throw fault(base == end ? "empty input" : "only whitespace; expected a JSON value", at: position)
    }
    let value = try parseValue()
    skipWhitespace()
    if position < end {
      throw unexpected(at: position, expecting: "the end of the input after the JSON value")
    }
    return value
  }

  // MARK: - Values

  private mutating func parseValue() throws(JSONParseError) -> JSONValue {
    guard position < end else { throw fault("unexpected end of input; expected a value", at: position) }
    switch position.pointee {
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return .null
    default:
      throw unexpected(at: position, expecting: "a value")
    }
  }

  private mutating func enterContainer() throws(JSONParseError) {
    depth += 1
    if depth > maximumDepth {
      throw fault("nesting deeper than \(maximumDepth) levels of arrays and objects", at: position)
    }
    position += 1
  }

  private mutating func parseObject() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    defer { depth -= 1 }
    skipWhitespace()
    if position < end && position.pointee == UInt8(ascii: "}") {
      position += 1
      return .object(JSONObject())
    }
    var members: [JSONObject.Member] = []
    members.reserveCapacity(8)
    while true {
      guard position < end else {
        throw fault("unexpected end of input inside an object; expected a member name", at: position)
      }
      guard position.pointee == UInt8(ascii: "\"") else {
        if position.pointee == UInt8(ascii: "}") && !members.isEmpty {
          throw fault("trailing comma before '}'", at: position)
        }
        throw unexpected(at: position, expecting: "a member name in double quotes")
      }
      let key = try parseString()
      skipWhitespace()
      guard position < end else {
        throw fault("unexpected end of input inside an object; expected ':'", at: position)
      }
      guard position.pointee == UInt8(ascii: ":") else {
        throw unexpected(at: position, expecting: "':' after the member name")
      }
      position += 1
      skipWhitespace()
      let value = try parseValue()
      members.append(JSONObject.Member(key: key, value: value))
      skipWhitespace()
      guard position < end else {
        throw fault("unexpected end of input inside an object; expected ',' or '}'", at: position)
      }
      switch position.pointee {
      case UInt8(ascii: ","):
        position += 1
        skipWhitespace()
      case UInt8(ascii: "}"):
        position += 1
        return .object(JSONObject(members))
      default:
        throw unexpected(at: position, expecting: "',' or '}' after an object member")
      }
    }
  }

  private mutating func parseArray() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    defer { depth -= 1 }
    skipWhitespace()
    if position < end && position.pointee == UInt8(ascii: "]") {
      position += 1
      return .array([])
    }
    var elements: [JSONValue] = []
    while true {
      guard position < end else {
        throw fault("unexpected end of input inside an array; expected a value", at: position)
      }
      if position.pointee == UInt8(ascii: "]") && !elements.isEmpty {
        throw fault("trailing comma before ']'", at: position)
      }
      elements.append(try parseValue())
      skipWhitespace()
      guard position < end else {
        throw fault("unexpected end of input inside an array; expected ',' or ']'", at: position)
      }
      switch position.pointee {
      case UInt8(ascii: ","):
        position += 1
        skipWhitespace()
      case UInt8(ascii: "]"):
        position += 1
        return .array(elements)
      default:
        throw unexpected(at: position, expecting: "',' or ']' after an array element")
      }
    }
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
    let expected = literal.utf8Start
    for index in 0..<literal.utf8CodeUnitCount {
      let at = position + index
      guard at < end else { throw fault("unexpected end of input; expected '\(literal)'", at: at) }
      guard at.pointee == expected[index] else {
        throw fault("invalid literal; expected '\(literal)'", at: at)
      }
    }
    position += literal.utf8CodeUnitCount
  }

  @inline(__always)
  private mutating func skipWhitespace() {
    while position < end {
      let byte = position.pointee
      guard byte <= 0x20, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
      position += 1
    }
  }

  // MARK: - Strings

  /// Parses the string starting at the current `"`.
  private mutating func parseString() throws(JSONParseError) -> String {
    let quote = position
    position += 1
    let contentStart = position
    var highBits: UInt64 = 0
    skipPlainStringBytes(highBits: &highBits)
    guard position < end else { throw fault("unterminated string", at: quote) }
    if position.pointee == UInt8(ascii: "\"") {
      let string = try makeString(
        UnsafeBufferPointer(start: contentStart, count: position - contentStart),
        isASCII: highBits & 0x8080_8080_8080_8080 == 0, source: contentStart)
      position += 1
      return string
    }
    scratchCount = 0
    var runStart = contentStart
    while true {
      // `position` is at a quote, a backslash or a control character.
      let byte = position.pointee
      if byte == UInt8(ascii: "\\") {
        appendScratch(runStart, count: position - runStart)
        try decodeEscape()
        runStart = position
      } else if byte == UInt8(ascii: "\"") {
        appendScratch(runStart, count: position - runStart)
        let decoded = UnsafeBufferPointer(start: UnsafePointer(scratch), count: scratchCount)
        let string = try makeString(
          decoded, isASCII: highBits & 0x8080_8080_8080_8080 == 0, source: contentStart)
        position += 1
        return string
      } else {
        throw controlCharacterFault(byte)
      }
      skipPlainStringBytes(highBits: &highBits)
      guard position < end else { throw fault("unterminated string", at: quote) }
    }
  }

  /// Advances to the next `"`, `\`, control character or the end, eight bytes at a time,
  /// OR-ing the bytes passed over into `highBits` (whose high bits then tell non-ASCII).
  @inline(__always)
  private mutating func skipPlainStringBytes(highBits: inout UInt64) {
    // Two words per step: independent work the processor overlaps.
    while end - position >= 16 {
      let raw = UnsafeRawPointer(position)
      let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
      let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
      let firstMask = Self.stringStopMask(first)
      let secondMask = Self.stringStopMask(second)
      if firstMask | secondMask == 0 {
        highBits |= first | second
        position += 16
        continue
      }
      if firstMask != 0 {
        let stopBit = firstMask.trailingZeroBitCount & ~7
        highBits |= first & ((1 &<< UInt64(stopBit)) &- 1)
        position += stopBit &>> 3
        return
      }
      let stopBit = secondMask.trailingZeroBitCount & ~7
      highBits |= first | (second & ((1 &<< UInt64(stopBit)) &- 1))
      position += 8 + stopBit &>> 3
      return
    }
    while end - position >= 8 {
      let word = UInt64(littleEndian: UnsafeRawPointer(position).loadUnaligned(as: UInt64.self))
      let mask = Self.stringStopMask(word)
      if mask != 0 {
        let stopBit = mask.trailingZeroBitCount & ~7
        highBits |= word & ((1 &<< UInt64(stopBit)) &- 1)
        position += stopBit &>> 3
        return
      }
      highBits |= word
      position += 8
    }
    while position < end {
      let byte = position.pointee
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return }
      highBits |= UInt64(byte)
      position += 1
    }
  }

  /// High bit set in each byte of `word` that is `"`, `\` or below 0x20; the lowest set bit
  /// marks the first such byte exactly (false positives only appear above a true one).
  @inline(__always)
  static func stringStopMask(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    // XOR with 0x02 maps `"` (0x22) to 0x20 and keeps every byte below 0x20 below 0x20 (and
    // nothing else below 0x21), so one "byte < 0x21" test finds both quotes and controls.
    let shifted = word ^ (ones &* 0x02)
    let isQuoteOrControl = (shifted &- ones &* 0x21) & ~shifted
    let backslashes = word ^ (ones &* 0x5C)
    let isBackslash = (backslashes &- ones) & ~backslashes
    return (isQuoteOrControl | isBackslash) & highs
  }

  /// A `String` from `bytes`, failing on invalid UTF-8; `source` is where the raw string
  /// content starts in the input, to locate a fault.
  ///
  /// `String(decoding:)` validates once (repairing); for non-ASCII input a byte comparison
  /// then tells whether anything was repaired, which is far cheaper than validating twice.
  @inline(__always)
  private func makeString(
    _ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool, source: UnsafePointer<UInt8>
  ) throws(JSONParseError) -> String {
    var string = String(decoding: bytes, as: UTF8.self)
    if isASCII { return string }
    let unchanged = string.withUTF8 { decoded in
      guard decoded.count == bytes.count, let mine = decoded.baseAddress, let theirs = bytes.baseAddress else {
        return decoded.count == bytes.count
      }
      return memcmp(mine, theirs, bytes.count) == 0
    }
    if unchanged { return string }
    throw invalidUTF8Fault(from: source)
  }

  private func invalidUTF8Fault(from source: UnsafePointer<UInt8>) -> JSONParseError {
    var stop = source
    while stop < end && stop.pointee != UInt8(ascii: "\"") {
      stop += stop.pointee == UInt8(ascii: "\\") ? 2 : 1
    }
    let content = UnsafeBufferPointer(start: source, count: min(stop, end) - source)
    guard let problem = UTF8Diagnosis.firstFault(in: content) else {
      return fault("invalid UTF-8 in string", at: source)
    }
    return fault("invalid UTF-8 in string: \(problem.reason)", at: source + problem.offset)
  }

  /// Decodes the escape at the current `\` into the scratch buffer.
  private mutating func decodeEscape() throws(JSONParseError) {
    let backslash = position
    guard end - position >= 2 else { throw fault("unterminated string after '\\'", at: backslash) }
    let letter = position[1]
    var decoded: UInt8
    switch letter {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded = letter
    case UInt8(ascii: "n"): decoded = 0x0A
    case UInt8(ascii: "t"): decoded = 0x09
    case UInt8(ascii: "r"): decoded = 0x0D
    case UInt8(ascii: "b"): decoded = 0x08
    case UInt8(ascii: "f"): decoded = 0x0C
    case UInt8(ascii: "u"):
      position += 2
      let unit = try readHex4(escape: backslash)
      var scalar = unit
      if unit >= 0xD800 && unit <= 0xDBFF {
        guard end - position >= 2, position[0] == UInt8(ascii: "\\"), position[1] == UInt8(ascii: "u") else {
          throw fault("lone UTF-16 high surrogate \\u\(Self.hex4(unit)) (not followed by a low surrogate escape)", at: backslash)
        }
        let lowEscape = position
        position += 2
        let low = try readHex4(escape: lowEscape)
        guard low >= 0xDC00 && low <= 0xDFFF else {
          throw fault("lone UTF-16 high surrogate \\u\(Self.hex4(unit)) (followed by \\u\(Self.hex4(low)), not a low surrogate)", at: backslash)
        }
        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
      } else if unit >= 0xDC00 && unit <= 0xDFFF {
        throw fault("lone UTF-16 low surrogate \\u\(Self.hex4(unit))", at: backslash)
      }
      appendUTF8(scalar)  // valid UTF-8 by construction: no need to flag it in `highBits`
      return
    default:
      throw fault("invalid escape '\\\(Self.printable(letter))'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", at: backslash)
    }
    reserveScratch(1)
    scratch?[scratchCount] = decoded
    scratchCount += 1
    position += 2
  }

  /// Reads four hex digits at the current position into a UTF-16 code unit.
  private mutating func readHex4(escape: UnsafePointer<UInt8>) throws(JSONParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard position < end else { throw fault("incomplete \\u escape", at: escape) }
      let byte = position.pointee
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
      default:
        throw fault("invalid \\u escape: expected four hex digits, found \(Self.describe(byte))", at: position)
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }

  private mutating func appendUTF8(_ scalar: UInt32) {
    reserveScratch(4)
    guard let out = scratch.map({ $0 + scratchCount }) else { return }
    switch scalar {
    case 0..<0x80:
      out[0] = UInt8(truncatingIfNeeded: scalar)
      scratchCount += 1
    case 0x80..<0x800:
      out[0] = 0xC0 | UInt8(truncatingIfNeeded: scalar >> 6)
      out[1] = 0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F)
      scratchCount += 2
    case 0x800..<0x10000:
      out[0] = 0xE0 | UInt8(truncatingIfNeeded: scalar >> 12)
      out[1] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F)
      out[2] = 0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F)
      scratchCount += 3
    default:
      out[0] = 0xF0 | UInt8(truncatingIfNeeded: scalar >> 18)
      out[1] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 12) & 0x3F)
      out[2] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F)
      out[3] = 0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F)
      scratchCount += 4
    }
  }

  @inline(__always)
  private mutating func appendScratch(_ start: UnsafePointer<UInt8>, count: Int) {
    guard count > 0 else { return }
    reserveScratch(count)
    (scratch.map { $0 + scratchCount })?.update(from: start, count: count)
    scratchCount += count
  }

  @inline(__always)
  private mutating func reserveScratch(_ additional: Int) {
    if scratchCount + additional > scratchCapacity { growScratch(to: scratchCount + additional) }
  }

  private mutating func growScratch(to needed: Int) {
    let capacity = max(needed, scratchCapacity * 2, 1024)
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    if let scratch {
      grown.update(from: scratch, count: scratchCount)
      scratch.deallocate()
    }
    scratch = grown
    scratchCapacity = capacity
  }

  // MARK: - Numbers

  private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
    let start = position
    let negative = position.pointee == UInt8(ascii: "-")
    if negative { position += 1 }
    guard position < end, Self.isDigit(position.pointee) else {
      if position < end && position.pointee == UInt8(ascii: "I") {
        throw fault("Infinity is not a JSON number", at: start)
      }
      throw fault("expected a digit after '-'", at: position)
    }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var droppedDigits = false
    var exponent = 0
    var isInteger = true

    if position.pointee == UInt8(ascii: "0") {
      position += 1
      if position < end && Self.isDigit(position.pointee) {
        throw fault("leading zeros are not allowed in numbers", at: position - 1)
      }
    } else {
      while position < end, Self.isDigit(position.pointee) {
        let digit = UInt64(position.pointee &- UInt8(ascii: "0"))
        if significantDigits < 19 {
          mantissa = mantissa &* 10 &+ digit
          significantDigits += 1
        } else {
          droppedDigits = true
          exponent += 1
        }
        position += 1
      }
    }
    if position < end && position.pointee == UInt8(ascii: ".") {
      isInteger = false
      position += 1
      guard position < end, Self.isDigit(position.pointee) else {
        throw fault("expected a digit after the decimal point", at: position)
      }
      while position < end, Self.isDigit(position.pointee) {
        let digit = UInt64(position.pointee &- UInt8(ascii: "0"))
        if mantissa == 0 && digit == 0 {
          exponent -= 1
        } else if significantDigits < 19 {
          mantissa = mantissa &* 10 &+ digit
          significantDigits += 1
          exponent -= 1
        } else {
          droppedDigits = true
        }
        position += 1
      }
    }
    if position < end && (position.pointee | 0x20) == UInt8(ascii: "e") {
      isInteger = false
      position += 1
      var exponentNegative = false
      if position < end && (position.pointee == UInt8(ascii: "+") || position.pointee == UInt8(ascii: "-")) {
        exponentNegative = position.pointee == UInt8(ascii: "-")
        position += 1
      }
      guard position < end, Self.isDigit(position.pointee) else {
        throw fault("expected a digit in the exponent", at: position)
      }
      var written = 0
      while position < end, Self.isDigit(position.pointee) {
        if written < 1_000_000 { written = written * 10 + Int(position.pointee &- UInt8(ascii: "0")) }
        position += 1
      }
      exponent += exponentNegative ? -written : written
    }

    if isInteger && !droppedDigits {
      if !negative && mantissa <= UInt64(Int64.max) { return .integer(Int64(mantissa)) }
      if negative && mantissa <= UInt64(Int64.max) { return .integer(-Int64(mantissa)) }
      if negative && mantissa == UInt64(Int64.max) + 1 { return .integer(.min) }
    }
    if mantissa == 0 { return .double(negative ? -0.0 : 0.0) }
    if !droppedDigits && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
      // Clinger's fast path: both operands are exact doubles, so one IEEE operation rounds once.
      let scale = Self.powerOfTen(exponent < 0 ? -exponent : exponent)
      let magnitude = exponent < 0 ? Double(mantissa) / scale : Double(mantissa) * scale
      return .double(negative ? -magnitude : magnitude)
    }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: position - start), as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw fault("number \(text.prefix(40)) is too large for a 64-bit floating-point value", at: start)
    }
    return .double(value)
  }

  @inline(__always)
  private static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  /// 10^exponent for 0...22, all exactly representable as `Double`.
  @inline(__always)
  private static func powerOfTen(_ exponent: Int) -> Double {
    switch exponent {
    case 0: return 1e0
    case 1: return 1e1
    case 2: return 1e2
    case 3: return 1e3
    case 4: return 1e4
    case 5: return 1e5
    case 6: return 1e6
    case 7: return 1e7
    case 8: return 1e8
    case 9: return 1e9
    case 10: return 1e10
    case 11: return 1e11
    case 12: return 1e12
    case 13: return 1e13
    case 14: return 1e14
    case 15: return 1e15
    case 16: return 1e16
    case 17: return 1e17
    case 18: return 1e18
    case 19: return 1e19
    case 20: return 1e20
    case 21: return 1e21
    default: return 1e22
    }
  }

  // MARK: - Errors

  /// An error at `at`, with its line and column computed from the start of the input.
  private func fault(_ message: String, at: UnsafePointer<UInt8>) -> JSONParseError {
    var line = 1
    var lineStart = base
    var cursor = base
    let stop = min(at, end)
    while cursor < stop {
      if cursor.pointee == 0x0A {
        line += 1
        lineStart = cursor + 1
      }
      cursor += 1
    }
    return JSONParseError(line: line, column: at - lineStart + 1, message: message)
  }

  /// An error for an unexpected byte where `expecting` was due, with hints for common mistakes.
  private func unexpected(at: UnsafePointer<UInt8>, expecting: String) -> JSONParseError {
    let byte = at.pointee
    let remaining = end - at
    func startsWith(_ text: StaticString) -> Bool {
      let count = text.utf8CodeUnitCount
      guard remaining >= count else { return false }
      for index in 0..<count where at[index] != text.utf8Start[index] { return false }
      return true
    }
    switch byte {
    case UInt8(ascii: "'"):
      return fault("single quotes are not allowed; JSON strings use double quotes", at: at)
    case UInt8(ascii: "/"):
      return fault("comments are not allowed in JSON", at: at)
    case UInt8(ascii: "N") where startsWith("NaN"):
      return fault("NaN is not a JSON number", at: at)
    case UInt8(ascii: "I") where startsWith("Infinity"):
      return fault("Infinity is not a JSON number", at: at)
    case 0xEF where remaining >= 3 && at[1] == 0xBB && at[2] == 0xBF:
      return fault("a byte order mark (U+FEFF) is not allowed here", at: at)
    default:
      return fault("unexpected \(Self.describe(byte)); expected \(expecting)", at: at)
    }
  }

  private func controlCharacterFault(_ byte: UInt8) -> JSONParseError {
    let hint: String
    switch byte {
    case 0x0A: hint = " (write it as \\n)"
    case 0x0D: hint = " (write it as \\r)"
    case 0x09: hint = " (write it as \\t)"
    default: hint = " (write it as \\u00\(Self.hex2(byte)))"
    }
    return fault("unescaped control character U+00\(Self.hex2(byte)) in a string\(hint)", at: position)
  }

  /// `'x'` for a printable ASCII byte, `byte 0xNN` otherwise.
  static func describe(_ byte: UInt8) -> String {
    if byte > 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    if byte == 0x20 { return "space" }
    return "byte 0x\(hex2(byte))"
  }

  private static func printable(_ byte: UInt8) -> String {
    byte > 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "x\(hex2(byte))"
  }

  static func hex2(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
  }

  private static func hex4(_ unit: UInt32) -> String {
    hex2(UInt8(truncatingIfNeeded: unit >> 8)) + hex2(UInt8(truncatingIfNeeded: unit))
  }
}
