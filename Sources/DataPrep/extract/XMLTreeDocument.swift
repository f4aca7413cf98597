/// The XML dialects parsed whole (DocBook, TEI, JATS, Mallard, generic XML) to one ``Document``:
/// the tree comes from ``XMLDocumentParser`` (no network, no DTD, bounded entities), the text
/// from ``XMLTextRenderer`` with the dialect's ``XMLVocabulary``, and title, abstract, authors,
/// date and keywords from the dialect's metadata elements.
struct XMLTreeDocument {
  /// The dialect, which names the document's format.
  let dialect: XMLDialect
  /// Entity text allowed in the document, in bytes.
  var entityTextLimit = MarkupTree.defaultEntityTextLimit

  /// The document of the whole input.
  func document(input: ExtractionInput, source: String) throws -> Document {
    let bytes = try input.readAll()
    let tree: MarkupTree
    do {
      tree = try XMLDocumentParser(entityTextLimit: entityTextLimit).parse(bytes)
    } catch {
      switch error {
      case .empty: throw ExtractError.empty(path: source)
      case .tooLarge: throw ExtractError.tooLarge(path: source, limit: LibXML.maximumInputSize)
      case .malformed(let message, let line):
        throw ExtractError.malformedXML(path: source, line: line, message: message)
      case .entityExpansionTooLarge:
        throw ExtractError.malformedXML(path: source, line: 0, message: error.errorDescription ?? "entity expansion")
      }
    }
    return try document(tree: tree, source: source)
  }

  /// The document of a parsed tree.
  func document(tree: MarkupTree, source: String) throws -> Document {
    guard let root = tree.rootElement else { throw ExtractError.noText(path: source) }
    let info = XMLMetadata(tree: tree, root: root, dialect: dialect)
    var renderer = XMLTextRenderer(tree: tree, vocabulary: XMLVocabulary(dialect))
    var (text, sections) = renderer.render(root: root, title: info.title, titleNode: info.titleNode)
    if dialect == .xml && sections.allSatisfy({ $0.text.isEmpty }) {
      // Data XML whose content is all in attributes: lay the attributes out as `name: value`.
      var withAttributes = XMLTextRenderer(tree: tree, vocabulary: XMLVocabulary(dialect))
      withAttributes.includeAttributes = true
      (text, sections) = withAttributes.render(root: root, title: info.title, titleNode: info.titleNode)
    }
    guard sections.contains(where: { !$0.text.isEmpty }) || !info.title.isEmpty else {
      throw ExtractError.noText(path: source)
    }
    return Document(
      id: DocumentID.make(source: source), source: source, format: dialect.rawValue, title: info.title,
      text: text, sections: sections, metadata: info.metadata)
  }
}
