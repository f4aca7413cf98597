/// A pre-tokenizer pattern the library scans by hand instead of with a regex engine.
///
/// Each case reproduces one regex exactly (leftmost-first alternation, greedy and possessive
/// quantifiers, backtracking and the `\s+(?!\S)` look-ahead) over Unicode scalars.
enum SplitPattern: Sendable, Equatable {
  /// cl100k_base: `'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+|
  /// ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s`
  case cl100k
  /// o200k_base: case-aware words with optional contraction suffixes, `\p{N}{1,3}`,
  /// punctuation runs with trailing `[\r\n/]*`, then the white-space alternatives.
  case o200k
  /// GPT-2 / r50k / p50k and the Hugging Face `ByteLevel` pre-tokenizer:
  /// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
  case gpt2
  /// Llama 3 (the first cl100k pattern): `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|
  /// \p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
  case llama3

  /// The regex source texts (as tiktoken and Hugging Face files spell them) that each case
  /// implements, so a `tokenizer.json` naming one of them gets the fast scanner.
  static func recognise(_ regex: String) -> SplitPattern? {
    switch regex {
    case #"'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"#:
      return .cl100k
    case #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+"#:
      return .o200k
    case #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#,
      #"'(?:[sdmt]|ll|ve|re)| ?\p{L}++| ?\p{N}++| ?[^\s\p{L}\p{N}]++|\s++$|\s+(?!\S)|\s"#:
      return .gpt2
    case #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#:
      return .llama3
    default:
      return nil
    }
  }
}
