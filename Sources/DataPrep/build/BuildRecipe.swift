import Foundation

/// What `dataprep build` makes, read from `dataprep.yaml` (see `docs/build.md`): the sources,
/// the tasks and format of the examples, the split, and the thresholds of each stage.
///
/// Command-line flags override the recipe field by field. Everything but ``sources`` is the
/// recipe's *settings*: a folder is only built incrementally by a recipe with the same settings.
public struct BuildRecipe: Sendable, Equatable {
  /// Files and folders to extract (relative paths are relative to the current folder).
  public var sources: [String] = []
  /// The fine-tuning format of the examples.
  public var format: ExampleFormat = .openAIChat
  /// The instruct tasks; `nil` runs the format's defaults.
  public var tasks: [InstructTask]?
  /// Which part of an HTML page becomes the text: the main content by default, so navigation,
  /// sidebars and footers never reach the examples.
  public var htmlContent: HTMLExtractor.ContentScope = .mainContent
  /// Whether lines recurring on many documents of the sources (site furniture: navigation,
  /// footers, licence notes) are learned and removed before anything else.
  public var removeFurniture = true
  /// The tokenizer that counts tokens (chunking, the length check, the report): a name
  /// (`o200k_base`, `cl100k_base`, ...) or a file; o200k_base ships with dataprep.
  public var tokenizer = TokenizerLocator.defaultName
  /// Split shares: train, validation[, test].
  public var ratios: [Double] = [0.9, 1 - 0.9]
  /// Seed of the keyed split hash.
  public var seed: UInt64 = 0
  /// Dotted path of the split group key (default ``GroupKey/defaultPath``, the document).
  public var groupBy: String?
  /// Jaccard similarity above which two records are near duplicates (dedup).
  public var dedupThreshold = 0.8
  /// Words per dedup shingle.
  public var dedupNGram = 5
  /// Drop examples whose response is shorter than this many characters.
  public var minChars = 0
  /// Drop examples longer than this many characters.
  public var maxChars: Int?
  /// The most tokens in a completion chunk.
  public var chunkTokens = 512
  /// Words in a shared passage for the leakage check.
  public var leakNGram = 13
  /// Jaccard similarity for near-duplicate leaks.
  public var leakThreshold = 0.8
  /// The longest example, in tokens (validate's length check and the report's histogram line).
  public var maxTokens = 4096
  /// The `generator:` section: examples also written by a chat model; `nil`: rule-based only.
  public var generator: RecipeGenerator?
  /// The rest of the `validate:` section as the recipe wrote it (keys sorted): part of the
  /// settings, so a change to it makes the next build a fresh one.
  public internal(set) var validate: JSONObject = JSONObject()
  /// The same section decoded by validate's own config reader (``maxTokens`` apart); see
  /// ``validationOptions()``.
  public internal(set) var validation = ValidationOptions()
  /// The `redact:` section: on by default (secrets, emails, phone numbers masked).
  public var redact = BuildRedactSettings()
  /// The `filter:` section: off by default.
  public internal(set) var filter = BuildFilterSettings()

  /// The defaults of `dataprep init`.
  public init() {}

  /// The keys a recipe may hold at the top level.
  static let topKeys = [
    "sources", "format", "tasks", "html_content", "remove_furniture", "tokenizer", "split", "dedup", "instruct", "leakage", "validate",
    "redact", "filter",
    "generator",
  ]

