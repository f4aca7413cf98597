/// Whitespace trimming and comparison on Unicode scalars, without bridging through Foundation
/// (which copies every string it trims): `instruct` trims every prompt and response.
enum TextTrimming {
  /// Whether `scalar` is Unicode White_Space, with an ASCII fast path (the property lookup is slow).
  @inline(__always)
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
    return scalar.properties.isWhitespace
  }

  /// `text` without leading and trailing whitespace (Unicode White_Space, newlines included).
  static func trimmed<S: StringProtocol>(_ text: S) -> String {
    let scalars = Substring(text).unicodeScalars
    guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
      let last = scalars.lastIndex(where: { !isWhitespace($0) })
    else { return "" }
    return String(Substring(scalars[first...last]))
  }

  /// Whether `text` holds nothing but whitespace.
  static func isBlank<S: StringProtocol>(_ text: S) -> Bool {
    text.unicodeScalars.allSatisfy(isWhitespace)
  }

  /// Whether `a` and `b` hold the same letters and digits in the same order, ignoring case,
  /// spacing and punctuation. Stops at the first difference.
  static func sameWords(_ a: String, _ b: String) -> Bool {
    var left = a.unicodeScalars.lazy.filter(isWordScalar).makeIterator()
    var right = b.unicodeScalars.lazy.filter(isWordScalar).makeIterator()
    while true {
      switch (left.next(), right.next()) {
      case (nil, nil): return true
      case (let x?, let y?):
        if x == y { continue }
        if x.isASCII && y.isASCII {
          if lowerASCII(x) != lowerASCII(y) { return false }
        } else if x.properties.lowercaseMapping != y.properties.lowercaseMapping {
          return false
        }
      default: return false
      }
    }
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let v = scalar.value
      return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  private static func lowerASCII(_ scalar: Unicode.Scalar) -> UInt32 {
    let v = scalar.value
    return v >= 0x41 && v <= 0x5A ? v + 0x20 : v
  }

  /// `text` with every occurrence of `part` removed (byte-wise on UTF-8, which keeps scalars whole).
  static func removing(_ part: String, from text: String) -> String {
    let needle = Array(part.utf8)
    guard !needle.isEmpty else { return text }
    let haystack = Array(text.utf8)
    guard haystack.count >= needle.count else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(haystack.count)
    var index = 0
    var found = false
    while index < haystack.count {
      if haystack[index] == needle[0], index + needle.count <= haystack.count,
        haystack[index..<(index + needle.count)].elementsEqual(needle)
      {
        index += needle.count
        found = true
        continue
      }
      out.append(haystack[index])
      index += 1
    }
    return found ? String(decoding: out, as: UTF8.self) : text
  }
}
