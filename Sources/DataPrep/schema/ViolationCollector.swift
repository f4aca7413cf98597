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
