/// Plain text from a small HTML fragment such as a StackExchange post `Body` attribute: tags
/// dropped, block ends turned into line breaks, common entities decoded. Text without `<` is
/// returned as is.
enum HTMLFragmentText {
  /// Tags that end a paragraph (a blank line) and tags that end a line.
  private static let paragraphBreaks: Set<String> = [
    "p", "/p", "ul", "/ul", "ol", "/ol", "pre", "/pre", "blockquote", "/blockquote", "/h1", "/h2", "/h3",
    "/h4", "/h5", "/h6", "hr", "hr/", "table", "/table",
  ]
  private static let lineBreaks: Set<String> = ["br", "br/", "/li", "/div", "/tr"]
  private static let entities: [String: String] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": " "]

  /// The text of `html`.
  static func text(_ html: String) -> String {
    guard html.contains("<") || html.contains("&") else { return html }
    var out = ""
    var inPre = false
    var index = html.startIndex
    while index < html.endIndex {
      let character = html[index]
      if character == "<", let close = html[index...].firstIndex(of: ">") {
        let tag = html[html.index(after: index)..<close].lowercased()
        let name = tag.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init) ?? ""
        if name == "pre" { inPre = true }
        if name == "/pre" { inPre = false }
        if paragraphBreaks.contains(name) {
          while out.hasSuffix(" ") { out.removeLast() }
          if !out.isEmpty, !out.hasSuffix("\n\n") { out += out.hasSuffix("\n") ? "\n" : "\n\n" }
        } else if lineBreaks.contains(name) {
          while out.hasSuffix(" ") { out.removeLast() }
          if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
        } else if name == "li" {
          while out.hasSuffix(" ") { out.removeLast() }
          if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
          out += "- "
        }
        index = html.index(after: close)
      } else if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";") {
        let name = String(html[html.index(after: index)..<semicolon])
        if let replacement = entities[name] {
          out += replacement
        } else if name.hasPrefix("#"), let scalar = numericEntity(name.dropFirst()) {
          out.unicodeScalars.append(scalar)
        } else {
          out += html[index...semicolon]
        }
        index = html.index(after: semicolon)
      } else if character.isWhitespace && !inPre {
        // Outside <pre>, HTML whitespace runs are one space, and none at a line start.
        if !out.isEmpty, !out.hasSuffix(" "), !out.hasSuffix("\n") { out += " " }
        index = html.index(after: index)
      } else {
        out.append(character)
        index = html.index(after: index)
      }
    }
    return out.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.trimmingTrailingSpaces() }
      .joined(separator: "\n")
      .replacingBlankRuns()
  }

  private static func numericEntity(_ digits: Substring) -> Unicode.Scalar? {
    let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
    return value.flatMap(Unicode.Scalar.init)
  }
}

extension Substring {
  fileprivate func trimmingTrailingSpaces() -> Substring {
    var end = endIndex
    while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
    return self[startIndex..<end]
  }
}

extension String {
  fileprivate func replacingBlankRuns() -> String {
    var out = ""
    var newlines = 0
    for character in self {
      if character == "\n" {
        newlines += 1
        if newlines <= 2 { out.append(character) }
      } else {
        newlines = 0
        out.append(character)
      }
    }
    return String(out.drop(while: { $0 == "\n" }).reversed().drop(while: { $0 == "\n" }).reversed())
  }
}
