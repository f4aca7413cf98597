/// The OpenAI encodings whose split pattern and special tokens are built in.
///
/// Only their rank files are data (see ``TokenizerLocator``); everything else is here.
public enum TiktokenEncoding: String, Sendable, CaseIterable {
  /// GPT-4o, GPT-4.1, o-series, gpt-oss: the default.
  case o200kBase = "o200k_base"
  /// GPT-4, GPT-3.5-turbo, text-embedding-3.
  case cl100kBase = "cl100k_base"
  /// Codex and text-davinci-002/003.
  case p50kBase = "p50k_base"
  /// GPT-3 (davinci) and GPT-2.
  case r50kBase = "r50k_base"

  /// The pre-tokenizer pattern.
  var pattern: SplitPattern {
    switch self {
    case .o200kBase: return .o200k
    case .cl100kBase: return .cl100k
    case .p50kBase, .r50kBase: return .gpt2
    }
  }

  /// The special tokens and their ids, as tiktoken defines them.
  public var specialTokens: [String: Int] {
    switch self {
    case .o200kBase: return ["<|endoftext|>": 199_999, "<|endofprompt|>": 200_018]
    case .cl100kBase:
      return [
        "<|endoftext|>": 100_257, "<|fim_prefix|>": 100_258, "<|fim_middle|>": 100_259,
        "<|fim_suffix|>": 100_260, "<|endofprompt|>": 100_276,
      ]
    case .p50kBase, .r50kBase: return ["<|endoftext|>": 50_256]
    }
  }

  /// The encoding a rank file's name announces (`cl100k_base.tiktoken.gz` is cl100k_base).
  static func named(byFile path: String) -> TiktokenEncoding? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return allCases.first { name.hasPrefix($0.rawValue) }
  }
}
