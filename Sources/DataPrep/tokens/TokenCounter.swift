/// Counts the tokens of one text: the one seam every length measure goes through (validate's
/// `--max-tokens`, instruct's chunking and `--max-tokens`, stats). Either a real tokenizer
/// (``init(tokenizer:)``) or an estimate used when no tokenizer files are installed
/// (``characterEstimate``, ``wordEstimate``). Records are counted on top of this by
/// `ExampleTokenCounter`, which adds the chat overhead the services count.
public struct TokenCounter: Sendable {
  /// How counts are made, shown in messages (`o200k_base`, `estimated as characters/4`).
  public var name: String
  /// Whether counts are an estimate rather than a real tokenizer's (messages then say "about").
  public var isEstimate: Bool
  /// The count for one text.
  public var count: @Sendable (String) -> Int

  /// Whether this is ``characterEstimate`` (the validator then counts during its own scan).
  let isCharacterEstimate: Bool

  /// An estimating counter called `name` using `count`.
  public init(name: String, count: @escaping @Sendable (String) -> Int) {
    self.init(name: name, isEstimate: true, isCharacterEstimate: false, count: count)
  }

  /// A counter giving exactly the token counts of `tokenizer` (special-token text counted as
  /// ordinary text, as the services do for training data).
  public init(tokenizer: Tokenizer) {
    self.init(name: tokenizer.name, isEstimate: false, isCharacterEstimate: false) { tokenizer.count($0) }
  }

  private init(name: String, isEstimate: Bool, isCharacterEstimate: Bool, count: @escaping @Sendable (String) -> Int) {
    self.name = name
    self.isEstimate = isEstimate
    self.isCharacterEstimate = isCharacterEstimate
    self.count = count
  }

  /// The estimate used when no tokenizer is available: Unicode scalars / 4, rounded up.
  public static let characterEstimate = TokenCounter(name: "estimated as characters/4", isEstimate: true, isCharacterEstimate: true) { text in
    (text.unicodeScalars.count + 3) / 4
  }
}
