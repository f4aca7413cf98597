/// MediaWiki XML exports: one ``Document`` per page (its latest revision), streamed with
/// ``XMLRecordReader`` so multi-GB dumps stay flat in memory.
///
/// Redirect pages are skipped. The wiki markup is kept as is, except that `== Heading ==`
/// lines become `## Heading` and split the text into sections.
struct WikiDocuments {
  /// The fixed part of the entity-expansion budget, in bytes.
  var entityTextLimit = MarkupTree.defaultEntityTextLimit

  private static func child(_ name: String) -> String { "*[local-name()='\(name)']" }

  private var fields: [XMLRecordReader.Field] {
    let c = Self.child
    let revision = "\(c("revision"))[last()]"
    return [
      .init(name: "title", xpath: c("title")),
      .init(name: "redirect", xpath: "boolean(\(c("redirect")))"),
      .init(name: "text", xpath: "\(revision)/\(c("text"))"),
      .init(name: "date", xpath: "\(revision)/\(c("timestamp"))"),
      .init(name: "author", xpath: "\(revision)/\(c("contributor"))/\(c("username"))"),
      .init(name: "namespace", xpath: c("ns")),
      .init(name: "page_id", xpath: c("id")),
    ]
  }

  /// Streams the pages of `input` as documents to `body`.
  func forEachDocument(input: ExtractionInput, source: String, _ body: (Document) throws -> Void) throws {
    let recordPath = try RecordPath("//page")
    let reader = try XMLRecordReader.open(
      input: input, recordPath: recordPath, fields: fields, entityTextLimit: entityTextLimit)
    var index = 0
    while let values = try reader.nextRecord() {
      let pageSource = "\(source)#\(index)"
      index += 1
      if values[1] == "true" { continue }
      if let document = document(values, source: pageSource) { try body(document) }
    }
  }

  /// The document of one page, or `nil` when it has no text.
  func document(_ values: [String?], source: String) -> Document? {
    func value(_ i: Int) -> String { TextOutline.trim(values[i] ?? "") }
    let (text, sections) = Self.outline(TextDecoding.normaliseLineEndings(value(2)))
    guard !text.isEmpty else { return nil }
    var metadata = JSONObject()
    if !value(3).isEmpty { metadata.append("date", .string(value(3))) }
    if !value(4).isEmpty { metadata.append("author", .string(value(4))) }
    if !value(5).isEmpty { metadata.append("wiki_namespace", .string(value(5))) }
    if !value(6).isEmpty { metadata.append("page_id", .string(value(6))) }
    return Document(
      id: DocumentID.make(source: source), source: source, format: "mediawiki", title: value(0), text: text,
      sections: sections, metadata: metadata)
  }

  /// The wiki text with `== H ==` headings rewritten as `## H` and list markers (`*`, `#`) as
  /// Markdown's (`- `, `1. `, indented by depth, so a wiki `# item` is never read as a heading),
  /// and its sections. Everything else keeps its wiki markup.
  static func outline(_ wikitext: String) -> (String, [Document.Section]) {
    var lines: [String] = []
    var sections: [Document.Section] = []
    var heading = (text: "", level: 0)
    var body: [String] = []
    func closeSection() {
      let text = TextOutline.trimBlankLines(body).joined(separator: "\n")
      if heading.level > 0 || !text.isEmpty {
        sections.append(Document.Section(heading: heading.text, level: heading.level, text: text))
      }
      body = []
    }
    for line in TextOutline.lines(wikitext).map({ Substring($0) }) {
      if let found = self.heading(line) {
        closeSection()
        heading = found
        lines.append(String(repeating: "#", count: found.level) + " " + found.text)
        continue
      }
      let converted = listLine(line) ?? String(line)
      lines.append(converted)
      body.append(converted)
    }
    closeSection()
    return (TextOutline.trimBlankLines(lines).joined(separator: "\n"), sections)
  }

  /// A wiki list line (`* a`, `## b`, `*# c`) as a Markdown list line, or `nil`.
  static func listLine(_ line: Substring) -> String? {
    let markers = line.prefix { $0 == "*" || $0 == "#" }
    guard let last = markers.last else { return nil }
    let indent = String(repeating: "  ", count: markers.count - 1)
    let rest = TextOutline.trim(line.dropFirst(markers.count))
    return indent + (last == "#" ? "1. " : "- ") + rest
  }

  /// A `== Heading ==` line: the same number (1–6) of `=` on both sides.
  static func heading(_ line: Substring) -> (text: String, level: Int)? {
    guard line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "=") else { return nil }
    let trimmed = TextOutline.trim(line)
    let left = trimmed.prefix { $0 == "=" }.count
    let right = trimmed.reversed().prefix { $0 == "=" }.count
    let level = min(left, right)
    guard level >= 1, level <= 6, trimmed.count > 2 * level else { return nil }
    let inner = TextOutline.trim(trimmed.dropFirst(level).dropLast(level))
    guard !inner.isEmpty else { return nil }
    return (inner, level)
  }
}
