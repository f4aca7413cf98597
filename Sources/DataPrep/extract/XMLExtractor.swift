/// Extracts documents from one XML file: DocBook, TEI, JATS, Mallard, RSS/Atom, MediaWiki
/// exports, and any other XML as text with element structure.
///
/// The dialect comes from the root element and its namespace. Feeds and wiki exports are
/// streamed (one document per item, entry or page); record mode (``ExtractOptions/recordXPath``)
/// streams one document per matching element. Other dialects are parsed whole.
struct XMLExtractor: Sendable {
  /// How many first bytes are read to find the root element and the dialect.
  static let sniffLength = 1 << 16

  /// The options in force (``ExtractOptions/recordXPath`` selects record mode).
  var options: ExtractOptions

  /// An extractor with the given options.
  init(options: ExtractOptions = ExtractOptions()) {
    self.options = options
  }

  /// Streams the documents of the XML file at `path` to `body`, in document order.
  ///
  /// In record mode, memory stays flat whatever the file size.
  /// - Parameter source: the path as the user gave it.
  /// - Throws: ``InputError`` when the file cannot be read, ``ExtractError`` when it is empty or
  ///   not well-formed (documents before the error have already been passed to `body`).
  func forEachDocument(path: String, source: String, _ body: (Document) throws -> Void) throws {
    let input = try ExtractionInput(path: path)
    try forEachDocument(input: input, source: source, body)
  }

  /// Streams the documents of `input`; record mode converts records on `parallelism` threads.
  func forEachDocument(
    input: ExtractionInput, source: String, parallelism: Int = 1, _ body: (Document) throws -> Void
  ) throws {
    let head = try input.peek(Self.sniffLength)
    if head.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) && input.endSeen {
      throw ExtractError.empty(path: source)
    }
    if options.recordXPath != nil {
      try RecordDocuments(options: options).forEachDocument(
        input: input, source: source, parallelism: parallelism, body)
      return
    }
    let dialect = XMLRoot(head: head).map { XMLDialect.detect(root: $0, head: head) } ?? .xml
    let limit = options.limits.maximumEntityBytes
    switch dialect {
    case .rss, .atom:
      try FeedDocuments(dialect: dialect, entityTextLimit: limit).forEachDocument(input: input, source: source, body)
    case .mediawiki:
      try WikiDocuments(entityTextLimit: limit).forEachDocument(input: input, source: source, body)
    default:
      try body(try XMLTreeDocument(dialect: dialect, entityTextLimit: limit).document(input: input, source: source))
    }
  }
}
