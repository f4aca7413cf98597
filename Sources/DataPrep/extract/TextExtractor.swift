/// Extracts a ``Document`` from plain text or Markdown: encoding detection, headings to sections.
///
/// PLACEHOLDER until the real extractor lands; the API stays.
public struct TextExtractor: Sendable {
  /// An extractor.
  public init() {}

  /// The document in `bytes` (UTF-8, UTF-16 with BOM, else Latin-1).
  /// - Parameters:
  ///   - markdown: read `#` headings as sections.
  ///   - source: the path as given.
  public func document(from bytes: [UInt8], markdown: Bool, source: String) throws -> Document {
    let text = String(decoding: bytes, as: UTF8.self)
    return Document(id: source, source: source, format: markdown ? "markdown" : "text", title: "", text: text, sections: [])
  }
}
