/// The group key of a record: the value at a dotted path as text (strings as they are, other
/// values as compact JSON), or `nil` when the path is missing or `null` (the record has no
/// group). Split, leakage and the build's report all read groups with it.
public enum GroupKey {
  /// The group path used when none is given: the document an example came from.
  public static let defaultPath = "metadata.source_id"

  /// The group key of `object` at `path`; `nil` when missing or `null`.
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
