/// Reads the members of one JSON object a build step saved (the plan, a step's state), each
/// missing or mistyped member an error naming the file and the key.
struct BuildStateReader {
  /// The file read, for messages.
  let path: String
  /// The object.
  let object: JSONObject

  /// A reader of `value`, which must be an object.
  init(_ value: JSONValue?, path: String, what: String = "the file") throws(BuildError) {
    guard let object = value?.objectValue else { throw .badPlan(path: path, reason: "\(what) is not a JSON object") }
    self.path = path
    self.object = object
  }

  private func fail(_ key: String, _ expected: String) -> BuildError {
    .badPlan(path: path, reason: "'\(key)' must be \(expected)")
  }

  /// The member `key`, which must be present.
  func value(_ key: String) throws(BuildError) -> JSONValue {
    guard let value = object[key] else { throw .badPlan(path: path, reason: "'\(key)' is missing") }
    return value
  }

  func string(_ key: String) throws(BuildError) -> String {
    guard let s = try value(key).stringValue else { throw fail(key, "a string") }
    return s
  }

  func optionalString(_ key: String) throws(BuildError) -> String? {
    let v = try value(key)
    if v == .null { return nil }
    guard let s = v.stringValue else { throw fail(key, "a string or null") }
    return s
  }

  func int(_ key: String) throws(BuildError) -> Int {
    guard let n = try value(key).integerValue else { throw fail(key, "an integer") }
    return Int(n)
  }

  func optionalInt(_ key: String) throws(BuildError) -> Int? {
    let v = try value(key)
    if v == .null { return nil }
    guard let n = v.integerValue else { throw fail(key, "an integer or null") }
    return Int(n)
  }

  func double(_ key: String) throws(BuildError) -> Double {
    guard let d = try value(key).doubleValue else { throw fail(key, "a number") }
    return d
  }

  func bool(_ key: String) throws(BuildError) -> Bool {
    guard let b = try value(key).boolValue else { throw fail(key, "true or false") }
    return b
  }

  func array(_ key: String) throws(BuildError) -> [JSONValue] {
    guard let a = try value(key).arrayValue else { throw fail(key, "an array") }
    return a
  }

  func strings(_ key: String) throws(BuildError) -> [String] {
    var out: [String] = []
    for item in try array(key) {
      guard let s = item.stringValue else { throw fail(key, "an array of strings") }
      out.append(s)
    }
    return out
  }

  func ints(_ key: String) throws(BuildError) -> [Int] {
    var out: [Int] = []
    for item in try array(key) {
      guard let n = item.integerValue else { throw fail(key, "an array of integers") }
      out.append(Int(n))
    }
    return out
  }

  /// A reader of the object at `key`.
  func reader(_ key: String) throws(BuildError) -> BuildStateReader {
    try BuildStateReader(try value(key), path: path, what: "'\(key)'")
  }

  /// Readers of the objects in the array at `key`.
  func readers(_ key: String) throws(BuildError) -> [BuildStateReader] {
    var out: [BuildStateReader] = []
    for item in try array(key) { out.append(try BuildStateReader(item, path: path, what: "an item of '\(key)'")) }
    return out
  }
}
