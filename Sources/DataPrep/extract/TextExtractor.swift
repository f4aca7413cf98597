import Yams

/// Extracts a ``Document`` from plain text or Markdown: encoding detection, headings to sections.
///
/// The encoding is decided from the bytes: a UTF-8 or UTF-16 byte-order mark, else valid UTF-8,
/// else windows-1252 (so a Latin-1 file never turns into replacement characters). Line endings
/// become `\n`. Markdown paragraphs are joined into lines and HTML comments dropped
/// (``SoftLineBreaks``), headings (`#` and setext) split the text into sections and a YAML front
/// matter block gives the title and metadata; plain text is one level-0 section whose title is
/// its first line when that line is short.
struct TextExtractor: Sendable {
  /// The longest first line of a plain-text file taken as its title.
  static let maximumTitleLength = 150

  /// An extractor.
  init() {}

  /// The document in `bytes` (UTF-8, UTF-16 with BOM, else Latin-1).
  /// - Parameters:
  ///   - markdown: read `#` headings as sections.
  ///   - source: the path as given.
  /// - Throws: ``ExtractError/binary(path:offset:)`` for NUL bytes, ``ExtractError/empty(path:)``
  ///   when there is no text.
  func document(from bytes: [UInt8], markdown: Bool, source: String) throws -> Document {
    let decoded: TextDecoding.Decoded
    do {
      decoded = try TextDecoding.decode(bytes)
    } catch {
      switch error {
      case .nulByte(let offset): throw ExtractError.binary(path: source, offset: offset)
      }
    }
    var metadata = JSONObject()
    metadata.append("encoding", .string(decoded.encoding))
    let document: Document
    if markdown {
      document = markdownDocument(decoded.text, source: source, metadata: metadata)
    } else if ReStructuredText.applies(path: source, text: decoded.text) {
      var rewritten = markdownDocument(
        ReStructuredText.markdown(decoded.text), source: source, metadata: metadata, indentedCode: false)
      rewritten.format = "restructuredtext"
      document = rewritten
    } else {
      document = plainDocument(decoded.text, source: source, metadata: metadata)
    }
    guard !document.text.isEmpty else { throw ExtractError.empty(path: source) }
    return document
  }

  private func plainDocument(_ raw: String, source: String, metadata: JSONObject) -> Document {
    let text = TextOutline.trimBlankLines(TextOutline.lines(raw)).joined(separator: "\n")
    let firstLine = text.utf8.split(separator: 0x0A).first.map { TextOutline.trim(Substring($0)) } ?? ""
    let title = firstLine.count <= Self.maximumTitleLength ? firstLine : ""
    let sections = text.isEmpty ? [] : [Document.Section(heading: "", level: 0, text: text)]
    return Document(
      id: DocumentID.make(source: source), source: source, format: "text", title: title, text: text,
      sections: sections, metadata: metadata)
  }

  private func markdownDocument(_ raw: String, source: String, metadata: JSONObject, indentedCode: Bool = true) -> Document {
    var metadata = metadata
    var body = raw
    var frontTitle: String?
    if let front = Self.frontMatter(raw) {
      body = front.rest
      for member in front.fields.members {
        if member.key == "title" {
          frontTitle = member.value.stringValue
        } else {
          metadata[member.key] = member.value
        }
      }
    }
    // Paragraphs on one line each, comments gone: the text a reader of the page sees.
    let outline = TextOutline(markdown: SoftLineBreaks.joined(body, indentedCode: indentedCode))
    let firstLine =
      outline.text.utf8.split(separator: 0x0A).first.map {
        TextOutline.trim(Substring($0).drop { $0 == "#" })
      } ?? ""
    let title =
      frontTitle ?? outline.firstH1 ?? (firstLine.count <= Self.maximumTitleLength ? firstLine : "")
    return Document(
      id: DocumentID.make(source: source), source: source, format: "markdown", title: title,
      text: outline.text, sections: outline.sections, metadata: metadata)
  }

  /// The metadata keys a YAML front matter block may set, with the `tags` aliases.
  private static let frontMatterKeys: [String: String] = [
    "title": "title", "description": "description", "summary": "description", "author": "author",
    "date": "date", "lang": "lang", "language": "lang", "tags": "tags", "keywords": "tags",
    "url": "url",
  ]

  /// A leading `---` YAML block: its known string fields, and the text after it.
  static func frontMatter(_ text: String) -> (fields: JSONObject, rest: String)? {
    guard text.hasPrefix("---\n") else { return nil }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else { return nil }
    let yaml = lines[1..<end].joined(separator: "\n")
    guard let node = try? BoundedYAML.compose(yaml), let mapping = node.mapping else { return nil }
    var fields = JSONObject()
    for (key, value) in mapping {
      guard let name = key.string, let target = frontMatterKeys[name.lowercased()], fields[target] == nil else {
        continue
      }
      if target == "tags" {
        let tags: [String]
        if let sequence = value.sequence {
          tags = sequence.compactMap(\.string)
        } else if let string = value.string {
          tags = string.split(separator: ",").map { TextOutline.trim($0) }.filter { !$0.isEmpty }
        } else {
          continue
        }
        fields.append(target, .array(tags.map { .string($0) }))
      } else if let string = value.string {
        fields.append(target, .string(string))
      }
    }
    return (fields, lines[(end + 1)...].joined(separator: "\n"))
  }
}
