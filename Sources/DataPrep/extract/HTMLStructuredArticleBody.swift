/// The article text a page states in its schema.org data (`articleBody` in JSON-LD), used when
/// the visible page holds much less of it.
///
/// Pages rendered by scripts, or cut short for readers without JavaScript, often ship the whole
/// article in their JSON-LD for search engines while the HTML shows a teaser or nothing. When
/// the stated body is at least twice as long as what main-content mode found, it is the better
/// text. HTML inside it is rendered like any fragment; plain text keeps its line breaks as
/// paragraphs.
struct HTMLStructuredArticleBody {
  /// The stated body of the page's first article-like JSON-LD object, if any.
  let body: String

  /// The body in `jsonLD`, or nil when the page states none.
  init?(jsonLD: [JSONValue]) {
    guard
      let body = HTMLJSONLDReader(values: jsonLD).firstString(["articleBody"], inTypes: HTMLJSONLDReader.articleTypes)
    else { return nil }
    self.body = body
  }

  /// Whether the stated body should replace `found`, the text main-content mode rendered.
  func isBetter(than found: MarkdownOutput) -> Bool {
    body.utf8.count >= 2 * found.bytes.count + 200
  }

  /// The body rendered as the page text would be.
  func rendered(content: HTMLContentOptions) -> MarkdownOutput? {
    let html: String
    if body.contains("<p") || body.contains("<br") || body.contains("<div") {
      html = body
    } else {
      html = body.split(whereSeparator: \.isNewline).map { "<p>\(HTMLText.escape(String($0)))</p>" }.joined()
    }
    guard let tree = try? HTMLParser().parse(text: html) else { return nil }
    return HTMLMarkdownRenderer.render(HTMLPage(tree: tree), content: content)
  }
}
