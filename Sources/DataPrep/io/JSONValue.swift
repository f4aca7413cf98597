/// A JSON value as dataprep reads and writes it.
///
/// Objects keep their members in the order they were read or built, so records round-trip
/// with a stable key order. Integers that fit in `Int64` stay exact; other numbers are `Double`.
public enum JSONValue: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number written without fraction or exponent that fits in `Int64`.
  case integer(Int64)
  /// Any other number.
  case double(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, members in order.
  case object(JSONObject)
}

extension JSONValue {
  /// The string, when this value is a string.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The number as a `Double`, when this value is a number.
  public var doubleValue: Double? {
    switch self {
    case .integer(let i): return Double(i)
    case .double(let d): return d
    default: return nil
    }
  }

  /// The number as an `Int64`, when this value is an integer (or a double with no fraction).
  public var integerValue: Int64? {
    switch self {
    case .integer(let i): return i
    case .double(let d):
      guard d.rounded() == d, let i = Int64(exactly: d) else { return nil }
      return i
    default: return nil
    }
  }

  /// The Boolean, when this value is `true` or `false`.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The elements, when this value is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The object, when this value is an object.
  public var objectValue: JSONObject? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// The member named `key`, when this value is an object that has it.
  public subscript(key: String) -> JSONValue? {
    objectValue?[key]
  }

  /// The value at a dotted path such as `metadata.source_id` or `messages.0.content`.
  ///
  /// Each component names an object member, or an array index when the value is an array.
  public func value(atPath path: String) -> JSONValue? {
    var current = self
    for component in path.split(separator: ".", omittingEmptySubsequences: false) {
      switch current {
      case .object(let object):
        guard let next = object[String(component)] else { return nil }
        current = next
      case .array(let elements):
        guard let index = Int(component), elements.indices.contains(index) else { return nil }
        current = elements[index]
      default:
        return nil
      }
    }
    return current
  }

  /// The JSON type name of this value, as JSON Schema spells it (`integer` for integers).
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "boolean"
    case .integer: return "integer"
    case .double: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  /// A string value from a literal.
  public init(stringLiteral value: String) { self = .string(value) }
  /// An integer value from a literal.
  public init(integerLiteral value: Int64) { self = .integer(value) }
  /// A Boolean value from a literal.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  /// `null` from `nil`.
  public init(nilLiteral: ()) { self = .null }
  /// A double value from a literal.
  public init(floatLiteral value: Double) { self = .double(value) }
  /// An array value from a literal.
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  /// An object value from a literal, members in the order written.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(JSONObject(elements.map { JSONObject.Member(key: $0.0, value: $0.1) }))
  }
}
