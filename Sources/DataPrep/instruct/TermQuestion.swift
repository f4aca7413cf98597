/// Turns a defined term (a `<dl>` entry, a glossary term: a `metadata.qa` question that is not a
/// question) into a question that names the term and the page it belongs to, by the term's shape:
///
/// - a command-line option (`-p port --port=port`, `--cflags`): "What does the `--cflags` option of pg_config do?"
/// - code: an identifier, call, setting, environment variable or keyword (`()`, `_`, `.`, `=`,
///   ALL CAPS, or a single lowercase word): "What is `new_owner` in ALTER SEQUENCE?"
/// - a phrase on a glossary page (title holds glossary/terminology/glossar): "What is ANSI?"
/// - any other phrase: "What does \"Security Tips\" say about \"Message Digest\"?"
enum TermQuestion {
  /// The shape of a term.
  enum Shape: Equatable {
    case option, code, glossary, phrase
  }

  /// Title words that make a page a glossary.
  static let glossaryWords = ["glossary", "glossar", "terminology", "glossaire", "definitions of terms"]

  /// `term` without pilcrows, `[source]` links, backticks and a trailing colon; empty when nothing is left.
  static func clean(_ term: String) -> String {
    var text = TitleCleaner.collapse(term.replacingOccurrences(of: "`", with: ""))
    var changed = true
    while changed {
      changed = false
      for tail in ["¶", "[source]", "#", ":", "🔗"] where text.hasSuffix(tail) && text.count > tail.count {
        text = String(text.dropLast(tail.count)).trimmingCharacters(in: .whitespaces)
        changed = true
      }
    }
    return text
  }

  /// The shape of a cleaned `term` on a page titled `subject`.
  static func shape(of term: String, subject: String) -> Shape {
    if term.hasPrefix("-"), term.count > 1, !term.hasPrefix("- ") { return .option }
    let lowerSubject = subject.lowercased()
    if glossaryWords.contains(where: { lowerSubject.contains($0) }) { return .glossary }
    let words = term.split(separator: " ")
    let codeMarks = "()[]{}<>=_$%@/\\*&:;|\"'"
    if term.contains(where: { codeMarks.contains($0) }) { return .code }
    // A dotted name anywhere (`class sphinx.builders.Builder`, `os.path`).
    if words.contains(where: isDottedName) { return .code }
    let letters = term.filter(\.isLetter)
    if !letters.isEmpty, letters.allSatisfy({ $0.isUppercase }), letters.count > 1 { return .code }  // SQL keyword, constant
    if words.count == 1 {
      let word = words[0]
      // camelCase, dotted.names, lowercase single words (`file`, `ordering`) are identifiers.
      if let first = word.first, first.isLowercase { return .code }
      if word.dropFirst().contains(where: \.isUppercase) { return .code }
    }
    return .phrase
  }

  /// Whether `word` joins two names with a dot inside (`a.b`, `os.path`; not `etc.` or `2.4`).
  private static func isDottedName(_ word: Substring) -> Bool {
    let characters = Array(word)
    guard characters.count >= 3 else { return false }
    for index in 1..<(characters.count - 1) where characters[index] == "." {
      let before = characters[index - 1]
      let after = characters[index + 1]
      if (before.isLetter || before.isNumber) && (after.isLetter || after.isNumber) && (before.isLetter || after.isLetter) {
        return true
      }
    }
    return false
  }

  /// The question about `term` (already cleaned) on the page `subject` (cleaned title, may be
  /// empty), with a phrasing picked by the stable hash of `key`.
  static func question(term: String, subject: String, key: String) -> String {
    let shape = shape(of: term, subject: subject)
    let phrasings: [String]
    switch (shape, subject.isEmpty) {
    case (.option, false): phrasings = Phrasings.optionTerm
    case (.option, true): phrasings = Phrasings.optionTermUntitled
    case (.code, false): phrasings = Phrasings.codeTerm
    case (.code, true): phrasings = Phrasings.codeTermUntitled
    case (.glossary, _), (.phrase, true): phrasings = Phrasings.glossaryTerm
    case (.phrase, false): phrasings = Phrasings.phraseTerm
    }
    return Phrasings.fill(StableHash.pick(phrasings, for: key) ?? "", values: ["term": term, "subject": Phrasings.name(subject)])
  }
}
