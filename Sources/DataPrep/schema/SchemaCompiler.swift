/// Compiles a schema document into ``SchemaNode``s: parses each keyword once, registers every
/// subschema under its URI (`$id`-relative JSON pointer and `$anchor`), then resolves `$ref`s
/// to node indices. Targets that are not themselves compiled subschemas (a pointer into an
/// unknown keyword) are compiled on demand.
struct SchemaCompiler {
  /// The base URI of a document without `$id`.
  static let defaultBase = "https://dataprep.invalid/schema.json"

  private(set) var nodes: [SchemaNode] = []
  private var byURI: [String: Int] = [:]
  private var resources: [String: JSONValue] = [:]
  private var pendingReferences: [(node: Int, uri: String)] = []
  private var patterns: [String: SchemaPattern] = [:]

  /// Compiles `document`; returns the root node index.
  mutating func compile(document: JSONValue) throws(SchemaError) -> Int {
    resources[Self.defaultBase] = document
    let root = try compile(document, base: URIReference(Self.defaultBase), pointer: "", path: "")
    while let pending = pendingReferences.popLast() {
      nodes[pending.node].ref = try resolve(pending.uri, from: nodes[pending.node])
    }
    for node in nodes { node.finish() }
    try checkForCycles()
    return root
  }

  // MARK: - Compiling one subschema

