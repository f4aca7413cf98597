import Foundation

extension BuildRecipe {
  /// The recipe as a build plan saves it: every field exactly (the split shares as the doubles
  /// they are, the tasks `null` when the format's defaults run), so the steps of a plan build
  /// with the recipe the command had, bit for bit.
  var planJSON: JSONValue {
    var o = JSONObject()
    o.append("sources", .array(sources.map { .string($0) }))
    o.append("format", .string(format.rawValue))
    o.append("tasks", tasks.map { .array($0.map { .string($0.rawValue) }) } ?? .null)
    o.append("html_content", .string(htmlContent.rawValue))
    o.append("remove_furniture", .bool(removeFurniture))
    o.append("tokenizer", .string(tokenizer))
    o.append("ratios", .array(ratios.map { .double($0) }))
    o.append("seed", .string(String(seed)))
    o.append("group_by", groupBy.map { .string($0) } ?? .null)
    o.append("dedup_threshold", .double(dedupThreshold))
    o.append("dedup_ngram", .integer(Int64(dedupNGram)))
    o.append("min_chars", .integer(Int64(minChars)))
    o.append("max_chars", maxChars.map { .integer(Int64($0)) } ?? .null)
    o.append("chunk_tokens", .integer(Int64(chunkTokens)))
    o.append("leak_ngram", .integer(Int64(leakNGram)))
    o.append("leak_threshold", .double(leakThreshold))
    o.append("max_tokens", .integer(Int64(maxTokens)))
    o.append("validate", .object(validate))
    o.append("redact", redact.json)
    o.append("filter", filter.json)
    return .object(o)
  }

  /// The recipe saved by ``planJSON``.
  /// - Throws: ``BuildError/badPlan(path:reason:)`` naming `path` and the key that is wrong.
  init(planJSON value: JSONValue, path: String) throws(BuildError) {
    let r = try BuildStateReader(value, path: path, what: "'recipe'")
    func bad(_ key: String, _ expected: String) -> BuildError { .badPlan(path: path, reason: "recipe '\(key)' must be \(expected)") }
    self.init()
    sources = try r.strings("sources")
    guard let format = ExampleFormat(rawValue: try r.string("format")) else { throw bad("format", "an example format") }
    self.format = format
    if try r.value("tasks") != .null {
      var list: [InstructTask] = []
      for name in try r.strings("tasks") {
        guard let task = InstructTask(rawValue: name) else { throw bad("tasks", "a list of instruct tasks") }
        list.append(task)
      }
      tasks = list
    }
    guard let scope = HTMLExtractor.ContentScope(rawValue: try r.string("html_content")) else {
      throw bad("html_content", "wholePage or mainContent")
    }
    htmlContent = scope
    removeFurniture = try r.bool("remove_furniture")
    tokenizer = try r.string("tokenizer")
    ratios = []
    for item in try r.array("ratios") {
      guard let ratio = item.doubleValue else { throw bad("ratios", "a list of numbers") }
      ratios.append(ratio)
    }
    guard let seed = UInt64(try r.string("seed")) else { throw bad("seed", "a whole number as a string") }
    self.seed = seed
    groupBy = try r.optionalString("group_by")
    dedupThreshold = try r.double("dedup_threshold")
    dedupNGram = try r.int("dedup_ngram")
    minChars = try r.int("min_chars")
    maxChars = try r.optionalInt("max_chars")
    chunkTokens = try r.int("chunk_tokens")
    leakNGram = try r.int("leak_ngram")
    leakThreshold = try r.double("leak_threshold")
    maxTokens = try r.int("max_tokens")
    guard let section = try r.value("validate").objectValue else { throw bad("validate", "an object") }
    validate = section
    do {
      var options = ValidationOptions()
      try options.apply(section: Self.yamlValue(.object(section)) as? [String: Any] ?? [:], path: path)
      validation = options
    } catch {
      throw .badPlan(path: path, reason: "recipe 'validate': " + (error.errorDescription ?? "\(error)"))
    }
    // Read back by the recipe's own readers, from the form they record.
    for key in ["redact", "filter"] {
      let section = Self.yamlValue(try r.value(key))
      do {
        if key == "redact" { redact = try Self.redactSettings(section, path: path) } else { filter = try Self.filterSettings(section, path: path) }
      } catch {
        throw .badPlan(path: path, reason: "recipe '\(key)': " + (error.errorDescription ?? "\(error)"))
      }
    }
  }

  /// A JSON value as the YAML reader gives it (the inverse of `RecipeReader.json`), for
  /// validate's config reader.
  static func yamlValue(_ value: JSONValue) -> Any {
    switch value {
    case .null: return NSNull()
    case .bool(let b): return b
    case .integer(let i): return Int(i)
    case .double(let d): return d
    case .string(let s): return s
    case .array(let a): return a.map { yamlValue($0) }
    case .object(let o):
      var mapping: [String: Any] = [:]
      for member in o { mapping[member.key] = yamlValue(member.value) }
      return mapping
    }
  }
}
