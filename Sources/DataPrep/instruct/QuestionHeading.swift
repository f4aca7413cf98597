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

  /// English auxiliaries and modals: a question they open names its subject next ("Can I …",
  /// "Does the cache …"); followed by anything else they open advice or a label ("Do database
  /// work in the database", "Has patch").
  static let englishAuxiliaries: Set<String> = [
    "can", "could", "does", "do", "did", "is", "are", "was", "were", "should", "would", "will", "may",
    "might", "must", "has", "have", "shall", "am", "isn't", "aren't", "doesn't", "can't",
  ]

  /// English words that open a question asking for a clause.
  static let englishQuestionWords: Set<String> = ["how", "what", "why", "when", "where", "who", "whom", "whose", "which"]

  /// Words that can be the subject after an opening auxiliary (besides a capitalized name).
  static let subjectWords: Set<String> = [
    "i", "you", "we", "they", "it", "he", "she", "there", "this", "that", "these", "those", "my", "your",
    "our", "their", "its", "his", "her", "the", "a", "an", "any", "all", "some", "each", "every", "no",
    "one", "someone", "anyone", "anything", "something", "everything", "nothing",
  ]

  /// Whether `heading` is a question: it ends with a question mark, or it has two words or more,
  /// no code marks (`_`, `()`, backticks), and its first word (after any numbering such as `1.`
  /// or `Q:`) is a capitalized question word (`IS NULL`, `DO`, `is_valid()` are not questions)
  /// not followed by a number (`May 20, 2015 - CVE-2015-3982` is a date, not a question). An
  /// English auxiliary must be followed by a subject ("Can I …", not "Has patch"), and a heading
  /// opened by a question word and holding a comma is a statement ("When testing, more is better").
  static func isQuestion(_ heading: String) -> Bool {
    let trimmed = TextTrimming.trimmed(heading)
    if trimmed.hasSuffix("?") || trimmed.hasSuffix("？") { return true }
    guard trimmed.split(separator: " ").count >= 2, !trimmed.contains(where: { "_()`=<>".contains($0) }),
      let first = firstWord(trimmed), let written = writtenFirstWord(trimmed), written.first?.isUppercase == true,
      !written.dropFirst().contains(where: \.isUppercase), !isDate(trimmed)
    else { return false }
    // "What's", "Where's": the word before the apostrophe.
    let stem = first.split(separator: "'").first.map(String.init) ?? first
    guard openingWords.contains(first) || openingWords.contains(stem) else { return false }
    let words = wordsAfterNumbering(trimmed)
    let second = words.dropFirst().first.map { $0.lowercased() } ?? ""
    if englishAuxiliaries.contains(first) {
      // German "Was ist …" is a question too.
      return words.dropFirst().first.map(isSubject) == true || (first == "was" && openingWords.contains(second))
    }
    if englishQuestionWords.contains(stem) { return !trimmed.contains(", ") }
    return true
  }

  /// Whether `word` can be the subject after an auxiliary: a pronoun or determiner, or a name
  /// (capitalized, or a number).
  private static func isSubject(_ word: Substring) -> Bool {
    guard let first = word.first else { return false }
    if first.isUppercase || first.isNumber { return true }
    return subjectWords.contains(word.lowercased().filter { $0.isLetter })
  }

  /// The heading as a question: unchanged when it ends with a question mark. An English heading
  /// opened by a question word is made a question a reader asks: "How to log a user out" becomes
  /// "How do I log a user out?", "What to report" "What should I report?"; a clause ("How Django
  /// stores passwords") becomes a request, "Explain how Django stores passwords."; a direct
  /// question ("What's new in 1.0", "Who receives notice") only gains its question mark.
  static func asQuestion(_ heading: String) -> String {
    var text = TextTrimming.trimmed(heading)
    for prefix in ["Q:", "Q.", "Q "] where text.hasPrefix(prefix) {
      text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
    }
    if text.hasSuffix("?") || text.hasSuffix("？") { return text }
    let words = text.split(separator: " ")
    guard words.count >= 2, let opening = words.first, !opening.contains(where: { $0 == "'" || $0 == "’" }),
      englishQuestionWords.contains(opening.lowercased())
    else { return text + "?" }
    let second = words[1].lowercased()
    if second == "to", words.count >= 3 {
      // "How to X" → "How do I X?"; "Where to X" → "Where should I X?".
      var verb = String(words[2])
      if verb.first?.isUppercase == true, !verb.dropFirst().contains(where: \.isUppercase) { verb = verb.lowercased() }
      let lead = opening.lowercased() == "how" ? "How do I" : "\(opening) should I"
      return ([lead, verb] + words.dropFirst(3).map(String.init)).joined(separator: " ") + "?"
    }
    if englishAuxiliaries.contains(second) || isThirdPersonVerb(words[1], after: opening) { return text + "?" }
    // An indirect question: "How Django stores passwords" asks to explain it.
    return "Explain " + opening.lowercased() + " " + words.dropFirst().joined(separator: " ") + "."
  }

  /// Whether `word`, after `opening` (who, what, which), reads as the verb of a direct question
  /// ("Who receives …", "What Goes Where"): letters ending in `s` or `ed`, lower-case but for a
  /// capital first, not a pronoun or determiner ("What this means" is a clause).
  private static func isThirdPersonVerb(_ word: Substring, after opening: Substring) -> Bool {
    let lower = word.lowercased()
    guard ["who", "what", "which"].contains(opening.lowercased()), word.allSatisfy(\.isLetter),
      !word.dropFirst().contains(where: \.isUppercase), !subjectWords.contains(lower)
    else { return false }
    return lower.hasSuffix("s") || lower.hasSuffix("ed")
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
