/// The group key of a record: the value at a dotted path as text (strings as they are, other
/// values as compact JSON), or `nil` when the path is missing or `null`.
enum GroupKey {
  static func value(of object: JSONObject, path: String) -> String? {
    guard let value = JSONValue.object(object).value(atPath: path) else { return nil }
    switch value {
    case .null: return nil
    case .string(let s): return s
    case .integer(let i): return String(i)
    default: return JSONWriter().string(of: value)
    }
  }
}
