/// One extracted document: the record `dataprep extract` writes, one per JSONL line.
///
/// Matches `schemas/document.schema.json`. `text` is Markdown-like (headings `#`, lists,
/// pipe tables, fenced code); `sections` repeats the text split at its headings.
public struct Document: Sendable, Hashable {
  /// One part of the document under a heading.
  public struct Section: Sendable, Hashable {
    /// The heading text (empty for text before the first heading).
    public var heading: String
    /// The heading level, 1-6 (0 for text before the first heading).
    public var level: Int
    /// The section's text, without its heading.
    public var text: String

    /// A section with the given heading, level and text.
    public init(heading: String, level: Int, text: String) {
      self.heading = heading
      self.level = level
      self.text = text
    }
  }

  /// A stable identifier: the same input gives the same id.
  public var id: String
  /// Where the document came from: the path as given, with `#N` for the Nth record in record mode.
  public var source: String
  /// The input kind: `html`, `xml`, `text`, `markdown`, or an XML dialect such as `docbook`.
  public var format: String
  /// The title, empty when none was found.
  public var title: String
  /// The whole text, Markdown-like.
  public var text: String
  /// The text split at its headings.
  public var sections: [Section]
  /// What else was found: `lang`, `description`, `url`, `author`, `date`, `fields`, ...
  public var metadata: JSONObject

  /// A document with every field given.
  public init(
    id: String, source: String, format: String, title: String, text: String,
    sections: [Section], metadata: JSONObject = JSONObject()
  ) {
    self.id = id
    self.source = source
    self.format = format
    self.title = title
    self.text = text
    self.sections = sections
    self.metadata = metadata
  }

  /// The record as JSON, keys in schema order.
  public var jsonValue: JSONValue {
    var object = JSONObject()
    object.append("id", .string(id))
    object.append("source", .string(source))
    object.append("format", .string(format))
    object.append("title", .string(title))
    object.append("text", .string(text))
    object.append(
      "sections",
      .array(
        sections.map {
          ["heading": .string($0.heading), "level": .integer(Int64($0.level)), "text": .string($0.text)]
        }))
    object.append("metadata", .object(metadata))
    return .object(object)
  }
}
