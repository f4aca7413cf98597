/// Counts the tokens of a text for the length check: the seam where a real tokenizer plugs in.
public struct TokenCounter: Sendable {
  /// How counts are made, shown in messages (`characters/4 estimate`).
  public var name: String
  /// The count for one text.
  public var count: @Sendable (String) -> Int

  /// A counter called `name` using `count`.
  public init(name: String, count: @escaping @Sendable (String) -> Int) {
    self.name = name
    self.count = count
  }

  /// The estimate used until the tokenizer lands: Unicode scalars / 4, rounded up.
  public static let characterEstimate = TokenCounter(name: "estimated as characters/4") { text in
    (text.unicodeScalars.count + 3) / 4
  }
}
