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
    /// body, narrowed to the block holding most of the prose; navigation, asides, page-level
    /// headers and footers, menus and link lists left out. Falls back to the page without that
    /// furniture, then the whole page, when the result is under 250 bytes.
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
    var output: MarkdownOutput
    if contentScope == .mainContent {
      output = HTMLMarkdownRenderer.render(page, scope: Self.mainContentNode(page))
      // When the chosen part is (nearly) empty, the heuristics failed: fall back to the page
      // without its furniture, then to the whole page.
      if output.bytes.count < Self.minimumMainContent {
        output = HTMLMarkdownRenderer.render(page)
      }
      if output.bytes.count < Self.minimumMainContent {
        output = HTMLMarkdownRenderer.render(HTMLPage(tree: parsed.tree))
      }
    } else {
      output = HTMLMarkdownRenderer.render(page)
    }
    let reader = HTMLMetadataReader(page: contentScope == .wholePage ? page : HTMLPage(tree: parsed.tree))
    var metadata = reader.metadata(encoding: parsed.encoding)
    let qa = HTMLQuestionAnswerReader(page: page).read(jsonLD: reader.jsonLD)
    if !qa.isEmpty { metadata.append("qa", .array(qa)) }
    return Document(
      id: Self.identifier(of: source), source: source, format: "html", title: reader.title(),
      text: MarkdownOutput.trimmed(output.bytes[...]), sections: output.documentSections(), metadata: metadata)
  }

  /// Below this many bytes of text, main-content mode falls back to a wider part of the page.
  static let minimumMainContent = 250

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

  /// The node whose subtree is the main content: start at `main` or `role=main`, else the
  /// `article` with the most text, else the document; then narrow down to the smallest block
  /// that still holds most (90%) of the page's prose (text in paragraphs, outside links).
  static func mainContentNode(_ page: HTMLPage) -> MarkupTree.Node {
    let tree = page.tree
    var articles: [MarkupTree.Node] = []
    var start: MarkupTree.Node?
    for node in 1..<tree.count where tree.kinds[node] == .element && !page.excluded[node] {
      let name = tree.name(node)
      if name == "main" || tree.attribute("role", of: node)?.lowercased() == "main" {
        start = node
        break
      }
      if name == "article" { articles.append(node) }
    }
    var current = start ?? articles.max { visibleTextLength(page, $0) < visibleTextLength(page, $1) } ?? MarkupTree.root
    guard let prose = page.boilerplate?.proseLength else { return current }
    while prose[current] > 0 {
      var best: MarkupTree.Node?
      for child in tree.children(of: current) where tree.isElement(child) && !page.excluded[child] {
        if best.map({ prose[child] > prose[$0] }) ?? true { best = child }
      }
      guard let child = best, prose[child] * 10 >= prose[current] * 9, tree.name(child) != "p",
        case .block = page.role(child)
      else { break }
      current = child
    }
    return current
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