  /// Reads and parses the recipe file at `path`.
  /// - Throws: ``BuildError/badRecipe(path:reason:)`` when it cannot be read, and what
  ///   ``parse(yaml:path:)`` throws.
  public static func load(path: String) throws(BuildError) -> BuildRecipe {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .badRecipe(path: path, reason: "cannot read: \(error.localizedDescription)")
    }
    return try parse(yaml: text, path: path)
  }

  /// Parses a recipe.
  /// - Parameter path: the file name used in error messages.
  /// - Throws: ``BuildError`` naming the key that is wrong.
  public static func parse(yaml text: String, path: String) throws(BuildError) -> BuildRecipe {
    let node: Any?
    do {
      node = try BoundedYAML.load(text)
    } catch {
      throw .badRecipe(path: path, reason: error.reason)
    }
    var recipe = BuildRecipe()
    var validateSection: [String: Any] = [:]
    if node == nil { return recipe }
    guard let root = node as? [String: Any] else { throw .badRecipe(path: path, reason: "expected a mapping at the top level") }
    let reader = RecipeReader(path: path)
    for key in root.keys.sorted() {
      let value = root[key] as Any
      switch key {
      case "sources": recipe.sources = try reader.strings(value, key: key)
      case "format":
        let name = try reader.string(value, key: key)
        guard let format = ExampleFormat(rawValue: name) else {
          throw .badRecipeValue(path: path, key: key, expected: "one of \(ExampleFormat.names.joined(separator: ", "))")
        }
        recipe.format = format
      case "tasks":
        var tasks: [InstructTask] = []
        for name in try reader.strings(value, key: key) {
          guard let task = InstructTask(rawValue: name) else {
            throw .badRecipeValue(path: path, key: key, expected: "a list of \(InstructTask.names.joined(separator: ", "))")
          }
          tasks.append(task)
        }
        recipe.tasks = tasks
      case "html_content":
        switch try reader.string(value, key: key) {
        case "whole-page": recipe.htmlContent = .wholePage
        case "main-content": recipe.htmlContent = .mainContent
        default: throw .badRecipeValue(path: path, key: key, expected: "whole-page or main-content")
        }
      case "remove_furniture":
        guard let flag = value as? Bool else { throw .badRecipeValue(path: path, key: key, expected: "true or false") }
        recipe.removeFurniture = flag
      case "tokenizer":
        recipe.tokenizer = try reader.string(value, key: key)
      case "split":
        for (sub, subValue) in try reader.section(value, key: key, known: ["ratio", "seed", "group_by"]) {
          let name = "split.\(sub)"
          switch sub {
          case "ratio": recipe.ratios = try reader.ratios(subValue, key: name)
          case "seed":
            let seed = try reader.int(subValue, key: name)
            guard seed >= 0 else { throw .badRecipeValue(path: path, key: name, expected: "a whole number of 0 or more") }
            recipe.seed = UInt64(seed)
          default: recipe.groupBy = try reader.optionalString(subValue, key: name)
          }
        }
      case "dedup":
        for (sub, subValue) in try reader.section(value, key: key, known: ["threshold", "ngram"]) {
          if sub == "threshold" { recipe.dedupThreshold = try reader.fraction(subValue, key: "dedup.threshold") }
          else { recipe.dedupNGram = try reader.positive(subValue, key: "dedup.ngram") }
        }
      case "instruct":
        for (sub, subValue) in try reader.section(value, key: key, known: ["min_chars", "max_chars", "chunk_tokens"]) {
          let name = "instruct.\(sub)"
          switch sub {
          case "min_chars": recipe.minChars = try reader.int(subValue, key: name)
          case "max_chars": recipe.maxChars = subValue is NSNull ? nil : try reader.positive(subValue, key: name)
          default: recipe.chunkTokens = try reader.positive(subValue, key: name)
          }
        }
      case "leakage":
        for (sub, subValue) in try reader.section(value, key: key, known: ["ngram", "threshold"]) {
          if sub == "threshold" { recipe.leakThreshold = try reader.fraction(subValue, key: "leakage.threshold") }
          else { recipe.leakNGram = try reader.positive(subValue, key: "leakage.ngram") }
        }
      case "validate":
        guard let section = value as? [String: Any] else {
          throw .badRecipeValue(path: path, key: key, expected: "a mapping of validate settings")
        }
        var rest = JSONObject()
        for sub in section.keys.sorted() {
          if sub == "max_tokens" {
            recipe.maxTokens = try reader.positive(section[sub] as Any, key: "validate.max_tokens")
          } else {
            rest.append(sub, RecipeReader.json(section[sub] as Any))
            validateSection[sub] = section[sub]
          }
        }
        recipe.validate = rest
      case "redact": recipe.redact = try redactSettings(value, path: path)
      case "filter": recipe.filter = try filterSettings(value, path: path)
      case "generator": recipe.generator = try RecipeGenerator.parse(value, path: path)
      default:
        throw .unknownRecipeKey(path: path, key: key, known: topKeys)
      }
    }
    // Decoded now, so a typo fails before any work is done.
    do {
      try recipe.validation.apply(section: validateSection, path: path)
    } catch {
      throw .badRecipe(path: path, reason: "validate: " + (error.errorDescription ?? "\(error)"))
    }
    return recipe
  }

  /// The validate options of this recipe: the defaults, the `validate:` section, ``maxTokens``.
  public func validationOptions() -> ValidationOptions {
    var options = validation
    options.maxTokens = maxTokens
    applyRedactToPIICheck(&options)
    return options
  }

  /// The dotted path of the split group key: ``groupBy``, else ``GroupKey/defaultPath``.
  public var groupPath: String { groupBy ?? GroupKey.defaultPath }

  /// The settings (everything but the sources) as JSON: written to the manifest and compared on
  /// an incremental run.
  public var settingsJSON: JSONValue {
    var o = JSONObject()
    o.append("format", .string(format.rawValue))
    o.append("tasks", .array((tasks ?? InstructTask.defaults(for: format)).map { .string($0.rawValue) }))
    o.append("html_content", .string(htmlContent == .mainContent ? "main-content" : "whole-page"))
    o.append("remove_furniture", .bool(removeFurniture))
    o.append("tokenizer", .string(tokenizer))
    o.append("split", ["ratio": .array(ratios.map { .double(($0 * 1e9).rounded() / 1e9) }), "seed": .integer(Int64(bitPattern: seed)),
                       "group_by": groupBy.map { .string($0) } ?? .null])
    o.append("dedup", ["threshold": .double(dedupThreshold), "ngram": .integer(Int64(dedupNGram))])
    o.append("instruct", ["min_chars": .integer(Int64(minChars)), "max_chars": maxChars.map { .integer(Int64($0)) } ?? .null,
                          "chunk_tokens": .integer(Int64(chunkTokens))])
    o.append("leakage", ["ngram": .integer(Int64(leakNGram)), "threshold": .double(leakThreshold)])
    var v = JSONObject()
    v.append("max_tokens", .integer(Int64(maxTokens)))
    for member in validate { v.append(member.key, member.value) }
    o.append("validate", .object(v))
    o.append("redact", redact.json)
    o.append("filter", filter.json)
    if let generator { o.append("generator", generator.settingsJSON) }
    return .object(o)
  }

  /// The whole recipe as JSON: the sources, then the settings.
  public var json: JSONValue {
    var o = JSONObject()
    o.append("sources", .array(sources.map { .string($0) }))
    if case .object(let settings) = settingsJSON {
      for member in settings { o.append(member.key, member.value) }
    }
    return .object(o)
  }

  /// The split names this recipe makes: train, validation[, test].
  public var splitNames: [String] { Array(["train", "validation", "test"].prefix(ratios.count)) }
}
