/// Finds the charset an HTML page declares in its first bytes: a simplified WHATWG prescan.
///
/// Looks at `<meta charset=...>` and `<meta http-equiv="Content-Type" content="...;charset=...">`,
/// skipping comments and the attributes of other tags; as a last resort, the `encoding` of an
/// XML declaration at the very start (XHTML pages).
struct DeclarationScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The first declared charset label, or `nil`.
  mutating func charsetLabel() -> String? {
    let xmlDeclaration = xmlDeclarationEncoding()
    while position < bytes.count {
      guard bytes[position] == UInt8(ascii: "<") else {
        position += 1
        continue
      }
      if matches("<!--") {
        position = indexAfter("-->", from: position + 4)
      } else if matchesCaseInsensitive("<meta"), position + 5 < bytes.count, isSpaceOrSlash(bytes[position + 5]) {
        position += 5
        if let label = metaCharset() { return label }
      } else if position + 1 < bytes.count, isLetter(bytes[position + 1]) || bytes[position + 1] == UInt8(ascii: "/") {
        position += 2
        while position < bytes.count, !isSpaceOrSlash(bytes[position]), bytes[position] != UInt8(ascii: ">") {
          position += 1
        }
        while let attribute = nextAttribute() { _ = attribute }
      } else if matches("<!") || matches("<?") {
        position = indexAfter(">", from: position + 2)
      } else {
        position += 1
      }
    }
    return xmlDeclaration
  }

  /// Reads the attributes of a `<meta` tag (position just after the name) for a charset.
  private mutating func metaCharset() -> String? {
    var isContentType = false
    var content: String?
    var charset: String?
    while let (name, value) = nextAttribute() {
      switch name {
      case "http-equiv": isContentType = value.lowercased() == "content-type"
      case "content": if content == nil { content = value }
      case "charset": if charset == nil { charset = value }
      default: break
      }
    }
    if let charset, !charset.isEmpty { return charset }
    if isContentType, let content { return Self.charset(inContentType: content) }
    return nil
  }

  /// The charset parameter of a Content-Type value such as `text/html; charset=Shift_JIS`.
  static func charset(inContentType content: String) -> String? {
    let lower = content.lowercased()
    guard let range = lower.range(of: "charset") else { return nil }
    var rest = lower[range.upperBound...].drop { $0 == " " || $0 == "\t" }
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
    if let quote = rest.first, quote == "\"" || quote == "'" {
      let value = rest.dropFirst().prefix { $0 != quote }
      return value.isEmpty ? nil : String(value)
    }
    let value = rest.prefix { $0 != ";" && $0 != " " && $0 != "\t" && $0 != "\"" && $0 != "'" }
    return value.isEmpty ? nil : String(value)
  }

  /// The next attribute of the current tag as (lowercased name, value), `nil` at the tag's end.
  private mutating func nextAttribute() -> (String, String)? {
    while position < bytes.count, isSpaceOrSlash(bytes[position]) { position += 1 }
    guard position < bytes.count, bytes[position] != UInt8(ascii: ">") else {
      position = min(position + 1, bytes.count)
      return nil
    }
    var name: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "=") && !name.isEmpty { break }
      if isSpaceOrSlash(byte) || byte == UInt8(ascii: ">") { break }
      name.append(lowercased(byte))
      position += 1
    }
    while position < bytes.count, isSpace(bytes[position]) { position += 1 }
    guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
      return (String(decoding: name, as: UTF8.self), "")
    }
    position += 1
    while position < bytes.count, isSpace(bytes[position]) { position += 1 }
    var value: [UInt8] = []
    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
      let quote = bytes[position]
      position += 1
      while position < bytes.count, bytes[position] != quote {
        value.append(bytes[position])
        position += 1
      }
      position = min(position + 1, bytes.count)
    } else {
      while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
        value.append(bytes[position])
        position += 1
      }
    }
    return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
  }

  /// The `encoding` pseudo-attribute of an XML declaration at the start, if any.
  private func xmlDeclarationEncoding() -> String? {
    guard bytes.count > 5, bytes[0] == UInt8(ascii: "<"), bytes[1] == UInt8(ascii: "?") else { return nil }
    let end = min(bytes.count, 200)
    let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
    guard head.hasPrefix("<?xml"), let close = head.range(of: "?>") else { return nil }
    let declaration = head[..<close.lowerBound]
    guard let range = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    let value = rest.dropFirst().prefix { $0 != quote }
    return value.isEmpty ? nil : String(value)
  }

  private func matches(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    let pointer = literal.utf8Start
    for k in 0..<count where bytes[position + k] != pointer[k] { return false }
    return true
  }

  private func matchesCaseInsensitive(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    let pointer = literal.utf8Start
    for k in 0..<count where lowercased(bytes[position + k]) != pointer[k] { return false }
    return true
  }

  private func indexAfter(_ literal: StaticString, from start: Int) -> Int {
    let count = literal.utf8CodeUnitCount
    let pointer = literal.utf8Start
    var index = start
    while index + count <= bytes.count {
      var found = true
      for k in 0..<count where bytes[index + k] != pointer[k] {
        found = false
        break
      }
      if found { return index + count }
      index += 1
    }
    return bytes.count
  }

  private func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
  }

  private func isLetter(_ byte: UInt8) -> Bool {
    let lower = lowercased(byte)
    return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
  }

  private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
  }

  private func isSpaceOrSlash(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "/") }
}
