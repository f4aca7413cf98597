/// The `c4` rules (Raffel et al. 2020; datatrove's `C4QualityFilter` defaults): line rules decide
/// which lines count, document rules drop the text. `nil` or `false` turns a rule off.
public struct C4Settings: Sendable, Equatable {
  /// Remove `[1]`, `[edit]`, `[citation needed]` before judging a line.
  public var removeCitations = true
  /// Drop lines not ending in terminal punctuation (or ending in an ellipsis).
  public var requireTerminalPunctuation = true
  /// Fewest sentences in the kept lines.
  public var minSentences: Double? = 5
  /// Fewest words on a kept line.
  public var minWordsPerLine: Double? = 3
  /// Drop lines holding a word longer than this.
  public var maxWordLength: Double? = 1000
  /// Drop the text when a kept line says "lorem ipsum".
  public var dropLoremIpsum = true
  /// Drop lines mentioning "javascript".
  public var dropJavascriptLines = true
  /// Drop the text when a kept line holds `{`.
  public var dropCurlyBracket = true
  /// Drop lines about cookies and terms of use.
  public var dropPolicyLines = true
  /// Write a passing document as its kept lines (citations removed, joined with `\n`), as
  /// datatrove's `C4QualityFilter` does; `false` decides only and keeps the text as it was.
  public var rewrite = true

  /// The published rules.
  public init() {}
}
