import DataPrep
import Foundation

/// What the real chat client is made from (``DataPrepCommand/Instruct/makeChatClient(_:)``):
/// `instruct`'s flags or the recipe's `generator:` section.
struct ModelEndpoint: Sendable, Equatable {
  /// The API root, e.g. `http://127.0.0.1:11434/v1`.
  var baseURL: String
  /// The environment variable holding the key.
  var apiKeyEnv: String
  /// Seconds one call may take.
  var timeout: Double
  /// The folder of cached replies.
  var cacheFolder: String
  /// The most requests sent to the server, or `nil`.
  var maxRequests: Int?
  /// The most tokens (in and out) the server may count, or `nil`.
  var maxTokensTotal: Int?
  /// Requests in flight at once.
  var concurrency: Int

  /// The key, read from the environment only; `nil` when the variable is unset or empty (a
  /// local server needs none).
  var apiKey: String? {
    DataPrep.ChatClientSettings.apiKey(fromEnvironment: apiKeyEnv)
  }

  /// `.dataprep-cache/chat` in the folder of `output` (the working directory for stdout).
  static func defaultCacheFolder(besideOutput output: String) -> String {
    guard output != "-" else { return ".dataprep-cache/chat" }
    let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
    return folder + "/.dataprep-cache/chat"
  }
}

extension ModelEndpoint {
  /// The settings of a recipe's `generator:` section for a build into the folder `output`
  /// (the cache defaults to `.dataprep-cache/chat` beside that folder).
  init(_ section: RecipeGenerator, output: String) {
    self.init(
      baseURL: section.baseURL, apiKeyEnv: section.apiKeyEnv, timeout: section.timeout,
      cacheFolder: section.cache ?? Self.defaultCacheFolder(besideOutput: output), maxRequests: section.maxRequests,
      maxTokensTotal: section.maxTokensTotal, concurrency: section.concurrency)
  }
}
