internal import CLibXML

/// Parses HTML into a ``MarkupTree`` with libxml2's recovering HTML parser.
///
/// The encoding is decided in Swift (``HTMLEncoding``) and the page handed to libxml2 as UTF-8
/// with `HTML_PARSE_IGNORE_ENC`, so a wrong `<meta charset>` or a stray invalid byte cannot make
/// libxml2 re-decode the rest of the page. Options: `RECOVER | NOERROR | NOWARNING | NONET |
/// HUGE | COMPACT | IGNORE_ENC`; `HUGE` lifts the 256-level depth limit (without it libxml2
/// silently drops everything below that depth). Whitespace-only text is kept (`NOBLANKS` would
/// glue words across inline tags). The libxml2 document is freed before returning.
struct HTMLParser: Sendable {
  /// A parsed page: its tree and the encoding it was read in.
  struct Result: Sendable {
    /// The document tree.
    var tree: MarkupTree
    /// The WHATWG name of the encoding decided, e.g. `utf-8` or `windows-1252`.
    var encoding: String
  }

  /// A parser.
  init() {}

  static let options = Int32(
    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
      | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
      | XML_PARSE_HUGE.rawValue)

  /// Parses a page given as raw bytes in any encoding.
  /// - Throws: ``MarkupParseError/empty`` or ``MarkupParseError/tooLarge(bytes:)``.
  func parse(_ bytes: [UInt8]) throws(MarkupParseError) -> Result {
    try bytes.withUnsafeBufferPointer { (buffer) throws(MarkupParseError) -> Result in try parse(buffer) }
  }

  /// Parses a page given as raw bytes in any encoding.
  func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(MarkupParseError) -> Result {
    guard !bytes.isEmpty else { throw .empty }
    guard bytes.count <= LibXML.maximumInputSize else { throw .tooLarge(bytes: bytes.count) }
    let decision = HTMLEncoding.decide(bytes)
    let body = UnsafeBufferPointer(rebasing: bytes[decision.byteOrderMarkLength...])
    let tree: MarkupTree
    if let converted = UTF8Transcoder.utf8(from: body, encoding: decision.transcodingName, knownValid: decision.isValidUTF8) {
      tree = try converted.withUnsafeBufferPointer { (buffer) throws(MarkupParseError) -> MarkupTree in
        try parseUTF8(buffer)
      }
    } else {
      tree = try parseUTF8(body)
    }
    return Result(tree: tree, encoding: decision.name)
  }

  /// Parses HTML text that is already a Swift string (a fragment or a whole page).
  func parse(text: String) throws(MarkupParseError) -> MarkupTree {
    var bytes = Array(text.utf8)
    guard !bytes.isEmpty else { throw .empty }
    for index in bytes.indices where bytes[index] == 0 { bytes[index] = UInt8(ascii: " ") }
    return try bytes.withUnsafeBufferPointer { (buffer) throws(MarkupParseError) -> MarkupTree in
      try parseUTF8(buffer)
    }
  }

  /// Parses valid UTF-8 (without NUL bytes) with `htmlReadMemory`, start tags first capped to
  /// ``HTMLAttributeCap/maximumAttributes`` attributes (libxml2 is quadratic in them).
  private func parseUTF8(_ bytes: UnsafeBufferPointer<UInt8>) throws(MarkupParseError) -> MarkupTree {
    if let capped = HTMLAttributeCap.capped(bytes) {
      return try capped.withUnsafeBufferPointer { (buffer) throws(MarkupParseError) -> MarkupTree in
        try parseCappedUTF8(buffer)
      }
    }
    return try parseCappedUTF8(bytes)
  }

  private func parseCappedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) throws(MarkupParseError) -> MarkupTree {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { throw .empty }
    guard bytes.count <= LibXML.maximumInputSize else { throw .tooLarge(bytes: bytes.count) }
    return try LibXML.capturingErrors { (collector) throws(MarkupParseError) -> MarkupTree in
      let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
      guard let document = htmlReadMemory(pointer, Int32(bytes.count), nil, "UTF-8", Self.options) else {
        throw collector.parseError(fallback: "libxml2 could not parse the page", huge: true)
      }
      defer { xmlFreeDoc(document) }
      return try MarkupTree.build(document: document)
    }
  }
}