  private mutating func compile(
    _ value: JSONValue, base inherited: URIReference, pointer inheritedPointer: String, path: String
  ) throws(SchemaError) -> Int {
    let index = nodes.count
    let node = SchemaNode(path: path)
    nodes.append(node)
    if case .bool(let b) = value {
      node.boolean = b
      register(inherited, inheritedPointer, index)
      return index
    }
    guard case .object(let object) = value else {
      throw .invalidKeyword(schemaPath: path, keyword: path.split(separator: "/").last.map(String.init) ?? "",
        reason: "must hold a schema (an object or a boolean), found \(value.typeName)")
    }
    var base = inherited
    var pointer = inheritedPointer
    register(base, pointer, index)
    if let id = object["$id"]?.stringValue {
      base = inherited.resolving(URIReference(id)).withoutFragment
      pointer = ""
      resources[base.text] = value
      register(base, pointer, index)
    }
    for key in ["$anchor", "$dynamicAnchor"] {
      if let anchor = object[key]?.stringValue {
        var uri = base
        uri.fragment = anchor
        if byURI[uri.text] == nil { byURI[uri.text] = index }
      }
    }

    func sub(_ child: JSONValue, _ keyword: String, _ rest: String...) throws(SchemaError) -> Int {
      let tokens = ([keyword] + rest).map(Self.escape).joined(separator: "/")
      return try compile(child, base: base, pointer: pointer + "/" + tokens, path: path + "/" + tokens)
    }
    func invalid(_ keyword: String, _ reason: String) -> SchemaError {
      .invalidKeyword(schemaPath: path, keyword: keyword, reason: reason)
    }
    func count(_ keyword: String) throws(SchemaError) -> Int? {
      guard let raw = object[keyword] else { return nil }
      guard let n = raw.integerValue, n >= 0 else { throw invalid(keyword, "must be a non-negative integer") }
      return Int(n)
    }
    func number(_ keyword: String) throws(SchemaError) -> Double? {
      guard let raw = object[keyword] else { return nil }
      guard let n = raw.doubleValue else { throw invalid(keyword, "must be a number") }
      return n
    }
    func schemaArray(_ keyword: String) throws(SchemaError) -> [Int] {
      guard let raw = object[keyword] else { return [] }
      guard case .array(let elements) = raw, !elements.isEmpty else {
        throw invalid(keyword, "must be a non-empty array of schemas")
      }
      var out: [Int] = []
      for (i, element) in elements.enumerated() { out.append(try sub(element, keyword, String(i))) }
      return out
    }
    func schemaMap(_ keyword: String) throws(SchemaError) -> [(String, Int)] {
      guard let raw = object[keyword] else { return [] }
      guard case .object(let members) = raw else { throw invalid(keyword, "must be an object of schemas") }
      var out: [(String, Int)] = []
      for member in members { out.append((member.key, try sub(member.value, keyword, member.key))) }
      return out
    }
    func single(_ keyword: String) throws(SchemaError) -> Int? {
      guard let raw = object[keyword] else { return nil }
      return try sub(raw, keyword)
    }

    if let raw = object["type"] {
      switch raw {
      case .string(let name):
        guard let t = SchemaNode.TypeSet.named(name) else { throw invalid("type", "names unknown type '\(name)'") }
        node.types = t
      case .array(let names):
        for name in names {
          guard let s = name.stringValue, let t = SchemaNode.TypeSet.named(s) else {
            throw invalid("type", "must list type names")
          }
          node.types.insert(t)
        }
      default: throw invalid("type", "must be a type name or an array of them")
      }
    }
    if let raw = object["enum"] {
      guard case .array(let values) = raw else { throw invalid("enum", "must be an array") }
      node.enumValues = values
    }
    if let raw = object["const"] { node.constValue = .some(raw) }

    for (key, child) in try schemaMap("properties") { node.properties.append((key, child)) }
    if let raw = object["required"] {
      guard case .array(let names) = raw, names.allSatisfy({ $0.stringValue != nil }) else {
        throw invalid("required", "must be an array of strings")
      }
      node.required = names.compactMap(\.stringValue)
    }
    node.additionalProperties = try single("additionalProperties")
    if let raw = object["patternProperties"] {
      guard case .object(let members) = raw else { throw invalid("patternProperties", "must be an object") }
      for member in members {
        let pattern = try compilePattern(member.key, path: path + "/patternProperties")
        node.patternProperties.append((pattern, try sub(member.value, "patternProperties", member.key)))
      }
    }
    node.propertyNames = try single("propertyNames")
    node.minProperties = try count("minProperties")
    node.maxProperties = try count("maxProperties")
    if let raw = object["dependentRequired"] {
      guard case .object(let members) = raw else { throw invalid("dependentRequired", "must be an object") }
      for member in members {
        guard case .array(let names) = member.value, names.allSatisfy({ $0.stringValue != nil }) else {
          throw invalid("dependentRequired", "must map names to arrays of strings")
        }
        node.dependentRequired.append((member.key, names.compactMap(\.stringValue)))
      }
    }
    for (key, child) in try schemaMap("dependentSchemas") { node.dependentSchemas.append((key, child)) }
    node.unevaluatedProperties = try single("unevaluatedProperties")

    node.prefixItems = try schemaArray("prefixItems")
    node.items = try single("items")
    node.contains = try single("contains")
    node.minContains = try count("minContains")
    node.maxContains = try count("maxContains")
    node.minItems = try count("minItems")
    node.maxItems = try count("maxItems")
    if let raw = object["uniqueItems"] {
      guard let b = raw.boolValue else { throw invalid("uniqueItems", "must be a boolean") }
      node.uniqueItems = b
    }
    node.unevaluatedItems = try single("unevaluatedItems")

    node.minLength = try count("minLength")
    node.maxLength = try count("maxLength")
    if let raw = object["pattern"] {
      guard let source = raw.stringValue else { throw invalid("pattern", "must be a string") }
      node.pattern = try compilePattern(source, path: path + "/pattern")
    }

    node.minimum = try number("minimum")
    node.maximum = try number("maximum")
    node.exclusiveMinimum = try number("exclusiveMinimum")
    node.exclusiveMaximum = try number("exclusiveMaximum")
    if let m = try number("multipleOf") {
      guard m > 0 else { throw invalid("multipleOf", "must be greater than 0") }
      node.multipleOf = m
    }

    node.allOf = try schemaArray("allOf")
    node.anyOf = try schemaArray("anyOf")
    node.oneOf = try schemaArray("oneOf")
    node.not = try single("not")
    node.ifNode = try single("if")
    node.thenNode = try single("then")
    node.elseNode = try single("else")
    _ = try schemaMap("$defs")

    // `$dynamicRef` is resolved statically, like `$ref` (no dynamic scope).
    for keyword in ["$ref", "$dynamicRef"] {
      guard let raw = object[keyword] else { continue }
      guard let text = raw.stringValue else { throw invalid(keyword, "must be a URI reference string") }
      if node.refText != nil {
        // Both present: apply the second through an allOf branch of its own.
        let extra = SchemaNode(path: path)
        extra.refText = text
        nodes.append(extra)
        node.allOf.append(nodes.count - 1)
        pendingReferences.append((nodes.count - 1, base.resolving(URIReference(text)).text))
        continue
      }
      node.refText = text
      pendingReferences.append((index, base.resolving(URIReference(text)).text))
    }
    return index
  }

