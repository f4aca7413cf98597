/// One compiled (sub)schema: every keyword parsed once into typed fields, subschemas as indices
/// into the program's node table (so `$ref` cycles are plain indices).
///
/// Mutable only while ``SchemaCompiler`` builds it; read-only afterwards.
final class SchemaNode: @unchecked Sendable {
  /// JSON type bits for `type`.
  struct TypeSet: OptionSet {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let integer = TypeSet(rawValue: 4)
    static let number = TypeSet(rawValue: 8)
    static let string = TypeSet(rawValue: 16)
    static let array = TypeSet(rawValue: 32)
    static let object = TypeSet(rawValue: 64)

    static func named(_ name: String) -> TypeSet? {
      switch name {
      case "null": return .null
      case "boolean": return .boolean
      case "integer": return .integer
      case "number": return .number
      case "string": return .string
      case "array": return .array
      case "object": return .object
      default: return nil
      }
    }

    var names: [String] {
      let all: [(TypeSet, String)] = [
        (.null, "null"), (.boolean, "boolean"), (.integer, "integer"), (.number, "number"),
        (.string, "string"), (.array, "array"), (.object, "object"),
      ]
      return all.filter { contains($0.0) }.map(\.1)
    }
  }

  /// The schema location of this node (JSON pointer from the document root).
  let path: String
  /// `true`/`false` for a boolean schema; nil for an object schema.
  var boolean: Bool?

  var types: TypeSet = []
  var enumValues: [JSONValue]?
  var constValue: JSONValue?

  var properties: [(key: String, node: Int)] = []
  var propertyIndex: [String: Int]?
  var required: [String] = []
  var additionalProperties: Int?
  var patternProperties: [(pattern: SchemaPattern, node: Int)] = []
  var propertyNames: Int?
  var minProperties: Int?
  var maxProperties: Int?
  var dependentRequired: [(key: String, required: [String])] = []
  var dependentSchemas: [(key: String, node: Int)] = []
  var unevaluatedProperties: Int?

  var prefixItems: [Int] = []
  var items: Int?
  var contains: Int?
  var minContains: Int?
  var maxContains: Int?
  var minItems: Int?
  var maxItems: Int?
  var uniqueItems = false
  var unevaluatedItems: Int?

  var minLength: Int?
  var maxLength: Int?
  var pattern: SchemaPattern?

  var minimum: Double?
  var maximum: Double?
  var exclusiveMinimum: Double?
  var exclusiveMaximum: Double?
  var multipleOf: Double?

  var allOf: [Int] = []
  var anyOf: [Int] = []
  var oneOf: [Int] = []
  var not: Int?
  var ifNode: Int?
  var thenNode: Int?
  var elseNode: Int?
  var ref: Int?
  var refText: String?

  /// Set by ``finish()``: which groups of keywords are present, so evaluation skips the rest.
  private(set) var hasObjectKeywords = false
  private(set) var hasMemberKeywords = false
  private(set) var hasArrayKeywords = false
  private(set) var hasStringKeywords = false
  private(set) var hasNumberKeywords = false
  private(set) var hasInPlaceApplicators = false
  private(set) var tracksAnnotations = false

  init(path: String) {
    self.path = path
  }

  /// Computes the summary flags once all keywords are set.
  func finish() {
    hasMemberKeywords = !properties.isEmpty || additionalProperties != nil || !patternProperties.isEmpty
      || propertyNames != nil
    hasObjectKeywords = hasMemberKeywords || !required.isEmpty || minProperties != nil
      || maxProperties != nil || !dependentRequired.isEmpty || !dependentSchemas.isEmpty
      || unevaluatedProperties != nil
    hasArrayKeywords = !prefixItems.isEmpty || items != nil || contains != nil || minItems != nil
      || maxItems != nil || uniqueItems || unevaluatedItems != nil
    hasStringKeywords = minLength != nil || maxLength != nil || pattern != nil
    hasNumberKeywords = minimum != nil || maximum != nil || exclusiveMinimum != nil
      || exclusiveMaximum != nil || multipleOf != nil
    hasInPlaceApplicators = !allOf.isEmpty || !anyOf.isEmpty || !oneOf.isEmpty || not != nil
      || ifNode != nil || ref != nil
    tracksAnnotations = unevaluatedProperties != nil || unevaluatedItems != nil
    if properties.count > 8 {
      var index: [String: Int] = [:]
      for (key, node) in properties { index[key] = node }
      propertyIndex = index
    }
  }

  /// The subschema for property `key` under `properties`, if any.
  @inline(__always)
  func propertySchema(_ key: String) -> Int? {
    if let propertyIndex { return propertyIndex[key] }
    for entry in properties where entry.key == key { return entry.node }
    return nil
  }

  /// Subschemas applied to the same instance location (the edges a `$ref` loop would cycle through).
  var inPlaceChildren: [Int] {
    var out = allOf + anyOf + oneOf + dependentSchemas.map(\.node)
    for child in [not, ifNode, thenNode, elseNode, ref] { if let child { out.append(child) } }
    return out
  }
}
