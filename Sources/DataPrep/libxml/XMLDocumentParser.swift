internal import CLibXML

/// Parses a whole XML document into a ``MarkupTree`` with libxml2, safely.
///
/// Hostile input is contained: no network (`XML_PARSE_NONET`), no DTD loading (no `DTDLOAD`,
/// `DTDATTR` or `DTDVALID`), external entities never substituted or read (no `NOENT`), and
/// internal entity expansion bounded (libxml2's own amplification checks while parsing, then
/// ``MarkupTree/defaultEntityTextLimit`` while building the tree). The parse first runs with
/// libxml2's default limits (depth 256, 10 MB text nodes); only when one of those limits stops
/// it, and the document declares no entities, is it parsed again with `XML_PARSE_HUGE` (which in
/// libxml2 2.9 also switches off the amplification checks). Errors are captured, never printed.
/// For files larger than memory, use record mode (the streaming reader) instead.
struct XMLDocumentParser: Sendable {
  /// Whether to keep a best-effort tree of malformed XML instead of failing at the first error.
  var recover: Bool
  /// Entity text allowed while building the tree, in bytes.
  var entityTextLimit: Int

  /// A parser; `recover: false` (the default) rejects XML that is not well-formed.
  init(recover: Bool = false, entityTextLimit: Int = MarkupTree.defaultEntityTextLimit) {
    self.recover = recover
    self.entityTextLimit = entityTextLimit
  }

  static let baseOptions =
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
    | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue

  /// Parses the XML in `bytes` (encoding from its BOM or XML declaration, else UTF-8).
  /// - Throws: ``MarkupParseError`` with the line of the first error.
  func parse(_ bytes: [UInt8]) throws(MarkupParseError) -> MarkupTree {
    try bytes.withUnsafeBufferPointer { (buffer) throws(MarkupParseError) -> MarkupTree in try parse(buffer) }
  }

  /// Parses the XML in `bytes`.
  func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(MarkupParseError) -> MarkupTree {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { throw .empty }
    guard bytes.count <= LibXML.maximumInputSize else { throw .tooLarge(bytes: bytes.count) }
    var options = Self.baseOptions | (recover ? XML_PARSE_RECOVER.rawValue : 0)
    do {
      return try parse(base, count: bytes.count, options: Int32(options), huge: false)
    } catch let failure {
      guard failure.hitHardLimit, !Self.declaresEntities(bytes) else { throw failure.error }
      options |= XML_PARSE_HUGE.rawValue
      do {
        return try parse(base, count: bytes.count, options: Int32(options), huge: true)
      } catch let retry {
        throw retry.error
      }
    }
  }

  /// A failed attempt: the error, and whether a libxml2 hard limit (not the input) caused it.
  private struct Failure: Error {
    var error: MarkupParseError
    var hitHardLimit: Bool
  }

  private func parse(_ base: UnsafePointer<UInt8>, count: Int, options: Int32, huge: Bool) throws(Failure) -> MarkupTree {
    try LibXML.capturingErrors { (collector) throws(Failure) -> MarkupTree in
      let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
      guard let document = xmlReadMemory(pointer, Int32(count), nil, nil, options) else {
        let error = collector.parseError(fallback: "not well-formed XML", huge: huge)
        throw Failure(error: error, hitHardLimit: collector.hitHardLimit)
      }
      defer { xmlFreeDoc(document) }
      do throws(MarkupParseError) {
        return try MarkupTree.build(document: document, entityTextLimit: entityTextLimit)
      } catch {
        throw Failure(error: error, hitHardLimit: false)
      }
    }
  }

  /// Whether the bytes contain an entity declaration (then `XML_PARSE_HUGE` is never used).
  /// Inputs that are not ASCII-compatible (UTF-16, UTF-32) count as declaring entities.
  static func declaresEntities(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 || bytes[0] >= 0xFE { return true }
    let needle = Array("<!ENTITY".utf8)
    guard bytes.count >= needle.count else { return false }
    var index = 0
    while index <= bytes.count - needle.count {
      if bytes[index] == needle[0] {
        var k = 1
        while k < needle.count, bytes[index + k] == needle[k] { k += 1 }
        if k == needle.count { return true }
      }
      index += 1
    }
    return false
  }
}
