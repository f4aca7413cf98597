/// The root element of an XML file as read from its first bytes: enough to pick a dialect
/// before parsing (and to pick streaming for feeds and wiki dumps).
struct XMLRoot: Sendable, Equatable {
  /// The qualified name as written (`rdf:RDF`).
  var name: String
  /// The name without its prefix (`RDF`).
  var localName: String
  /// The namespace URI of the root element, if declared in its start tag.
  var namespace: String?
  /// The attributes of the start tag, as written (namespace declarations included).
  var attributes: [String: String]
  /// The document type name and identifiers (`<!DOCTYPE ...>` text), if any.
  var doctype: String

  /// Reads the first start tag in `head` (skipping the declaration, comments, processing
  /// instructions and the document type declaration); `nil` when none is found.
  init?(head: [UInt8]) {
    let bytes = InputKind.asciiView(head[...])
    var i = 0
    var doctype = ""
    func starts(_ s: String, at index: Int) -> Bool {
      let u = Array(s.utf8)
      return index + u.count <= bytes.count && Array(bytes[index..<(index + u.count)]) == u
    }
    func find(_ s: String, from index: Int) -> Int? {
      let u = Array(s.utf8)
      guard u.count <= bytes.count else { return nil }
      var j = index
      while j + u.count <= bytes.count {
        if bytes[j] == u[0] && Array(bytes[j..<(j + u.count)]) == u { return j }
        j += 1
      }
      return nil
    }
    while i < bytes.count {
      guard let lt = bytes[i...].firstIndex(of: UInt8(ascii: "<")) else { return nil }
      i = lt
      if starts("<?", at: i) {
        guard let end = find("?>", from: i) else { return nil }
        i = end + 2
      } else if starts("<!--", at: i) {
        guard let end = find("-->", from: i) else { return nil }
        i = end + 3
      } else if starts("<!", at: i) {
        // DOCTYPE, possibly with an internal subset in brackets.
        var j = i + 2
        var depth = 0
        while j < bytes.count {
          if bytes[j] == UInt8(ascii: "[") { depth += 1 }
          if bytes[j] == UInt8(ascii: "]") { depth -= 1 }
          if bytes[j] == UInt8(ascii: ">") && depth <= 0 { break }
          j += 1
        }
        guard j < bytes.count else { return nil }
        doctype = String(decoding: bytes[(i + 2)..<j].prefix(400), as: UTF8.self)
        i = j + 1
      } else {
        break
      }
    }
    guard i < bytes.count else { return nil }
    var j = i + 1
    let isNameByte: (UInt8) -> Bool = { b in
      b > 0x7F || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }
    while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
    guard j > i + 1 else { return nil }
    let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
    guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return nil }
    guard let tagEnd = bytes[j...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
    let attributeText = String(decoding: bytes[j..<tagEnd], as: UTF8.self)
    self.name = name
    self.localName = String(name.split(separator: ":").last ?? Substring(name))
    let attributes = XMLRoot.parseAttributes(attributeText)
    self.attributes = attributes
    if name.contains(":") {
      self.namespace = attributes["xmlns:" + String(name.split(separator: ":")[0])]
    } else {
      self.namespace = attributes["xmlns"]
    }
    self.doctype = doctype
  }

  /// `name="value"` pairs (single or double quotes) of a start tag.
  static func parseAttributes(_ text: String) -> [String: String] {
    var result: [String: String] = [:]
    var rest = Substring(text)
    while let eq = rest.firstIndex(of: "=") {
      let name = rest[..<eq].trimming(charactersIn: " \t\n\r/")
      var after = rest[rest.index(after: eq)...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
      guard let quote = after.first, quote == "\"" || quote == "'" else { break }
      after = after.dropFirst()
      guard let close = after.firstIndex(of: quote) else { break }
      let key = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).last.map(String.init) ?? name
      result[key] = String(after[..<close])
      rest = after[after.index(after: close)...]
    }
    return result
  }
}
