/// What a run's model calls cost so far: the figures a report and a card state.
public struct ChatUsage: Sendable, Hashable, Codable {
  /// Requests sent to the server (not answered from the cache); retries are counted apart.
  public var requests: Int = 0
  /// Extra HTTP attempts after a 429, 5xx, 408, connection error or timeout.
  public var retries: Int = 0
  /// Requests answered from the reply cache (they cost nothing).
  public var cacheHits: Int = 0
  /// Cache entries found unreadable or corrupt, treated as misses and overwritten.
  public var corruptCacheEntries: Int = 0
  /// Prompt tokens the server reported (`usage.prompt_tokens`) over answered requests.
  public var promptTokens: Int = 0
  /// Reply tokens the server reported (`usage.completion_tokens`) over answered requests.
  public var completionTokens: Int = 0

  /// No calls yet.
  public init() {}

  /// Prompt plus reply tokens: what `--max-tokens-total` limits.
  public var totalTokens: Int { promptTokens + completionTokens }
}
