import Foundation
import Testing

@testable import DataPrep

/// Runs `run` collecting documents and failure messages.
func collect(_ run: ExtractionRun) throws -> (documents: [Document], failures: [String], summary: ExtractionSummary) {
  var documents: [Document] = []
  var failures: [String] = []
  let summary = try run.run(onFailure: { failures.append($0.message) }) { documents.append($0) }
  return (documents, failures, summary)
}

/// The documents of one XML text.
func xmlDocuments(_ text: String, options: ExtractOptions = ExtractOptions(), name: String = "doc.xml") throws -> [Document] {
  let folder = try ScratchFolder()
  let path = try folder.write(name, text)
  var documents: [Document] = []
  try XMLExtractor(options: options).forEachDocument(path: path, source: name) { documents.append($0) }
  return documents
}

/// Checks one record against schemas/document.schema.json: required keys, types, the format
/// enum, no extra top-level keys, section shape and the typed metadata members.
/// (A small structural check until the project's JSON Schema validator is available here.)
func schemaProblems(_ value: JSONValue) -> [String] {
  var problems: [String] = []
  guard case .object(let object) = value else { return ["not an object"] }
  let required = ["id", "source", "format", "title", "text", "sections", "metadata"]
  for key in required where object[key] == nil { problems.append("missing \(key)") }
  for key in object.keys where !required.contains(key) { problems.append("unexpected key \(key)") }
  for key in ["id", "source", "format", "title", "text"] where object[key]?.stringValue == nil {
    problems.append("\(key) is not a string")
  }
  if object["id"]?.stringValue?.isEmpty == true { problems.append("empty id") }
  if object["source"]?.stringValue?.isEmpty == true { problems.append("empty source") }
  let formats: Set<String> = [
    "html", "xml", "docbook", "tei", "jats", "mallard", "rss", "atom", "mediawiki", "record", "text", "markdown",
  ]
  if let format = object["format"]?.stringValue, !formats.contains(format) { problems.append("bad format \(format)") }
  if let sections = object["sections"]?.arrayValue {
    for section in sections {
      guard case .object(let s) = section else {
        problems.append("section not an object")
        continue
      }
      if Set(s.keys) != ["heading", "level", "text"] { problems.append("section keys \(s.keys)") }
      if s["heading"]?.stringValue == nil || s["text"]?.stringValue == nil { problems.append("section strings") }
      if let level = s["level"]?.integerValue, !(0...6).contains(level) { problems.append("level \(level)") }
      if s["level"].flatMap({ if case .integer = $0 { return true } else { return nil } }) == nil {
        problems.append("level not an integer")
      }
    }
  } else {
    problems.append("sections is not an array")
  }
  guard case .object(let metadata)? = object["metadata"] else { return problems + ["metadata is not an object"] }
  for key in ["lang", "description", "url", "author", "date", "site_name", "encoding", "abstract"] {
    if let member = metadata[key], member.stringValue == nil { problems.append("metadata.\(key) not a string") }
  }
  if let tags = metadata["tags"], tags.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true {
    problems.append("metadata.tags not strings")
  }
  if let index = metadata["record_index"], (index.integerValue ?? -1) < 0 { problems.append("record_index") }
  if let fields = metadata["fields"] {
    guard case .object(let f) = fields, f.allSatisfy({ $0.value.stringValue != nil }) else {
      return problems + ["metadata.fields not strings"]
    }
  }
  return problems
}
