/// The XML dialects parsed whole (DocBook, TEI, JATS, Mallard, generic XML) to one ``Document``.
///
/// INTERIM: until the libxml2 DOM wrapper lands, the text is the root element's string value.
struct XMLTreeDocument {
  /// The dialect, which names the document's format.
  let dialect: XMLDialect

  /// The document of the whole input.
  func document(input: ExtractionInput, source: String) throws -> Document {
    let path = try RecordPath("/*")
    let reader = try XMLRecordReader(
      input: input, recordPath: path, fields: [.init(name: "text", xpath: "string(.)")])
    var text = ""
    while let values = try reader.next() {
      text = TextOutline.trim(values.first.flatMap { $0 } ?? "")
    }
    guard !text.isEmpty else { throw ExtractError.noText(path: source) }
    return Document(
      id: DocumentID.make(source: source), source: source, format: dialect.rawValue, title: "", text: text,
      sections: [Document.Section(heading: "", level: 0, text: text)])
  }
}
