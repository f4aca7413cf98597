/// Record mode: one ``Document`` per element matching `--record`, with `--field` values.
struct RecordDocuments {
  /// The fields given on the command line, in order.
  let fields: [XMLRecordReader.Field]
  /// The record path.
  let recordPath: RecordPath

  /// Parses the options' record XPath and fields.
  init(options: ExtractOptions) throws(ExtractError) {
    guard let xpath = options.recordXPath else {
      throw .unsupportedRecordPath(xpath: "", reason: "no record XPath given")
    }
    recordPath = try RecordPath(xpath)
    fields = options.fields.map { XMLRecordReader.Field(name: $0.name, xpath: $0.xpath, markup: true) }
  }

  /// Streams every record of `input` as a document to `body`.
  func forEachDocument(input: ExtractionInput, source: String, _ body: (Document) throws -> Void) throws {
    let reader = try XMLRecordReader(input: input, recordPath: recordPath, fields: fields)
    var index = 0
    while let values = try reader.next() {
      try body(document(values: values, source: source, index: index))
      index += 1
    }
  }

  /// The document of record number `index` (from 0) whose field values are `values`.
  func document(values: [String?], source: String, index: Int) -> Document {
    let recordSource = "\(source)#\(index)"
    var fieldObject = JSONObject()
    var title = ""
    var text: String?
    var sections: [Document.Section] = []
    var joined: [String] = []
    for (field, value) in zip(fields, values) {
      guard let value else { continue }
      let extracted = EmbeddedHTML.text(value, source: recordSource)
      fieldObject.append(field.name, .string(extracted.text))
      let lower = field.name.lowercased()
      if lower == "title" {
        title = extracted.text
      } else if (lower == "text" || lower == "body") && text == nil {
        text = extracted.text
        sections = extracted.sections
      } else if !extracted.text.isEmpty {
        joined.append(extracted.text)
      }
    }
    let finalText = text ?? joined.joined(separator: "\n\n")
    if sections.isEmpty && !finalText.isEmpty {
      sections = [Document.Section(heading: "", level: 0, text: finalText)]
    }
    var metadata = JSONObject()
    metadata.append("record_index", .integer(Int64(index)))
    metadata.append("fields", .object(fieldObject))
    return Document(
      id: DocumentID.make(source: recordSource), source: recordSource, format: "record", title: title,
      text: finalText, sections: sections, metadata: metadata)
  }
}
