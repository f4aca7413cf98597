/// Equality as JSON Schema defines it for `enum`, `const` and `uniqueItems`: numbers by value
/// (`1 == 1.0`), objects regardless of member order, `false != 0`.
enum JSONEquality {
  static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
    case (.integer(let x), .integer(let y)): return x == y
    case (.integer(let x), .double(let y)): return Double(x) == y
    case (.double(let x), .integer(let y)): return x == Double(y)
    case (.double(let x), .double(let y)): return x == y
    case (.array(let x), .array(let y)):
      guard x.count == y.count else { return false }
      for i in x.indices where !equal(x[i], y[i]) { return false }
      return true
    case (.object(let x), .object(let y)):
      guard distinctKeyCount(x) == distinctKeyCount(y) else { return false }
      for member in x.members {
        guard let other = y[member.key], equal(member.value, other) else { return false }
      }
      return true
    default: return false
    }
  }

  /// A hash consistent with ``equal(_:_:)``: integral doubles hash as integers, objects ignore order.
  static func hash(_ value: JSONValue, into hasher: inout Hasher) {
    switch value {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(1); hasher.combine(b)
    case .integer(let i): hasher.combine(2); hasher.combine(Double(i))
    case .double(let d): hasher.combine(2); hasher.combine(d)
    case .string(let s): hasher.combine(3); hasher.combine(s)
    case .array(let a):
      hasher.combine(4); hasher.combine(a.count)
      for element in a { hash(element, into: &hasher) }
    case .object(let o):
      hasher.combine(5)
      var sum = 0
      for member in o.members {
        var inner = Hasher()
        inner.combine(member.key)
        hash(member.value, into: &inner)
        sum = sum &+ inner.finalize()
      }
      hasher.combine(sum)
    }
  }

  private static func distinctKeyCount(_ object: JSONObject) -> Int {
    if object.count < 2 { return object.count }
    return Set(object.members.map(\.key)).count
  }

  /// Whether all elements are distinct under ``equal(_:_:)``; returns the first repeated pair when not.
  static func firstDuplicate(in elements: [JSONValue]) -> (Int, Int)? {
    if elements.count <= 24 {
      for i in elements.indices {
        for j in (i + 1)..<elements.count where equal(elements[i], elements[j]) { return (i, j) }
      }
      return nil
    }
    var buckets: [Int: [Int]] = [:]
    for (j, element) in elements.enumerated() {
      var hasher = Hasher()
      hash(element, into: &hasher)
      let key = hasher.finalize()
      if let earlier = buckets[key] {
        for i in earlier where equal(elements[i], element) { return (i, j) }
      }
      buckets[key, default: []].append(j)
    }
    return nil
  }
}
