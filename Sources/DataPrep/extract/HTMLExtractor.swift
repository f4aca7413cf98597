/// Extracts a ``Document`` from one HTML page.
///
/// PLACEHOLDER until the libxml2-based extractor lands; the API stays.
public struct HTMLExtractor: Sendable {
  /// The options in force.
  public var options: ExtractOptions

  /// An extractor with the given options.
  public init(options: ExtractOptions = ExtractOptions()) {
    self.options = options
  }

  /// The document in the HTML `bytes` (any encoding; decided from BOM, meta charset, content).
  /// - Parameter source: the path as given, recorded in the document and its id.
  public func document(from bytes: [UInt8], source: String) throws -> Document {
    let text = String(decoding: bytes, as: UTF8.self)
    return Document(id: source, source: source, format: "html", title: "", text: text, sections: [])
  }
}
