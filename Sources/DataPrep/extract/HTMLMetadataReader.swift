/// Reads a page's title and metadata: `<title>`, `<meta>` (name, property, itemprop), the
/// canonical link, `<html lang>`, `<time datetime>` and schema.org JSON-LD, in that priority.
struct HTMLMetadataReader {
  let page: HTMLPage
  private var tree: MarkupTree { page.tree }
  /// `<meta>` contents by lowercased name/property/itemprop, every value in document order.
  private var metas: [String: [String]] = [:]
  /// The JSON-LD blocks of the page, parsed (unparsable ones are skipped).
  private(set) var jsonLD: [JSONValue] = []
  private var canonical: String?
  private var lang: String?
  private var timeDatetime: String?
  /// The `datetime` of a `<time>` marked as the publication date (`itemprop=datePublished`, `pubdate`).
  private var publishedTime: String?
  private var titleElement: String?

  /// Reads everything in one pass over the page.
  init(page: HTMLPage) {
    self.page = page
    let tree = page.tree
    for node in 1..<tree.count where tree.kinds[node] == .element {
      switch tree.name(node) {
      case "meta":
        guard let content = tree.attribute("content", of: node) else { continue }
        for key in ["name", "property", "itemprop", "http-equiv"] {
          if let name = tree.attribute(key, of: node) {
            for token in name.split(separator: " ") { metas[token.lowercased(), default: []].append(content) }
          }
        }
      case "link":
        let rel = tree.attribute("rel", of: node)?.lowercased().split(separator: " ") ?? []
        if canonical == nil, rel.contains("canonical"), let href = tree.attribute("href", of: node), !href.isEmpty {
          canonical = href
        }
      case "html":
        if lang == nil { lang = tree.attribute("lang", of: node) }
      case "time":
        guard let value = tree.attribute("datetime", of: node), !value.isEmpty else { continue }
        if timeDatetime == nil, !page.excluded[node] { timeDatetime = value }
        let marked = tree.attribute("itemprop", of: node)?.lowercased() == "datepublished" || tree.attribute("pubdate", of: node) != nil
        if publishedTime == nil, marked { publishedTime = value }
      case "title":
        let insideGraphics = tree.ancestor(of: node) { tree.isElement($0, named: "svg") } != nil
        if titleElement == nil, !insideGraphics {
          let line = Self.collapse(tree.textContent(of: node))
          if !line.isEmpty { titleElement = line }
        }
      case "script":
        let type = tree.attribute("type", of: node)?.lowercased() ?? ""
        if type.contains("ld+json"), let value = try? JSONParser().parse(tree.textContent(of: node)) {
          jsonLD.append(value)
        }
      default:
        continue
      }
    }
  }

  /// The first non-empty `<meta>` content among `keys`, whitespace collapsed.
  func meta(_ keys: String...) -> String? {
    for key in keys {
      for value in metas[key] ?? [] {
        let collapsed = Self.collapse(value)
        if !collapsed.isEmpty { return collapsed }
      }
    }
    return nil
  }

  /// `text` with runs of whitespace made one space, ends trimmed.
  static func collapse(_ text: String) -> String {
    var inline = MarkdownInlineText()
    inline.append(Array(text.utf8)[...])
    return String(decoding: inline.singleLine(), as: UTF8.self)
  }

  /// The title: `<title>`, else `og:title`/`twitter:title`, else JSON-LD `headline`, else the first `h1`.
  func title() -> String {
    if let titleElement { return titleElement }
    if let value = meta("og:title", "twitter:title") { return value }
    if let headline = HTMLJSONLDReader(values: jsonLD).firstString(["headline", "name"], inTypes: HTMLJSONLDReader.articleTypes) {
      return headline
    }
    if let h1 = tree.elements(named: "h1").first(where: { !page.excluded[$0] }) {
      let text = HTMLMarkdownRenderer(page: page).inlineRun(h1).singleLine()
      return String(decoding: text, as: UTF8.self)
    }
    return ""
  }

  /// The metadata object: keys in a fixed order, present only when found (`encoding` always).
  func metadata(encoding: String) -> JSONObject {
    let ld = HTMLJSONLDReader(values: jsonLD)
    var object = JSONObject()
    func add(_ key: String, _ value: String?) {
      guard let value else { return }
      let collapsed = Self.collapse(value)
      if !collapsed.isEmpty { object.append(key, .string(collapsed)) }
    }
    add("lang", lang?.trimmingASCIIWhitespace() ?? meta("content-language", "language", "dc.language"))
    add(
      "description",
      meta("description", "og:description", "twitter:description", "dc.description")
        ?? ld.firstString(["description"], inTypes: HTMLJSONLDReader.articleTypes))
    add("url", canonical?.trimmingASCIIWhitespace() ?? meta("og:url"))
    add(
      "author",
      meta("author", "dc.creator", "citation_author", "parsely-author") ?? ld.firstAuthor()
        ?? meta("article:author"))
    add(
      "date",
      meta(
        "article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.date", "citation_publication_date",
        "pubdate", "publishdate", "datepublished")
        ?? ld.firstString(["datePublished", "dateCreated"], inTypes: HTMLJSONLDReader.articleTypes) ?? publishedTime
        ?? timeDatetime)
    add("site_name", meta("og:site_name", "application-name") ?? ld.publisherName())
    let tags = self.tags(ld)
    if !tags.isEmpty { object.append("tags", .array(tags.map(JSONValue.string))) }
    let categories = Self.unique((metas["article:section"] ?? []) + ld.sections())
    if !categories.isEmpty { object.append("categories", .array(categories.map(JSONValue.string))) }
    object.append("encoding", .string(encoding))
    return object
  }

  /// `values` collapsed, without empty ones and duplicates, in order.
  private static func unique(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.map(collapse).filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// Keywords and article tags, trimmed, without duplicates, in order found.
  private func tags(_ ld: HTMLJSONLDReader) -> [String] {
    var seen: Set<String> = []
    var tags: [String] = []
    func add(_ tag: Substring) {
      let trimmed = String(tag).trimmingASCIIWhitespace()
      if !trimmed.isEmpty, seen.insert(trimmed).inserted { tags.append(trimmed) }
    }
    for keywords in (metas["keywords"] ?? []) + (metas["news_keywords"] ?? []) {
      for tag in keywords.split(whereSeparator: { $0 == "," || $0 == ";" }) { add(tag) }
    }
    for tag in metas["article:tag"] ?? [] { add(tag[...]) }
    for tag in ld.keywords() { add(tag[...]) }
    return tags
  }
}
