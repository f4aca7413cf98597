import Dispatch

/// Record mode: one ``Document`` per element matching `--record`, with `--field` values.
struct RecordDocuments {
  /// The fields given on the command line, in order.
  let fields: [XMLRecordReader.Field]
  /// The record path.
  let recordPath: RecordPath
  /// The fixed part of the entity-expansion budget, in bytes.
  let entityTextLimit: Int

  /// Parses the options' record XPath and fields.
  init(options: ExtractOptions) throws(ExtractError) {
    guard let xpath = options.recordXPath else {
      throw .unsupportedRecordPath(xpath: "", reason: "no record XPath given")
    }
    recordPath = try RecordPath(xpath)
    entityTextLimit = options.limits.maximumEntityBytes
    fields = options.fields.map { XMLRecordReader.Field(name: $0.name, xpath: $0.xpath, markup: true) }
  }

  /// Records converted per batch when several threads convert (bounded memory, same order).
  static let batchSize = 512

  /// Streams every record of `input` as a document to `body`.
  ///
  /// With `parallelism` above 1, records are read in batches and each batch's values (HTML
  /// bodies above all) are converted on that many threads; documents still come out in record
  /// order, so the output does not depend on `parallelism`.
  func forEachDocument(
    input: ExtractionInput, source: String, parallelism: Int = 1, _ body: (Document) throws -> Void
  ) throws {
    let reader = try XMLRecordReader.open(
      input: input, recordPath: recordPath, fields: fields, entityTextLimit: entityTextLimit)
    var index = 0
    guard parallelism > 1 else {
      while let values = try reader.nextRecord() {
        try body(document(values: values, source: source, index: index))
        index += 1
      }
      return
    }
    var batch: [[String?]] = []
    batch.reserveCapacity(Self.batchSize)
    while true {
      let values = try reader.nextRecord()
      if let values { batch.append(values) }
      if batch.count == Self.batchSize || (values == nil && !batch.isEmpty) {
        for document in convert(batch, source: source, firstIndex: index, parallelism: parallelism) {
          try body(document)
        }
        index += batch.count
        batch.removeAll(keepingCapacity: true)
      }
      if values == nil { return }
    }
  }

  /// The documents of `batch`, converted on `parallelism` threads, in order.
  private func convert(_ batch: [[String?]], source: String, firstIndex: Int, parallelism: Int) -> [Document] {
    let results = BatchResults(count: batch.count)
    let chunks = min(parallelism, batch.count)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      var position = chunk
      while position < batch.count {
        results.set(position, document(values: batch[position], source: source, index: firstIndex + position))
        position += chunks
      }
    }
    return results.documents
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

/// The documents of one batch, filled from several threads, each slot by exactly one.
///
/// Slots are separate memory locations written once each inside `concurrentPerform`, whose
/// return orders every write before `documents` is read; no lock is needed. (A `Mutex` here
/// was correct but ThreadSanitizer cannot see its futex and reported a race.)
private final class BatchResults: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Document?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    _ = slots.deinitialize()
    slots.deallocate()
  }

  func set(_ index: Int, _ document: Document) { slots[index] = document }

  var documents: [Document] { slots.compactMap { $0 } }
}
