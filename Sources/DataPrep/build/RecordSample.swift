/// A record shown in the report next to another one: where it is and the start of its text.
struct RecordSample: Sendable, Equatable {
  /// The file it is in, by name (`train.jsonl`, `documents`, ...).
  var file: String
  /// 1-based line in that file.
  var line: Int
  /// The record's id, when it has one.
  var id: String?
  /// The start of its text (at most ``RecordSample/textLimit`` characters).
  var text: String

  /// The most characters of text kept for the report.
  static let textLimit = 700

  /// `{file, line, id, text}`.
  var json: JSONValue {
    ["file": .string(file), "line": .integer(Int64(line)), "id": id.map { .string($0) } ?? .null, "text": .string(text)]
  }

  /// Reads the records at `lines` of the JSONL at `path` and returns their samples by line;
  /// one streaming pass, stopping after the last line wanted.
  static func read(path: String, name: String, lines: Set<Int>) throws -> [Int: RecordSample] {
    guard let last = lines.max() else { return [:] }
    var found: [Int: RecordSample] = [:]
    try JSONLReader(path: path).forEachRecord { record in
      if lines.contains(record.line) {
        let text = RecordText.text(of: record.object) ?? ""
        let id = record.object["id"]?.stringValue ?? record.object["metadata"]?["id"]?.stringValue
        found[record.line] = RecordSample(file: name, line: record.line, id: id, text: clipped(text))
      }
      return record.line < last
    }
    return found
  }

  /// `text` cut to ``textLimit`` characters, with an ellipsis when cut.
  static func clipped(_ text: String) -> String {
    guard text.count > textLimit else { return text }
    return String(text.prefix(textLimit)) + "…"
  }
}

/// Two records found to be copies of one another: the one kept and one removed.
struct DuplicateSample: Sendable, Equatable {
  /// `documents` or `examples`.
  var stage: String
  /// `exact`, `near` or `partial`.
  var kind: String
  /// Similarity of the removed record to the kept one.
  var similarity: Double
  /// The record kept (in the previous build's outputs when it was there already).
  var kept: RecordSample
  /// The record removed.
  var removed: RecordSample

  var json: JSONValue {
    ["stage": .string(stage), "kind": .string(kind), "similarity": .double(similarity),
     "kept": kept.json, "removed": removed.json]
  }
}

/// A held-out record found in train, with both records.
struct LeakSample: Sendable, Equatable {
  /// The kind of leak (`exact-duplicate`, `near-duplicate`, `shared-passage`, `same-group`).
  var kind: String
  /// Jaccard similarity for near duplicates.
  var similarity: Double?
  /// The shared passage for passage leaks.
  var passage: String?
  /// The held-out record.
  var heldOut: RecordSample
  /// The training record.
  var train: RecordSample

  var json: JSONValue {
    ["kind": .string(kind), "similarity": similarity.map { .double($0) } ?? .null,
     "passage": passage.map { .string($0) } ?? .null, "held_out": heldOut.json, "train": train.json]
  }
}
