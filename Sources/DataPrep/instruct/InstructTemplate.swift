import Foundation

/// A user's example template (`--template FILE`, YAML): the instruction wording with
/// `{{field}}` placeholders, an optional system prompt, an optional input, the response, and
/// whether to make one example per document or per section.
///
/// ```yaml
/// task: explain            # metadata.task of the examples (default: template)
/// unit: section            # document or section
/// system: You answer questions about our product manual.
/// instruction:             # one wording, or several picked per example
///   - "What does {{title}} say about {{section.heading}}?"
///   - "Explain {{section.heading}}."
/// response: "{{section.text}}"   # default: section.text, or text for unit document
/// ```
/// A file may also hold `templates:` with a list of these. Placeholders: `id`, `title`, `text`,
/// `source`, `format`, `metadata.NAME` (dotted paths), `fields.NAME` (record-mode fields),
/// and for sections `section.heading`, `section.text`, `section.level`.
public struct InstructTemplate: Sendable, Hashable {
  /// What one example is made from.
  public enum Unit: String, Sendable, Hashable {
    /// One example per document.
    case document
    /// One example per section with a heading and text.
    case section
  }

  /// The `metadata.task` of the examples.
  public var task: String
  /// What one example is made from.
  public var unit: Unit
  /// The system prompt, when any.
  public var system: String?
  /// The instruction wordings; one is picked per example by the stable hash of its id.
  public var instructions: [String]
  /// Material appended to the instruction (Alpaca `input`), when any.
  public var input: String?
  /// The response.
  public var response: String

  /// A template with every part given.
  public init(task: String, unit: Unit, system: String?, instructions: [String], input: String?, response: String) {
    self.task = task
    self.unit = unit
    self.system = system
    self.instructions = instructions
    self.input = input
    self.response = response
  }

  /// The templates in the YAML file at `path`.
  public static func load(path: String) throws(InstructError) -> [InstructTemplate] {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw .badTemplate(path: path, problem: "cannot read: \(error.localizedDescription)")
    }
    return try parse(yaml: text, path: path)
  }

  /// The templates in `yaml`; `path` names it in errors.
  public static func parse(yaml: String, path: String) throws(InstructError) -> [InstructTemplate] {
    let root: Any?
    do { root = try BoundedYAML.load(yaml) } catch {
      throw .badTemplate(path: path, problem: error.reason)
    }
    guard let mapping = root as? [String: Any] else {
      throw .badTemplate(path: path, problem: "expected a mapping with `instruction` (or `templates:`)")
    }
    if let list = mapping["templates"] {
      guard let items = list as? [Any], !items.isEmpty else {
        throw .badTemplate(path: path, problem: "`templates` must be a non-empty list")
      }
      var templates: [InstructTemplate] = []
      for (index, item) in items.enumerated() {
        guard let itemMapping = item as? [String: Any] else {
          throw .badTemplate(path: path, problem: "templates[\(index)] must be a mapping")
        }
        templates.append(try template(itemMapping, path: path, at: "templates[\(index)]."))
      }
      return templates
    }
    return [try template(mapping, path: path, at: "")]
  }

  private static let knownKeys: Set<String> = ["task", "unit", "system", "instruction", "input", "response"]

  private static func template(_ mapping: [String: Any], path: String, at prefix: String) throws(InstructError) -> InstructTemplate {
    func fail(_ problem: String) -> InstructError { .badTemplate(path: path, problem: prefix + problem) }
    for key in mapping.keys.sorted() where !knownKeys.contains(key) {
      throw fail("\(key): unknown key (expected \(knownKeys.sorted().joined(separator: ", ")))")
    }
    func text(_ key: String) throws(InstructError) -> String? {
      guard let value = mapping[key] else { return nil }
      guard let string = value as? String else { throw fail("\(key): expected a string") }
      return string
    }
    let unitName = try text("unit") ?? "document"
    guard let unit = Unit(rawValue: unitName) else { throw fail("unit: expected document or section, found \(unitName)") }
    var instructions: [String]
    switch mapping["instruction"] {
    case let single as String: instructions = [single]
    case let list as [Any]:
      instructions = []
      for item in list {
        guard let string = item as? String else { throw fail("instruction: expected strings") }
        instructions.append(string)
      }
    default: throw fail("instruction: expected a string or a list of strings")
    }
    instructions = instructions.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    guard !instructions.isEmpty else { throw fail("instruction: empty") }
    let template = InstructTemplate(
      task: try text("task") ?? "template", unit: unit, system: try text("system"), instructions: instructions,
      input: try text("input"), response: try text("response") ?? (unit == .section ? "{{section.text}}" : "{{text}}"))
    for part in template.instructions + [template.system, template.input, template.response].compactMap({ $0 }) {
      for name in placeholders(in: part) {
        if let problem = problem(with: name, unit: unit) { throw fail(problem) }
      }
    }
    return template
  }

  private static func problem(with name: String, unit: Unit) -> String? {
    if ["id", "title", "text", "source", "format"].contains(name) { return nil }
    if name.hasPrefix("metadata.") || name.hasPrefix("fields.") { return nil }
    if ["section.heading", "section.text", "section.level"].contains(name) {
      return unit == .section ? nil : "{{\(name)}} needs `unit: section`"
    }
    return "{{\(name)}}: unknown field (id, title, text, source, format, metadata.NAME, fields.NAME, section.heading, section.text, section.level)"
  }

  /// The names inside `{{ }}` in `text`, in order.
  static func placeholders(in text: String) -> [String] {
    var names: [String] = []
    var rest = text[...]
    while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
      names.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
      rest = rest[close.upperBound...]
    }
    return names
  }

  /// `text` with every placeholder replaced by the field of `document` (and `section`); a
  /// missing field gives the empty string.
  static func fill(_ text: String, document: Document, section: Document.Section?) -> String {
    var out = ""
    var rest = text[...]
    while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
      out += rest[..<open.lowerBound]
      let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      out += value(of: name, document: document, section: section)
      rest = rest[close.upperBound...]
    }
    out += rest
    return out
  }

  private static func value(of name: String, document: Document, section: Document.Section?) -> String {
    switch name {
    case "id": return document.id
    case "title": return document.title
    case "text": return document.text
    case "source": return document.source
    case "format": return document.format
    case "section.heading": return section?.heading ?? ""
    case "section.text": return section?.text ?? ""
    case "section.level": return section.map { String($0.level) } ?? ""
    default: break
    }
    let path = name.hasPrefix("fields.") ? "fields." + name.dropFirst("fields.".count) : String(name.dropFirst("metadata.".count))
    guard let value = JSONValue.object(document.metadata).value(atPath: path) else { return "" }
    switch value {
    case .string(let string): return string
    case .null: return ""
    case .array(let elements) where elements.allSatisfy({ $0.stringValue != nil }):
      return elements.compactMap(\.stringValue).joined(separator: ", ")
    default: return JSONWriter().string(of: value)
    }
  }
}
