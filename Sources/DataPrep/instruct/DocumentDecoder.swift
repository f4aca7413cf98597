/// Reads a ``Document`` from a documents JSONL record, checking the fields `instruct` uses.
enum DocumentDecoder {
  /// The document in `record`; `title`, `sections`, `metadata` and the rest may be absent.
  static func decode(_ record: JSONObject, path: String, line: Int) throws(InstructError) -> Document {
    func fail(_ field: String, _ problem: String) -> InstructError {
      .badDocument(path: path, line: line, field: field, problem: problem)
    }
    func string(_ key: String, required: Bool) throws(InstructError) -> String {
      switch record[key] {
      case .string(let text)?: return text
      case nil, .null?:
        if required { throw fail(key, "missing") }
        return ""
      case let value?: throw fail(key, "expected a string, found \(value.typeName)")
      }
    }
    let id = try string("id", required: true)
    let text = try string("text", required: true)
    var sections: [Document.Section] = []
    if let value = record["sections"], value != .null {
      guard let elements = value.arrayValue else { throw fail("sections", "expected an array") }
      for (index, element) in elements.enumerated() {
        guard let heading = element["heading"]?.stringValue, let body = element["text"]?.stringValue else {
          throw fail("sections.\(index)", "expected {heading, level, text}")
        }
        sections.append(Document.Section(heading: heading, level: Int(element["level"]?.integerValue ?? 1), text: body))
      }
    }
    var metadata = JSONObject()
    if let value = record["metadata"], value != .null {
      guard let object = value.objectValue else { throw fail("metadata", "expected an object") }
      metadata = object
    }
    return Document(
      id: id, source: try string("source", required: false), format: try string("format", required: false),
      title: try string("title", required: false), text: text, sections: sections, metadata: metadata)
  }
}
