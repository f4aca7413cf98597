/// Text values that may hold HTML (a StackExchange `Body` attribute, an RSS `description`,
/// an Atom `content`): detected by their tags and extracted with ``HTMLExtractor``.
enum EmbeddedHTML {
  /// Tag names whose presence (`<p>`, `<p class=...>`, `</p>`, `<br/>`) marks a value as HTML.
  static let markerTags: Set<String> = [
    "p", "div", "br", "a", "ul", "ol", "li", "pre", "code", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "tr", "td", "th", "em", "strong", "b", "i", "blockquote", "img", "span", "hr",
    "dl", "dt", "dd", "section", "article", "figure", "sup", "sub", "html", "body",
  ]

  /// Whether `value` contains at least one known HTML tag.
  static func looksLikeHTML(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    var index = 0
    while let lt = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
      var j = lt + 1
      if j < bytes.count, bytes[j] == UInt8(ascii: "/") { j += 1 }
      let start = j
      while j < bytes.count, (bytes[j] >= 0x61 && bytes[j] <= 0x7A) || (bytes[j] >= 0x41 && bytes[j] <= 0x5A)
        || (bytes[j] >= 0x30 && bytes[j] <= 0x39)
      {
        j += 1
      }
      if j > start, j < bytes.count, [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "/"), 0x0A, 0x09].contains(bytes[j]) {
        let name = String(decoding: bytes[start..<j], as: UTF8.self).lowercased()
        if markerTags.contains(name) { return true }
      }
      index = lt + 1
      if index >= bytes.count { break }
    }
    return false
  }

  /// The text of `value`: extracted from HTML when it looks like HTML, else trimmed as is.
  static func text(_ value: String, source: String) -> (text: String, sections: [Document.Section]) {
    guard looksLikeHTML(value) else { return (TextOutline.trim(value), []) }
    guard let text = try? HTMLExtractor().text(ofFragment: value) else { return (TextOutline.trim(value), []) }
    return (text, [])
  }
}
