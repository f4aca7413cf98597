import Crypto

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
    /// The main content: `<main>` (or `role=main`), else the largest `<article>`, else the
    /// body; navigation, asides and page-level headers and footers left out.
    case mainContent
  }

  /// The options in force.
  public var options: ExtractOptions
  /// Which part of the page becomes the text.
  public var contentScope: ContentScope

  /// An extractor with the given options.
  public init(options: ExtractOptions = ExtractOptions(), contentScope: ContentScope = .wholePage) {
    self.options = options
    self.contentScope = contentScope
  }

  /// The document in the HTML `bytes` (any encoding; decided from BOM, meta charset, content).
  /// - Parameter source: the path as given, recorded in the document and its id.
  /// - Throws: ``MarkupParseError`` when the input is empty or too large.
  public func document(from bytes: [UInt8], source: String) throws -> Document {
    let parsed = try HTMLParser().parse(bytes)
    let page = HTMLPage(tree: parsed.tree, dropBoilerplate: contentScope == .mainContent)
    let scope = contentScope == .mainContent ? Self.mainContentNode(page) : MarkupTree.root
    let output = HTMLMarkdownRenderer.render(page, scope: scope)
    let reader = HTMLMetadataReader(page: HTMLPage(tree: parsed.tree))
    var metadata = reader.metadata(encoding: parsed.encoding)
    let qa = HTMLQuestionAnswerReader(page: page).read(jsonLD: reader.jsonLD)
    if !qa.isEmpty { metadata.append("qa", .array(qa)) }
    return Document(
      id: Self.identifier(of: source), source: source, format: "html", title: reader.title(),
      text: MarkdownOutput.trimmed(output.bytes[...]), sections: output.documentSections(), metadata: metadata)
  }

  /// The Markdown-like text of an HTML fragment, such as the HTML body of a record field.
  func text(ofFragment html: String) throws -> String {
    let tree = try HTMLParser().parse(text: html)
    return MarkdownOutput.trimmed(HTMLMarkdownRenderer.render(HTMLPage(tree: tree)).bytes[...])
  }

  /// A stable id: the first 16 hex digits of the SHA-256 of `source`.
  static func identifier(of source: String) -> String {
    let digest = SHA256.hash(data: Array(source.utf8))
    return digest.prefix(8).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }

  /// The node whose subtree is the main content: `main` or `role=main`, else the `article`
  /// with the most text, else the document.
  static func mainContentNode(_ page: HTMLPage) -> MarkupTree.Node {
    let tree = page.tree
    var articles: [MarkupTree.Node] = []
    for node in 1..<tree.count where tree.kinds[node] == .element && !page.excluded[node] {
      let name = tree.name(node)
      if name == "main" || tree.attribute("role", of: node)?.lowercased() == "main" { return node }
      if name == "article" { articles.append(node) }
    }
    let best = articles.max { a, b in visibleTextLength(page, a) < visibleTextLength(page, b) }
    return best ?? MarkupTree.root
  }

  private static func visibleTextLength(_ page: HTMLPage, _ node: MarkupTree.Node) -> Int {
    var length = 0
    var index = node + 1
    while index < page.tree.subtreeEnd(node) {
      if page.excluded[index] {
        index = page.tree.subtreeEnd(index)
        continue
      }
      if page.tree.kinds[index] == .text { length += page.tree.textBytes(of: index).count }
      index += 1
    }
    return length
  }
}
