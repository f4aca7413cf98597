/// A piece of a document the model writes from: a section's text, or one part of it when it is
/// over the chunk budget (cut by ``SectionChunker`` at paragraph, line, then sentence
/// boundaries), with what names it in a prompt.
///
/// **Span**: `section` is the index in the document's `sections` (`nil`: the document has no
/// sections and the chunk is part of `text`); `start` and `end` are offsets in Unicode scalars
/// (Python's `str` indices) into that section's `text`, so `sections[section].text[start:end]`
/// is the chunk. A part cut inside a fenced code block or a table repeats the fence or header
/// lines, which are not in its span.
struct ModelChunk: Sendable, Equatable {
  /// `DOCUMENT_ID#chunk-K`, K counting the document's chunks from 0.
  var id: String
  /// The section index, or `nil` for a chunk of `text` in a document without sections.
  var section: Int?
  /// The heading of the section, when it has one.
  var heading: String?
  /// The headings from the top of the document to the section, cleaned.
  var headingPath: [String]
  /// The first scalar offset of the chunk in the section's text.
  var start: Int
  /// The scalar offset after the chunk's end.
  var end: Int
  /// The chunk's text.
  var text: String

  /// The span as `metadata.span` writes it.
  var spanJSON: JSONValue {
    var object = JSONObject()
    object.append("section", section.map { .integer(Int64($0)) } ?? .null)
    object.append("start", .integer(Int64(start)))
    object.append("end", .integer(Int64(end)))
    return .object(object)
  }

  /// The chunks of `document`, in order: each section with text that is an answer (not only
  /// headings or navigation: ``AnswerCheck``), cut to `budget` tokens counted by `counter`.
  static func chunks(of document: Document, budget: Int, counter: TokenCounter) -> [ModelChunk] {
    let chunker = SectionChunker(budget: budget, counter: counter)
    var out: [ModelChunk] = []
    var parents: [(level: Int, heading: String)] = []
    let units: [(index: Int?, section: Document.Section)] =
      document.sections.isEmpty
      ? [(nil, Document.Section(heading: "", level: 0, text: document.text))]
      : document.sections.enumerated().map { ($0.offset, $0.element) }
    for (index, section) in units {
      let heading = TitleCleaner.cleanHeading(section.heading)
      while let last = parents.last, last.level >= section.level { parents.removeLast() }
      let path = parents.map(\.heading) + (heading.isEmpty ? [] : [heading])
      if !heading.isEmpty, section.level > 0 { parents.append((section.level, heading)) }
      guard !TextTrimming.isBlank(section.text) else { continue }
      var cursor = section.text.startIndex
      for part in chunker.chunks(of: section.text) {
        let range = locate(part, in: section.text, from: cursor)
        cursor = range.upperBound
        guard AnswerCheck.isAnswer(part, minWords: ExampleGenerator.sectionAnswerWords) else { continue }
        let scalars = section.text.unicodeScalars
        out.append(
          ModelChunk(
            id: "\(document.id)#chunk-\(out.count)", section: index, heading: section.heading.isEmpty ? nil : section.heading,
            headingPath: path, start: scalars.distance(from: scalars.startIndex, to: range.lowerBound),
            end: scalars.distance(from: scalars.startIndex, to: range.upperBound), text: TextTrimming.trimmed(part)))
      }
    }
    return out
  }

  /// Where `part` lies in `text` at or after `cursor`: from its first line to its last line
  /// (the whole text when a line is not found, which only a repeated fence or header causes).
  private static func locate(_ part: String, in text: String, from cursor: String.Index) -> Range<String.Index> {
    if part == text { return text.startIndex..<text.endIndex }
    let lines = part.split(separator: "\n").map { TextTrimming.trimmed($0) }.filter { !$0.isEmpty }
    guard let first = lines.first, let last = lines.last,
      let start = text.range(of: first, range: cursor..<text.endIndex),
      let end = text.range(of: last, range: start.lowerBound..<text.endIndex)
    else { return text.startIndex..<text.endIndex }
    return start.lowerBound..<end.upperBound
  }
}
