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
