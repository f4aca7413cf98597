import Foundation

/// The recipe's `generator:` section: instruct's examples also written by a chat model behind
/// an OpenAI-compatible endpoint (docs/build.md). Without it the build makes rule-based
/// examples only, exactly as before.
///
/// ```yaml
/// generator:
///   kind: openai-compatible
///   base_url: http://127.0.0.1:11434/v1
///   model: llama3.1:8b
///   api_key_env: OPENAI_API_KEY     # the key is read from this environment variable
///   concurrency: 4
///   tasks: [qa, rewrite]
///   questions_per_chunk: 3
///   min_grounding: 0.6
///   max_requests: 5000
/// ```
public struct RecipeGenerator: Sendable, Equatable {
  /// The API root (`base_url`).
  public var baseURL: String
  /// The model name the server knows.
  public var model: String
  /// The environment variable holding the key.
  public var apiKeyEnv = "OPENAI_API_KEY"
  /// Requests in flight at once.
  public var concurrency = 4
  /// The model tasks.
  public var tasks: [ModelTask] = [.qa]
  /// Question-answer pairs asked per chunk.
  public var questionsPerChunk = 3
  /// The least share of an answer's content words found in its chunk.
  public var minGrounding = 0.6
  /// The most requests sent to the server, or `nil`.
  public var maxRequests: Int?
  /// The most tokens (in and out) the server may count, or `nil`.
  public var maxTokensTotal: Int?
  /// Seconds one call may take.
  public var timeout = 120.0
  /// The folder of cached replies; `nil`: `.dataprep-cache/chat` beside the output folder.
  public var cache: String?

  /// A section asking `model` at `baseURL`, other settings at their defaults.
  public init(baseURL: String, model: String) {
    self.baseURL = baseURL
    self.model = model
  }

  /// The keys the section takes.
  static let keys = [
    "kind", "base_url", "model", "api_key_env", "concurrency", "tasks", "questions_per_chunk", "min_grounding",
    "max_requests", "max_tokens_total", "timeout", "cache",
  ]

  /// The section read from the recipe's `generator` value; `path` names the recipe in errors.
  /// - Throws: ``BuildError`` naming the key (`generator.model`) and what it must be.
  static func parse(_ value: Any, path: String) throws(BuildError) -> RecipeGenerator {
    let reader = RecipeReader(path: path)
    let entries = try reader.section(value, key: "generator", known: keys)
    let mapping = Dictionary(entries, uniquingKeysWith: { first, _ in first })
    guard let kind = mapping["kind"] else {
      throw .badRecipeValue(path: path, key: "generator.kind", expected: "openai-compatible")
    }
    guard try reader.string(kind, key: "generator.kind") == "openai-compatible" else {
      throw .badRecipeValue(path: path, key: "generator.kind", expected: "openai-compatible")
    }
    guard let urlValue = mapping["base_url"] else {
      throw .badRecipeValue(path: path, key: "generator.base_url", expected: "the server's API root, e.g. http://127.0.0.1:11434/v1")
    }
    let baseURL = try reader.string(urlValue, key: "generator.base_url")
    guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
      throw .badRecipeValue(path: path, key: "generator.base_url", expected: "an http(s) URL, e.g. http://127.0.0.1:11434/v1")
    }
    guard let modelValue = mapping["model"] else {
      throw .badRecipeValue(path: path, key: "generator.model", expected: "the model name the server knows")
    }
    let model = try reader.string(modelValue, key: "generator.model")
    guard !model.isEmpty else { throw .badRecipeValue(path: path, key: "generator.model", expected: "the model name the server knows") }
    var section = RecipeGenerator(baseURL: baseURL, model: model)
    for (key, value) in entries {
      let name = "generator.\(key)"
      switch key {
      case "api_key_env":
        section.apiKeyEnv = try reader.string(value, key: name)
        if section.apiKeyEnv.isEmpty || section.apiKeyEnv.contains("=") {
          throw .badRecipeValue(path: path, key: name, expected: "the name of an environment variable (the key itself never goes in a file)")
        }
      case "concurrency": section.concurrency = try reader.positive(value, key: name)
      case "tasks":
        section.tasks = []
        for item in try reader.strings(value, key: name) {
          guard let task = ModelTask(rawValue: item) else {
            throw .badRecipeValue(path: path, key: name, expected: "a list of \(ModelTask.names.joined(separator: ", "))")
          }
          section.tasks.append(task)
        }
        if section.tasks.isEmpty {
          throw .badRecipeValue(path: path, key: name, expected: "a list of \(ModelTask.names.joined(separator: ", "))")
        }
      case "questions_per_chunk": section.questionsPerChunk = try reader.positive(value, key: name)
      case "min_grounding": section.minGrounding = try reader.fraction(value, key: name)
      case "max_requests": section.maxRequests = value is NSNull ? nil : try reader.positive(value, key: name)
      case "max_tokens_total": section.maxTokensTotal = value is NSNull ? nil : try reader.positive(value, key: name)
      case "timeout":
        section.timeout = try reader.double(value, key: name)
        if !(section.timeout > 0) { throw .badRecipeValue(path: path, key: name, expected: "a number of seconds above 0") }
      case "cache": section.cache = try reader.optionalString(value, key: name)
      default: break
      }
    }
    return section
  }

  /// The model generator's options from this section.
  public var generatorOptions: ModelGeneratorOptions {
    ModelGeneratorOptions(
      model: model, tasks: tasks, questionsPerChunk: questionsPerChunk, minGrounding: minGrounding, concurrency: concurrency)
  }

  /// The settings that decide the examples, as the manifest records them (the URL, key
  /// variable, budget and cache do not change a reply, so a rebuild may change them).
  var settingsJSON: JSONValue {
    var object = JSONObject()
    object.append("kind", .string("openai-compatible"))
    object.append("model", .string(model))
    object.append("tasks", .array(tasks.map { .string($0.rawValue) }))
    object.append("questions_per_chunk", .integer(Int64(questionsPerChunk)))
    object.append("min_grounding", .double(minGrounding))
    return .object(object)
  }
}
