/// RSS and Atom feeds: one ``Document`` per item or entry, streamed with ``XMLRecordReader``.
///
/// Title, the content (or else the description/summary; HTML inside is extracted), link as
/// `url`, publication or update date as `date`, author, categories as `tags`, and the
/// description as `description` when the item also has full content.
struct FeedDocuments {
  /// `rss` or `atom`.
  let dialect: XMLDialect
  /// The fixed part of the entity-expansion budget, in bytes.
  var entityTextLimit = MarkupTree.defaultEntityTextLimit

  private static func child(_ name: String) -> String { "*[local-name()='\(name)']" }

  private var fields: [XMLRecordReader.Field] {
    let c = Self.child
    if dialect == .atom {
      return [
        .init(name: "title", xpath: c("title"), markup: true),
        .init(name: "url", xpath: "string((\(c("link"))[not(@rel) or @rel='alternate'])[1]/@href)"),
        .init(name: "description", xpath: c("summary"), markup: true),
        .init(name: "content", xpath: c("content"), markup: true),
        .init(name: "date", xpath: "(\(c("updated")) | \(c("published")))[1]"),
        .init(name: "author", xpath: "\(c("author"))/\(c("name"))"),
        .init(name: "tags", xpath: "\(c("category"))/@term"),
        .init(name: "id", xpath: c("id")),
      ]
    }
    return [
      .init(name: "title", xpath: c("title"), markup: true),
      .init(name: "url", xpath: "(\(c("link")))[1]"),
      .init(name: "description", xpath: c("description"), markup: true),
      .init(name: "content", xpath: c("encoded"), markup: true),
      .init(name: "date", xpath: "(\(c("pubDate")) | \(c("date")))[1]"),
      .init(name: "author", xpath: "(\(c("author")) | \(c("creator")))[1]"),
      .init(name: "tags", xpath: c("category")),
      .init(name: "id", xpath: c("guid")),
    ]
  }

  /// Streams the items of `input` as documents to `body`.
  func forEachDocument(input: ExtractionInput, source: String, _ body: (Document) throws -> Void) throws {
    let recordPath = try RecordPath(dialect == .atom ? "//entry" : "//item")
    let reader = try XMLRecordReader.open(
      input: input, recordPath: recordPath, fields: fields, entityTextLimit: entityTextLimit)
    var index = 0
    while let values = try reader.nextRecord() {
      let itemSource = "\(source)#\(index)"
      index += 1
      if let document = document(values, source: itemSource) { try body(document) }
    }
  }

  /// The document of one item, or `nil` when it has neither title nor text.
  func document(_ values: [String?], source: String) -> Document? {
    func value(_ i: Int) -> String { TextOutline.trim(values[i] ?? "") }
    let title = EmbeddedHTML.text(value(0), source: source).text
    let description = EmbeddedHTML.text(value(2), source: source)
    let content = EmbeddedHTML.text(value(3), source: source)
    let main = content.text.isEmpty ? description : content
    guard !title.isEmpty || !main.text.isEmpty else { return nil }
    var metadata = JSONObject()
    if !value(1).isEmpty { metadata.append("url", .string(value(1))) }
    if !content.text.isEmpty && !description.text.isEmpty {
      metadata.append("description", .string(description.text))
    }
    if !value(4).isEmpty { metadata.append("date", .string(value(4))) }
    if !value(5).isEmpty { metadata.append("author", .string(value(5))) }
    let tags = value(6).split(separator: "\n").map { TextOutline.trim($0) }.filter { !$0.isEmpty }
    if !tags.isEmpty { metadata.append("tags", .array(tags.map { .string($0) })) }
    if !value(7).isEmpty { metadata.append("guid", .string(value(7))) }
    let sections =
      main.sections.isEmpty && !main.text.isEmpty
      ? [Document.Section(heading: "", level: 0, text: main.text)] : main.sections
    return Document(
      id: DocumentID.make(source: source), source: source, format: dialect.rawValue, title: title,
      text: main.text, sections: sections, metadata: metadata)
  }
}
