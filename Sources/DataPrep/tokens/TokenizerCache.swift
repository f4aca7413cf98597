import Synchronization

/// The tokenizers loaded in this process, by file and encoding, so a rank file (about 60 ms to
/// parse for o200k_base) is read once however many commands, counters or tasks ask for it.
///
/// Holds every tokenizer loaded until the process ends (a few tens of MB for o200k_base); a
/// process loads one or two. A failed load is not kept, so it is retried and reported again.
final class TokenizerCache: Sendable {
  /// The process-wide cache.
  static let shared = TokenizerCache()

  private let loaded = Mutex<[String: Tokenizer]>([:])

  /// The tokenizer of the file at `path` read as `encoding`, made with `load` the first time.
  /// Two tasks asking at once may both load; the first stored wins and both get equal tokenizers.
  func tokenizer(
    path: String, encoding: TiktokenEncoding?, load: () throws(TokenizerError) -> Tokenizer
  ) throws(TokenizerError) -> Tokenizer {
    let key = "\(encoding?.rawValue ?? "")\u{0}\(path)"
    if let hit = loaded.withLock({ $0[key] }) { return hit }
    let tokenizer = try load()
    return loaded.withLock { cache in
      if let earlier = cache[key] { return earlier }
      cache[key] = tokenizer
      return tokenizer
    }
  }
}
