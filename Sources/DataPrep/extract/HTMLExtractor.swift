
/// Extracts a ``Document`` from one HTML page: Markdown-like text with sections, the title, and
/// metadata (`lang`, `description`, `url`, `author`, `date`, `site_name`, `tags`, `encoding`,
/// and `qa` question/answer pairs).
///
/// Scripts, styles, templates, `noscript`, forms and their controls, embedded media, `head` and
/// hidden elements never reach the text. The encoding is decided from the BOM, a `<meta>`
/// declaration or the bytes themselves (see `metadata.encoding`).
public struct HTMLExtractor: Sendable {
  /// Which part of the page becomes the text.
  public enum ContentScope: String, Sendable, Hashable, CaseIterable {
    /// Everything visible in the page (the default).
    case wholePage
    /// The main content: `itemprop=articleBody`, `<main>` (or `role=main`), else the largest
    /// `<article>`, else the body, narrowed to the block holding most of the prose; navigation,
    /// asides, page-level headers and footers, menus, link lists, comments and metadata lines
    /// left out (see `HTMLMainContentSelector`). Falls back to the page without that
    /// furniture, then the whole page, when the result is under 250 bytes; a JSON-LD
    /// `articleBody` twice as long as the result replaces it.
    case mainContent
  }

  /// The options in force.
  public var options: ExtractOptions
  /// Which part of the page becomes the text.
  public var contentScope: ContentScope
  /// The main-content trade-off, optional parts and text format.
  public var content: HTMLContentOptions

  /// An extractor with the given options.
  public init(
    options: ExtractOptions = ExtractOptions(), contentScope: ContentScope = .wholePage,
    content: HTMLContentOptions = HTMLContentOptions()
  ) {
    self.options = options
    self.contentScope = contentScope
    self.content = content
  }

  /// The document in the HTML `bytes` (any encoding; decided from BOM, meta charset, content).
  /// - Parameter source: the path as given, recorded in the document and its id.
  /// - Throws: ``MarkupParseError`` when the input is empty or too large.
  public func document(from bytes: [UInt8], source: String) throws -> Document {
    let parsed = try HTMLParser().parse(bytes)
    var page = HTMLPage(tree: parsed.tree, dropBoilerplate: contentScope == .mainContent, content: content)
    var output: MarkdownOutput
    if contentScope == .mainContent {
      let furnitureOnly = page
      let scope = HTMLMainContentSelector(options: content).select(&page)
      output = HTMLMarkdownRenderer.render(page, scope: scope, content: content)
      // When the chosen part is (nearly) empty, the heuristics failed: fall back to the page
      // without its furniture, then to the whole page.
      if output.bytes.count < Self.minimumMainContent {
        output = HTMLMarkdownRenderer.render(furnitureOnly, content: content)
      }
      if output.bytes.count < Self.minimumMainContent {
        output = HTMLMarkdownRenderer.render(page.withOnlyLinkListsExcluded(), content: content)
      }
      if output.bytes.count < Self.minimumMainContent {
        output = HTMLMarkdownRenderer.render(page.withoutBoilerplateExclusions(), content: content)
      }
    } else {
      output = HTMLMarkdownRenderer.render(page, content: content)
    }
    let reader = HTMLMetadataReader(page: contentScope == .wholePage ? page : page.withoutBoilerplateExclusions())
    if contentScope == .mainContent, let stated = HTMLStructuredArticleBody(jsonLD: reader.jsonLD),
      stated.isBetter(than: output), let statedOutput = stated.rendered(content: content)
    {
      output = statedOutput
    }
    var metadata = reader.metadata(encoding: parsed.encoding)
    let qa = HTMLQuestionAnswerReader(page: page).read(jsonLD: reader.jsonLD)
    if !qa.isEmpty { metadata.append("qa", .array(qa)) }
    return Document(
      id: DocumentID.make(source: source), source: source, format: "html", title: reader.title(),
      text: MarkdownOutput.trimmed(output.bytes[...]), sections: output.documentSections(), metadata: metadata)
  }

  /// Below this many bytes of text, main-content mode falls back to a wider part of the page.
  static let minimumMainContent = 250

  /// The Markdown-like text of an HTML fragment, such as the HTML body of a record field.
  func text(ofFragment html: String) throws -> String {
    let tree = try HTMLParser().parse(text: html)
    return MarkdownOutput.trimmed(HTMLMarkdownRenderer.render(HTMLPage(tree: tree)).bytes[...])
  }
}
