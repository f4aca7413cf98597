/// Counts the tokens of a text for the length check: the seam where a real tokenizer plugs in.
public struct TokenCounter: Sendable {
  /// How counts are made, shown in messages (`characters/4 estimate`).
  public var name: String
  /// The count for one text.
  public var count: @Sendable (String) -> Int

  /// Whether this is ``characterEstimate`` (the validator then counts during its own scan).
  let isCharacterEstimate: Bool

  /// A counter called `name` using `count`.
  public init(name: String, count: @escaping @Sendable (String) -> Int) {
    self.init(name: name, isCharacterEstimate: false, count: count)
  }

  private init(name: String, isCharacterEstimate: Bool, count: @escaping @Sendable (String) -> Int) {
    self.name = name
    self.isCharacterEstimate = isCharacterEstimate
    self.count = count
  }

  /// The estimate used until the tokenizer lands: Unicode scalars / 4, rounded up.
  public static let characterEstimate = TokenCounter(name: "estimated as characters/4", isCharacterEstimate: true) { text in
    (text.unicodeScalars.count + 3) / 4
  }
}
