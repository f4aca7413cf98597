import ArgumentParser
import DataPrep
import Foundation

/// The flags of `instruct`'s model generator (`--generator openai-compatible`): which server
/// and model, the client's cache, timeout and budget, and what to ask.
struct ModelGeneratorFlags: ParsableArguments {
  /// Who writes the examples.
  enum Kind: String, ExpressibleByArgument, CaseIterable {
    /// The rule-based tasks (deterministic, no model): the default.
    case rules
    /// A chat model behind an OpenAI-compatible `/chat/completions` endpoint.
    case openAICompatible = "openai-compatible"
  }

  @Option(name: .long, help: "Who writes the examples: rules (deterministic, no model) or openai-compatible (a chat model you run).")
  var generator: Kind = .rules

  @Option(name: .customLong("base-url"), help: "The server's OpenAI-compatible API root, e.g. http://127.0.0.1:11434/v1 (Ollama).")
  var baseURL: String?

  @Option(name: .customLong("model"), help: "The model name the server knows (e.g. llama3.1:8b).")
  var modelName: String?

  @Option(name: .customLong("api-key-env"), help: "The environment variable holding the API key (read from the environment only).")
  var apiKeyEnv: String = "OPENAI_API_KEY"

  @Option(name: .long, help: "Requests in flight at once; the output does not depend on it.")
  var concurrency: Int = 4

  @Option(name: .long, help: "Seconds one call may take before it is retried.")
  var timeout: Double = 120

  @Option(name: .customLong("cache"), help: "The folder of cached replies (default: .dataprep-cache/chat beside the output); a rerun reads replies from it.")
  var cacheFolder: String?

  @Option(name: .customLong("max-requests"), help: "Stop after this many requests to the server (cached replies are free).")
  var maxRequests: Int?

  @Option(name: .customLong("max-tokens-total"), help: "Stop after the server has counted this many tokens, in and out.")
  var maxTokensTotal: Int?

  @Flag(name: .customLong("dry-run"), help: "Report how many calls and prompt tokens the run would make, and how many are cached; send nothing.")
  var dryRun = false

  @Option(name: .customLong("model-tasks"), help: "Comma-separated model tasks (\(ModelTask.names.joined(separator: ", "))).")
  var modelTasks: String = "qa"

  @Option(name: .customLong("questions-per-chunk"), help: "Question-answer pairs asked per chunk (qa).")
  var questionsPerChunk: Int = 3

  @Option(name: .customLong("min-grounding"), help: "The least share of an answer's content words found in its chunk (0 to 1).")
  var minGrounding: Double = 0.6

  @Option(name: .customLong("prompt-template"), help: "A YAML file of prompts per model task ({system, user}), replacing the built-in ones.")
  var promptTemplate: String?

  /// Refuses settings that cannot run: a model generator without its server or model, values
  /// out of range, model flags without the model generator.
  func check() throws {
    guard generator == .openAICompatible else {
      let given = [
        baseURL.map { _ in "--base-url" }, modelName.map { _ in "--model" }, maxRequests.map { _ in "--max-requests" },
        maxTokensTotal.map { _ in "--max-tokens-total" }, promptTemplate.map { _ in "--prompt-template" },
        cacheFolder.map { _ in "--cache" }, dryRun ? "--dry-run" : nil,
      ].compactMap { $0 }
      if let first = given.first { throw ValidationError("\(first) needs --generator openai-compatible") }
      return
    }
    guard let baseURL, !baseURL.isEmpty else {
      throw ValidationError("--generator openai-compatible needs --base-url (e.g. http://127.0.0.1:11434/v1 for Ollama)")
    }
    guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
      throw ValidationError("--base-url '\(baseURL)' is not an http(s) URL (e.g. http://127.0.0.1:11434/v1)")
    }
    guard let modelName, !modelName.isEmpty else {
      throw ValidationError("--generator openai-compatible needs --model (the name the server knows, e.g. llama3.1:8b)")
    }
    if apiKeyEnv.isEmpty || apiKeyEnv.contains("=") { throw ValidationError("--api-key-env names an environment variable, not a key") }
    if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
    if !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds") }
    if let maxRequests, maxRequests < 1 { throw ValidationError("--max-requests must be at least 1") }
    if let maxTokensTotal, maxTokensTotal < 1 { throw ValidationError("--max-tokens-total must be at least 1") }
    if questionsPerChunk < 1 { throw ValidationError("--questions-per-chunk must be at least 1") }
    if !(0...1).contains(minGrounding) { throw ValidationError("--min-grounding must be between 0 and 1") }
    _ = try tasks()
  }

  /// The model tasks named by `--model-tasks`.
  func tasks() throws -> [ModelTask] {
    let names = CommaList.items(modelTasks)
    guard !names.isEmpty else { throw ValidationError("--model-tasks needs at least one of \(ModelTask.names.joined(separator: ", "))") }
    return try names.map { name in
      guard let task = ModelTask(rawValue: name) else {
        throw ValidationError("unknown model task '\(name)' (\(ModelTask.names.joined(separator: ", ")))")
      }
      return task
    }
  }

  /// The generator's options from the flags (prompts from `--prompt-template` when given).
  func generatorOptions() throws -> ModelGeneratorOptions {
    let prompts = try promptTemplate.map { try ModelPrompt.load(path: $0) } ?? ModelPrompt.defaults
    let options = ModelGeneratorOptions(
      model: modelName ?? "", tasks: try tasks(), questionsPerChunk: questionsPerChunk, minGrounding: minGrounding,
      concurrency: concurrency, prompts: prompts)
    try options.check()
    return options
  }

  /// The client's settings; the cache defaults to `.dataprep-cache/chat` in the folder of `output`.
  func clientSettings(output: String) -> ModelEndpoint {
    ModelEndpoint(
      baseURL: baseURL ?? "", apiKeyEnv: apiKeyEnv, timeout: timeout,
      cacheFolder: cacheFolder ?? ModelEndpoint.defaultCacheFolder(besideOutput: output), maxRequests: maxRequests,
      maxTokensTotal: maxTokensTotal, concurrency: concurrency)
  }
}
