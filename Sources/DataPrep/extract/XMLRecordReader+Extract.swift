/// `extract`'s side of the streaming record reader: its input is an ``ExtractionInput`` and
/// its errors are worded as ``ExtractError``s, so libxml2's wrapper needs no extract type.
extension ExtractionInput: XMLRecordInput {}

extension XMLRecordReader {
  /// Opens a reader over `input` for the records `recordPath` selects.
  /// - Throws: ``ExtractError/badFieldXPath(name:xpath:reason:)`` when a field does not compile,
  ///   ``ExtractError/unsupportedRecordPath(xpath:reason:)`` when the path's predicate does not.
  static func open(
    input: ExtractionInput, recordPath: RecordPath, fields: [Field], entityTextLimit: Int
  ) throws(ExtractError) -> XMLRecordReader {
    do {
      return try XMLRecordReader(input: input, recordPath: recordPath.streaming, fields: fields, entityTextLimit: entityTextLimit)
    } catch {
      throw ExtractError(error)
    }
  }

  /// The field values of the next record (see ``next()``), or `nil` after the last record.
  /// - Throws: the input's ``InputError`` or ``ExtractError/malformedXML(path:line:message:)``.
  func nextRecord() throws -> [String?]? {
    do {
      return try next()
    } catch let error as XMLRecordError {
      throw ExtractError(error)
    }
  }
}

extension ExtractError {
  /// The extract error for a record reader's `error`, worded as extract words it.
  init(_ error: XMLRecordError) {
    switch error {
    case .badFieldXPath(let name, let xpath): self = .badFieldXPath(name: name, xpath: xpath)
    case .badPredicate(let xpath): self = .unsupportedRecordPath(xpath: xpath, reason: "the predicate is not valid XPath")
    case .malformed(let path, let line, let message): self = .malformedXML(path: path, line: line, message: message)
    }
  }
}
