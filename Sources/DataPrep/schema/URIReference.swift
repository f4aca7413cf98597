/// A URI split as RFC 3986 appendix B does, with reference resolution (section 5.2), enough to
/// resolve `$id` and `$ref` inside one schema document.
struct URIReference: Equatable {
  var scheme: String?
  var authority: String?
  var path: String
  var query: String?
  var fragment: String?

  init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
    self.scheme = scheme
    self.authority = authority
    self.path = path
    self.query = query
    self.fragment = fragment
  }

  init(_ text: String) {
    var rest = Substring(text)
    if let hash = rest.firstIndex(of: "#") {
      fragment = String(rest[rest.index(after: hash)...])
      rest = rest[..<hash]
    }
    if let question = rest.firstIndex(of: "?") {
      query = String(rest[rest.index(after: question)...])
      rest = rest[..<question]
    }
    if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/"), colon != rest.startIndex {
      scheme = String(rest[..<colon])
      rest = rest[rest.index(after: colon)...]
    }
    if rest.hasPrefix("//") {
      rest = rest.dropFirst(2)
      let end = rest.firstIndex(of: "/") ?? rest.endIndex
      authority = String(rest[..<end])
      rest = rest[end...]
    }
    path = String(rest)
  }

  /// The URI as text.
  var text: String {
    var out = ""
    if let scheme { out += scheme + ":" }
    if let authority { out += "//" + authority }
    out += path
    if let query { out += "?" + query }
    if let fragment { out += "#" + fragment }
    return out
  }

  /// This URI without its fragment.
  var withoutFragment: URIReference {
    var copy = self
    copy.fragment = nil
    return copy
  }

  /// `reference` resolved against this (absolute) base URI.
  func resolving(_ reference: URIReference) -> URIReference {
    var target = URIReference(scheme: nil, authority: nil, path: "", query: nil, fragment: reference.fragment)
    if let scheme = reference.scheme {
      target.scheme = scheme
      target.authority = reference.authority
      target.path = Self.removeDotSegments(reference.path)
      target.query = reference.query
      return target
    }
    target.scheme = scheme
    if reference.authority != nil {
      target.authority = reference.authority
      target.path = Self.removeDotSegments(reference.path)
      target.query = reference.query
      return target
    }
    target.authority = authority
    if reference.path.isEmpty {
      target.path = path
      target.query = reference.query ?? query
    } else {
      if reference.path.hasPrefix("/") {
        target.path = Self.removeDotSegments(reference.path)
      } else {
        let merged: String
        if authority != nil && path.isEmpty {
          merged = "/" + reference.path
        } else if let slash = path.lastIndex(of: "/") {
          merged = String(path[...slash]) + reference.path
        } else {
          merged = reference.path
        }
        target.path = Self.removeDotSegments(merged)
      }
      target.query = reference.query
    }
    return target
  }

  static func removeDotSegments(_ path: String) -> String {
    guard path.contains(".") else { return path }
    var output: [Substring] = []
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    for (index, segment) in segments.enumerated() {
      let isLast = index == segments.count - 1
      if segment == "." {
        if isLast { output.append("") }
      } else if segment == ".." {
        if output.count > 1 { output.removeLast() }
        if isLast { output.append("") }
      } else {
        output.append(segment)
      }
    }
    return output.joined(separator: "/")
  }

  /// `text` with `%XX` escapes decoded (invalid escapes are kept as written).
  static func percentDecoded(_ text: String) -> String {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var i = 0
    while i < utf8.count {
      if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
        let high = hexValue(utf8[i + 1]), let low = hexValue(utf8[i + 2])
      {
        bytes.append(high << 4 | low)
        i += 3
      } else {
        bytes.append(utf8[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte - 0x30
    case 0x41...0x46: return byte - 0x41 + 10
    case 0x61...0x66: return byte - 0x61 + 10
    default: return nil
    }
  }
}
