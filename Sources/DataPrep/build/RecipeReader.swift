import Foundation

/// Reads typed values out of a parsed YAML recipe, with errors naming the file and key.
struct RecipeReader {
  /// The recipe file, for messages.
  var path: String

  func string(_ value: Any, key: String) throws(BuildError) -> String {
    if let s = value as? String { return s }
    throw .badRecipeValue(path: path, key: key, expected: "a string")
  }

  func optionalString(_ value: Any, key: String) throws(BuildError) -> String? {
    if value is NSNull { return nil }
    return try string(value, key: key)
  }

  func strings(_ value: Any, key: String) throws(BuildError) -> [String] {
    if let s = value as? String { return [s] }
    if let list = value as? [Any] {
      var out: [String] = []
      for item in list {
        guard let s = item as? String else { throw .badRecipeValue(path: path, key: key, expected: "a list of strings") }
        out.append(s)
      }
      return out
    }
    throw .badRecipeValue(path: path, key: key, expected: "a string or a list of strings")
  }

  func int(_ value: Any, key: String) throws(BuildError) -> Int {
    if let i = value as? Int { return i }
    throw .badRecipeValue(path: path, key: key, expected: "a whole number")
  }

  func positive(_ value: Any, key: String) throws(BuildError) -> Int {
    let i = try int(value, key: key)
    guard i >= 1 else { throw .badRecipeValue(path: path, key: key, expected: "a whole number of 1 or more") }
    return i
  }

  func double(_ value: Any, key: String) throws(BuildError) -> Double {
    if let d = value as? Double { return d }
    if let i = value as? Int { return Double(i) }
    throw .badRecipeValue(path: path, key: key, expected: "a number")
  }

  func fraction(_ value: Any, key: String) throws(BuildError) -> Double {
    let d = try double(value, key: key)
    guard d > 0, d <= 1 else { throw .badRecipeValue(path: path, key: key, expected: "a number above 0 and at most 1") }
    return d
  }

  /// `0.9`, `[0.8, 0.1, 0.1]` or `"0.8,0.1,0.1"`, checked by the split stage's own parser.
  func ratios(_ value: Any, key: String) throws(BuildError) -> [Double] {
    let text: String
    if let list = value as? [Any] {
      var parts: [String] = []
      for item in list { parts.append(String(try double(item, key: key))) }
      text = parts.joined(separator: ",")
    } else if let s = value as? String {
      text = s
    } else {
      text = String(try double(value, key: key))
    }
    do {
      return try SplitOptions.parseRatios(text)
    } catch {
      throw .badRecipeValue(path: path, key: key, expected: "a train share (0.9) or train, validation[, test] shares (\(error.localizedDescription))")
    }
  }

  /// A mapping section, refusing keys it does not know.
  func section(_ value: Any, key: String, known: [String]) throws(BuildError) -> [(String, Any)] {
    if value is NSNull { return [] }
    guard let mapping = value as? [String: Any] else {
      throw .badRecipeValue(path: path, key: key, expected: "a mapping of \(known.joined(separator: ", "))")
    }
    var out: [(String, Any)] = []
    for sub in mapping.keys.sorted() {
      guard known.contains(sub) else { throw .unknownRecipeKey(path: path, key: "\(key).\(sub)", known: known) }
      out.append((sub, mapping[sub] as Any))
    }
    return out
  }

  /// A YAML value as JSON (mapping keys sorted, so equal recipes give equal JSON).
  static func json(_ value: Any) -> JSONValue {
    switch value {
    case let b as Bool: return .bool(b)
    case let i as Int: return .integer(Int64(i))
    case let d as Double: return .double(d)
    case let s as String: return .string(s)
    case let list as [Any]: return .array(list.map { json($0) })
    case let mapping as [String: Any]:
      var o = JSONObject()
      for key in mapping.keys.sorted() { o.append(key, json(mapping[key] as Any)) }
      return .object(o)
    default: return .null
    }
  }
}
