import Foundation

/// The second pass of ``SiteFurnitureFilter``: one document record without its furniture lines.
struct FurnitureRewriter {
  /// What became of a record.
  enum Outcome {
    /// Nothing in it was furniture.
    case unchanged
    /// The record without its furniture.
    case changed(JSONObject)
    /// Its text was all furniture.
    case dropped
  }

  /// Metadata fields removed when their whole value is furniture (a site-wide description).
  static let wholeValueFields = ["description", "abstract"]
  /// Furniture lines kept as report examples, at most.
  static let exampleLimit = 1000

  /// The furniture keys and the documents holding each.
  let furniture: [UInt64: Int]
  /// The fewest words a furniture line holds.
  let minimumWords: Int
  /// Lines removed from texts so far.
  private(set) var linesRemoved = 0
  /// Sections dropped so far.
  private(set) var sectionsDropped = 0
  /// The first line removed under each furniture key (up to ``exampleLimit`` keys).
  private(set) var examples: [UInt64: String] = [:]

  /// A rewriter removing the lines whose keys are in `furniture`.
  init(furniture: [UInt64: Int], minimumWords: Int) {
    self.furniture = furniture
    self.minimumWords = minimumWords
  }

  /// `record` without its furniture lines and fields.
  mutating func rewrite(_ record: JSONObject) -> Outcome {
    let furniture = furniture
    let minimumWords = minimumWords
    let filter = FurnitureText { line in
      FurnitureLineKey.key(line, minimumWords: minimumWords).map { furniture[$0] != nil } ?? false
    }
    var object = record
    var changed = false
    if let text = record["text"]?.stringValue, let result = filter.filter(text) {
      if result.text.isEmpty { return .dropped }
      object["text"] = .string(result.text)
      linesRemoved += result.removed
      remember(result.removedLines)
      changed = true
    }
    if let sections = record["sections"]?.arrayValue {
      var kept: [JSONValue] = []
      var sectionsChanged = false
      for section in sections {
        guard var fields = section.objectValue, let text = fields["text"]?.stringValue, let result = filter.filter(text)
        else {
          kept.append(section)
          continue
        }
        sectionsChanged = true
        if result.text.isEmpty {
          sectionsDropped += 1
          continue
        }
        fields["text"] = .string(result.text)
        kept.append(.object(fields))
      }
      if sectionsChanged {
        object["sections"] = .array(kept)
        changed = true
      }
    }
    if var metadata = record["metadata"]?.objectValue {
      var metadataChanged = false
      if let pairs = metadata["qa"]?.arrayValue {
        var kept: [JSONValue] = []
        for pair in pairs {
          guard var fields = pair.objectValue, let answer = fields["answer"]?.stringValue,
            let result = filter.filter(answer)
          else {
            kept.append(pair)
            continue
          }
          metadataChanged = true
          guard !result.text.isEmpty else { continue }
          fields["answer"] = .string(result.text)
          kept.append(.object(fields))
        }
        if metadataChanged { metadata["qa"] = kept.isEmpty ? nil : .array(kept) }
      }
      for name in Self.wholeValueFields {
        guard let value = metadata[name]?.stringValue, filter.isFurniture(Self.singleLine(value)) else { continue }
        metadata[name] = nil
        metadataChanged = true
      }
      if metadataChanged {
        object["metadata"] = .object(metadata)
        changed = true
      }
    }
    return changed ? .changed(object) : .unchanged
  }

  /// `value` on one line: its lines joined by spaces.
  static func singleLine(_ value: String) -> Substring {
    Substring(value.split(whereSeparator: \.isNewline).joined(separator: " "))
  }

  private mutating func remember(_ lines: [Substring]) {
    for line in lines where examples.count < Self.exampleLimit {
      guard let key = FurnitureLineKey.key(line, minimumWords: minimumWords), examples[key] == nil else { continue }
      examples[key] = String(line.trimmingCharacters(in: .whitespaces).prefix(200))
    }
  }
}
