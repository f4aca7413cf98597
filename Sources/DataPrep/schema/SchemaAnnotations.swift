/// What the keywords of a schema evaluated at one instance location, collected only where
/// `unevaluatedProperties`/`unevaluatedItems` need it.
struct SchemaAnnotations {
  /// Every property was evaluated (`additionalProperties`, `unevaluatedProperties`).
  var allProperties = false
  /// The property names evaluated so far.
  var properties: Set<String> = []
  /// Every item was evaluated (`items`, `unevaluatedItems`).
  var allItems = false
  /// Items `0..<itemPrefix` were evaluated (`prefixItems`).
  var itemPrefix = 0
  /// Single items evaluated (`contains` matches).
  var items: Set<Int> = []

  mutating func merge(_ other: SchemaAnnotations) {
    allProperties = allProperties || other.allProperties
    if !other.properties.isEmpty { properties.formUnion(other.properties) }
    allItems = allItems || other.allItems
    itemPrefix = max(itemPrefix, other.itemPrefix)
    if !other.items.isEmpty { items.formUnion(other.items) }
  }

  func isEvaluated(property key: String) -> Bool { allProperties || properties.contains(key) }
  func isEvaluated(item index: Int) -> Bool { allItems || index < itemPrefix || items.contains(index) }
}

/// Collects violations with the instance path, which it keeps as a stack of components that is
/// rendered to a JSON pointer only when a violation is recorded.
final class ViolationCollector {
  enum Component {
    case key(String)
    case index(Int)
  }

  private var path: [Component] = []
  private(set) var violations: [SchemaViolation] = []
  let limit: Int

  init(limit: Int) {
    self.limit = limit
  }

  var isFull: Bool { violations.count >= limit }

  @inline(__always) func push(_ key: String) { path.append(.key(key)) }
  @inline(__always) func push(_ index: Int) { path.append(.index(index)) }
  @inline(__always) func pop() { path.removeLast() }

  func add(_ node: SchemaNode, _ keyword: String, _ message: String) {
    guard violations.count < limit else { return }
    violations.append(SchemaViolation(
      instancePath: pointer, keyword: keyword,
      schemaPath: node.path + "/" + SchemaCompiler.escape(keyword), message: message))
  }

  /// Adds violations found by a nested collector (used to explain `anyOf`/`oneOf` failures).
  func add(contentsOf other: [SchemaViolation]) {
    for violation in other where violations.count < limit { violations.append(violation) }
  }

  /// A collector starting at the same instance location (for trying alternatives).
  func branch() -> ViolationCollector {
    let other = ViolationCollector(limit: limit)
    other.path = path
    return other
  }

  var pointer: String {
    var out = ""
    for component in path {
      out += "/"
      switch component {
      case .key(let key): out += SchemaCompiler.escape(key)
      case .index(let index): out += String(index)
      }
    }
    return out
  }
}