  private mutating func compilePattern(_ source: String, path: String) throws(SchemaError) -> SchemaPattern {
    if let cached = patterns[source] { return cached }
    guard let pattern = SchemaPattern(source) else { throw .invalidPattern(schemaPath: path, pattern: source) }
    patterns[source] = pattern
    return pattern
  }

  private mutating func register(_ base: URIReference, _ pointer: String, _ index: Int) {
    var uri = base
    uri.fragment = pointer
    if byURI[uri.text] == nil { byURI[uri.text] = index }
  }

  // MARK: - References

  private mutating func resolve(_ uriText: String, from node: SchemaNode) throws(SchemaError) -> Int {
    var uri = URIReference(uriText)
    let fragment = URIReference.percentDecoded(uri.fragment ?? "")
    uri.fragment = fragment
    if let index = byURI[uri.text] { return index }
    let resource = uri.withoutFragment.text
    if fragment.isEmpty || fragment.hasPrefix("/"), let document = resources[resource],
      let target = Self.walk(document, pointer: fragment)
    {
      let index = try compile(target, base: uri.withoutFragment, pointer: fragment, path: fragment)
      while let pending = pendingReferences.popLast() {
        nodes[pending.node].ref = try resolve(pending.uri, from: nodes[pending.node])
      }
      return index
    }
    throw .unresolvedReference(schemaPath: node.path, reference: node.refText ?? uriText)
  }

  private static func walk(_ document: JSONValue, pointer: String) -> JSONValue? {
    var current = document
    if pointer.isEmpty { return current }
    for raw in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
      let token = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
      switch current {
      case .object(let object):
        guard let next = object[token] else { return nil }
        current = next
      case .array(let elements):
        guard let i = Int(token), elements.indices.contains(i) else { return nil }
        current = elements[i]
      default: return nil
      }
    }
    return current
  }

  static func escape(_ token: String) -> String {
    guard token.contains("~") || token.contains("/") else { return token }
    return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
  }

  // MARK: - Cycles

  /// Rejects loops through in-place applicators (`{"$ref": "#"}` at the root), which would
  /// recurse forever on any instance.
  private func checkForCycles() throws(SchemaError) {
    var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on stack, 2 done
    for start in nodes.indices where state[start] == 0 {
      var stack: [(node: Int, children: [Int], next: Int)] = [(start, nodes[start].inPlaceChildren, 0)]
      state[start] = 1
      while !stack.isEmpty {
        let top = stack.count - 1
        if stack[top].next == stack[top].children.count {
          state[stack[top].node] = 2
          stack.removeLast()
          continue
        }
        let child = stack[top].children[stack[top].next]
        stack[top].next += 1
        if state[child] == 1 { throw .referenceCycle(schemaPath: nodes[child].path) }
        if state[child] == 0 {
          state[child] = 1
          stack.append((child, nodes[child].inPlaceChildren, 0))
        }
      }
    }
  }
}

import Foundation
