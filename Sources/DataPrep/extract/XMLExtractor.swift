/// Extracts documents from one XML file: DocBook, TEI, JATS, Mallard, RSS/Atom, MediaWiki
/// exports, and any other XML as text with element structure.
///
/// PLACEHOLDER until the libxml2-based extractor lands; the API stays.
public struct XMLExtractor: Sendable {
  /// The options in force (``ExtractOptions/recordXPath`` selects record mode).
  public var options: ExtractOptions

  /// An extractor with the given options.
  public init(options: ExtractOptions = ExtractOptions()) {
    self.options = options
  }

  /// Streams the documents of the XML file at `path` to `body`, in document order.
  ///
  /// In record mode, memory stays flat whatever the file size.
  /// - Parameter source: the path as the user gave it.
  public func forEachDocument(path: String, source: String, _ body: (Document) throws -> Void) throws {
  }
}
