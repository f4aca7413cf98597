/// Decides the kind of an input from its file extension and, when the extension says nothing,
/// from its first bytes.
enum InputKind {
  /// Extensions read as HTML.
  static let htmlExtensions: Set<String> = ["html", "htm", "xhtml", "shtml", "xht"]
  /// Extensions read as XML (dialects are detected from the root element).
  static let xmlExtensions: Set<String> = [
    "xml", "rss", "atom", "rdf", "docbook", "dbk", "tei", "jats", "nxml", "page", "feed",
  ]
  /// Extensions read as Markdown.
  static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn"]
  /// Extensions read as plain text.
  static let textExtensions: Set<String> = ["txt", "text", "rst", "adoc", "asciidoc", "org"]
  /// Extensions a folder walk passes over without reading: media, fonts, code assets, archives
  /// and data files that are not documents. Files named explicitly are always read.
  static let ignoredExtensions: Set<String> = [
    "png", "jpg", "jpeg", "gif", "webp", "bmp", "ico", "tif", "tiff", "svg", "avif", "heic",
    "css", "js", "mjs", "map", "woff", "woff2", "ttf", "otf", "eot", "pdf", "zip", "tar", "tgz",
    "bz2", "xz", "zst", "7z", "rar", "mp3", "mp4", "m4a", "wav", "ogg", "webm", "mov", "avi",
    "json", "jsonl", "ndjson", "csv", "tsv", "parquet", "arrow", "sqlite", "db", "bin", "exe",
    "so", "dylib", "dll", "o", "a", "class", "jar", "pyc", "wasm", "swp", "lock",
  ]

  /// The extension that tells the kind: the last one, or the one before `.gz`, lowercased.
  static func effectiveExtension(of path: String) -> String {
    var name = Substring(path.split(separator: "/").last ?? "")
    if name.lowercased().hasSuffix(".gz") { name = name.dropLast(3) }
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  /// Whether a folder walk should pass over `path` without reading it.
  static func isIgnoredInFolder(_ path: String) -> Bool {
    ignoredExtensions.contains(effectiveExtension(of: path))
  }

  /// The kind of the input at `path` whose first bytes are `head`.
  static func detect(path: String, head: [UInt8]) -> ExtractOptions.InputFormat {
    let ext = effectiveExtension(of: path)
    if htmlExtensions.contains(ext) { return .html }
    if xmlExtensions.contains(ext) { return .xml }
    if markdownExtensions.contains(ext) { return .markdown }
    if textExtensions.contains(ext) { return .text }
    return sniff(head)
  }

  /// The kind the content suggests: `<!doctype html`/`<html` or an HTML tag is HTML, `<?xml` or
  /// another root element is XML (XHTML counts as HTML), anything else is text.
  static func sniff(_ head: [UInt8]) -> ExtractOptions.InputFormat {
    let ascii = asciiView(head.prefix(4096))
    var index = ascii.startIndex
    // Skip whitespace, comments and processing instructions before the first tag.
    while index < ascii.endIndex {
      let byte = ascii[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
        continue
      }
      break
    }
    guard index < ascii.endIndex, ascii[index] == UInt8(ascii: "<") else { return .text }
    let lower = ascii[index...].prefix(2048).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    let text = String(decoding: lower, as: UTF8.self)
    if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") { return .html }
    if text.hasPrefix("<?xml") || text.hasPrefix("<!doctype") || text.hasPrefix("<!--") {
      if let root = XMLRoot(head: head), root.localName.lowercased() == "html" { return .html }
      return text.hasPrefix("<!--") && XMLRoot(head: head) == nil ? .text : .xml
    }
    guard let root = XMLRoot(head: head) else { return .text }
    return htmlTags.contains(root.localName.lowercased()) ? .html : .xml
  }

  /// Tags that, opening a file without a declaration, mean an HTML fragment.
  static let htmlTags: Set<String> = [
    "html", "head", "body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "meta", "title",
    "link", "section", "article", "main", "header", "nav", "table", "ul", "ol", "span", "a",
    "script", "style", "form", "pre", "blockquote",
  ]

  /// The bytes with UTF-16 (BOM) input reduced to its low bytes, enough for sniffing ASCII markup.
  static func asciiView(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    guard TextDecoding.hasUTF16BOM(bytes) else {
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
      return Array(bytes)
    }
    return bytes.dropFirst(2).filter { $0 != 0 }
  }
}
