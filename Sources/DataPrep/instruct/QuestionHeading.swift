import Foundation

/// Recognises headings that are questions ("How do I reset my password?", "Wie funktioniert
/// das"), whose section text is then the answer.
enum QuestionHeading {
  /// English and German words that open a question. Not "don't": a heading "Don't order
  /// results if you don't care" is advice (a question so opened ends with `?`).
  static let openingWords: Set<String> = [
    "how", "what", "why", "when", "where", "who", "whom", "whose", "which", "can", "could", "does",
    "do", "did", "is", "are", "was", "were", "should", "would", "will", "may", "might", "must",
    "has", "have", "shall", "am", "isn't", "aren't", "doesn't", "can't",
    "wie", "was", "warum", "wann", "wo", "wer", "wen", "wem", "wessen", "welche", "welcher",
    "welches", "woher", "wohin", "weshalb", "wieso", "kann", "können", "ist", "sind", "gibt",
    "muss", "soll", "darf", "wozu", "womit", "worauf",
  ]

  /// Whether `heading` is a question: it ends with a question mark, or it has two words or more,
  /// no code marks (`_`, `()`, backticks), and its first word (after any numbering such as `1.`
  /// or `Q:`) is a capitalized question word (`IS NULL`, `DO`, `is_valid()` are not questions)
  /// not followed by a number (`May 20, 2015 - CVE-2015-3982` is a date, not a question).
  static func isQuestion(_ heading: String) -> Bool {
    let trimmed = TextTrimming.trimmed(heading)
    if trimmed.hasSuffix("?") || trimmed.hasSuffix("？") { return true }
    guard trimmed.split(separator: " ").count >= 2, !trimmed.contains(where: { "_()`=<>".contains($0) }),
      let first = firstWord(trimmed), let written = writtenFirstWord(trimmed), written.first?.isUppercase == true,
      !written.dropFirst().contains(where: \.isUppercase), !isDate(trimmed)
    else { return false }
    // "What's", "Where's": the word before the apostrophe.
    let stem = first.split(separator: "'").first.map(String.init) ?? first
    return openingWords.contains(first) || openingWords.contains(stem)
  }

  /// The heading as a question: a question mark added when it has none.
  static func asQuestion(_ heading: String) -> String {
    var text = TextTrimming.trimmed(heading)
    for prefix in ["Q:", "Q.", "Q "] where text.hasPrefix(prefix) {
      text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
    }
    if !(text.hasSuffix("?") || text.hasSuffix("？")) { text += "?" }
    return text
  }

  /// The words of `text` from the first one after numbering ("1.", "2)", "Q:", "Q1.").
  private static func wordsAfterNumbering(_ text: String) -> ArraySlice<Substring> {
    var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
    while let word = words.first, word.allSatisfy({ !$0.isLetter }) || word.hasPrefix("Q:") || word == "Q." {
      words = words.dropFirst()
    }
    return words
  }

  /// Whether the first word after numbering is followed by a number: a date ("May 20, 2015",
  /// "May 2015"), which a heading of an archive or changelog opens with, not a question word.
  private static func isDate(_ text: String) -> Bool {
    let words = wordsAfterNumbering(text)
    return words.dropFirst().first?.first?.isNumber == true
  }

  /// The first word after numbering, as written.
  private static func writtenFirstWord(_ text: String) -> Substring? {
    wordsAfterNumbering(text).first.map { $0.prefix { $0.isLetter } }
  }

  private static func firstWord(_ text: String) -> String? {
    guard let word = wordsAfterNumbering(text).first else { return nil }
    let letters = word.lowercased().prefix { $0.isLetter || $0 == "'" || $0 == "’" }
    return letters.isEmpty ? nil : String(letters.map { $0 == "’" ? "'" : $0 })
  }
}
