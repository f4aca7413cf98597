import Foundation

/// Drops examples not worth training on, saying why: an empty response, a response that is only
/// boilerplate ("Click here", "All rights reserved"), a response identical to the prompt, or a
/// length outside `--min-chars` (response) / `--max-chars` (prompt and response together).
public struct ExampleFilter: Sendable {
  /// Why an example was dropped.
  public enum Reason: String, Sendable, Hashable, CaseIterable {
    /// The response has no text.
    case emptyResponse = "empty response"
    /// The response is site furniture, not content.
    case boilerplate = "boilerplate response"
    /// The response repeats the prompt.
    case sameAsPrompt = "response same as prompt"
    /// The response is shorter than `minChars`.
    case tooShort = "response under --min-chars"
    /// The whole example is longer than `maxChars`.
    case tooLong = "example over --max-chars"
    /// The written record has more tokens than ``InstructOptions/maxTokens`` (checked by
    /// ``Instructor`` after rendering, since the count depends on the format).
    case tooManyTokens = "example over --max-tokens"
    /// The response is only headings, navigation (a table of contents, an index, a link list)
    /// or a few words (checked by the generator: `AnswerCheck`).
    case notAnAnswer = "response only headings, navigation or a few words"
    /// The document is a code listing (a highlighted-source page: almost all fenced code, no
    /// prose explaining it), which answers no question (checked by the generator:
    /// `AnswerCheck.isCodeListing`).
    case codeListing = "page only code (a source listing)"
    /// The answer would be cut into more than ``ExampleGenerator/maxAnswerParts`` parts of the
    /// answer budget: a dump (a changelog's commit list, a whole manual on one page), not an
    /// answer to one question (checked by the generator; the page's sections still make theirs).
    case tooManyParts = "response over 8 parts of --answer-tokens"
    /// The prompt was already written with another answer, and no added context told them
    /// apart (checked by ``Instructor``, which keeps the digests of the prompts it wrote).
    case conflictingPrompt = "prompt already asked with another answer"
  }

  /// The fewest characters a response may have (0: no minimum).
  public var minChars: Int
  /// The most characters prompt and response may have together (`nil`: no maximum).
  public var maxChars: Int?

  /// A filter with the given bounds.
  public init(minChars: Int = 0, maxChars: Int? = nil) {
    self.minChars = minChars
    self.maxChars = maxChars
  }

  /// Phrases that mark a short response as boilerplate.
  static let boilerplatePhrases = [
    "click here", "read more", "all rights reserved", "we use cookies", "accept cookies",
    "enable javascript", "javascript is disabled", "page not found", "skip to content",
    "back to top", "lorem ipsum", "subscribe to our newsletter", "loading...",
  ]

  /// Why `example` should be dropped, or `nil` to keep it.
  func rejection(of example: Example) -> Reason? {
    let response = example.responseMessages.map(\.text).joined(separator: "\n")
    let prompt = example.promptMessages.filter { $0.role != .system }.map(\.text).joined(separator: "\n")
    let trimmedResponse = TextTrimming.trimmed(response)
    if trimmedResponse.isEmpty { return .emptyResponse }
    if Self.isBoilerplate(trimmedResponse) { return .boilerplate }
    if TextTrimming.sameWords(trimmedResponse, prompt) { return .sameAsPrompt }
    if minChars > 0, trimmedResponse.count < minChars { return .tooShort }
    if let maxChars, example.messages.reduce(0, { $0 + $1.text.count }) > maxChars { return .tooLong }
    return nil
  }

  /// Whether `text` is boilerplate: no letters at all, or short and holding a boilerplate phrase.
  static func isBoilerplate(_ text: String) -> Bool {
    if !text.unicodeScalars.contains(where: \.properties.isAlphabetic) { return true }
    guard text.utf8.count < 320, text.count < 80 else { return false }
    let lower = text.lowercased()
    return boilerplatePhrases.contains { lower.contains($0) }
  }
}
