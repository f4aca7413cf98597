/// Cleans page titles and section headings before they go into a prompt: section numbering
/// (`F.34.2.`, `1.1`, `Chapter 5.`), pilcrows and anchors (`¶`), trailing `:`/`.`, and the site
/// suffix of a title (`… — Django 3.2 documentation`, `… | The Courier`, `… - Apache HTTP Server`).
///
/// A suffix after a strong separator (` — `, ` | `, ` :: `, ` · `, ` » `) is always dropped. A
/// suffix after a weak one (` - `, ` – `, also used inside real titles such as `apxs - APache
/// eXtenSion tool`) is dropped once it has ended the titles of ``learnAfter`` documents of the
/// run: instruct streams, so suffixes are learned as documents arrive (deterministic for a given
/// input order). Memory: at most ``maxTracked`` distinct suffixes are counted.
struct TitleCleaner: Sendable {
  /// Documents that must end their title with the same weak-separator suffix before it counts as a site suffix.
  static let learnAfter = 3
  /// The most distinct suffixes counted (later new ones are not tracked).
  static let maxTracked = 10_000

  static let strongSeparators = [" — ", " | ", " :: ", " · ", " » ", " ｜ "]
  static let weakSeparators = [" - ", " – "]
  /// Words that open a numbered division of a book: `Chapter 5.`, `Appendix F.`, `Part II.`.
  static let divisionWords: Set<String> = [
    "chapter", "appendix", "part", "section", "kapitel", "anhang", "teil", "abschnitt", "chapitre", "annexe",
  ]

  private var suffixCounts: [String: Int] = [:]

  /// Counts the weak-separator suffix of `title` (call once per document, before ``clean(title:)``).
  mutating func learn(_ title: String) {
    guard let (_, suffix) = Self.split(title, at: Self.weakSeparators) else { return }
    if let count = suffixCounts[suffix] {
      suffixCounts[suffix] = count + 1
    } else if suffixCounts.count < Self.maxTracked {
      suffixCounts[suffix] = 1
    }
  }

  /// `title` without its site suffix, numbering and trailing marks.
  func clean(title: String) -> String {
    Self.clean(title: title, droppingWeakSuffix: dropsWeakSuffix(of: title))
  }

  /// Whether ``clean(title:)`` drops the weak-separator suffix of `title`: it has one, and that
  /// suffix has ended the titles of ``learnAfter`` documents learned so far.
  func dropsWeakSuffix(of title: String) -> Bool {
    guard let suffix = Self.weakSuffix(of: title) else { return false }
    return (suffixCounts[suffix] ?? 0) >= Self.learnAfter
  }

  /// The weak-separator suffix ``clean(title:)`` looks up for `title` (after the strong suffix
  /// is gone), or `nil` when there is none: then the cleaned title does not depend on what was
  /// learned.
  static func weakSuffix(of title: String) -> String? {
    var text = collapse(title)
    if let (head, _) = split(text, at: strongSeparators) { text = head }
    return split(text, at: weakSeparators)?.1
  }

  /// `title` cleaned, with its weak-separator suffix dropped or kept as told (a sharded run
  /// cleans both ways when it cannot know yet what the titles before it taught).
  static func clean(title: String, droppingWeakSuffix: Bool) -> String {
    var text = collapse(title)
    if let (head, _) = split(text, at: strongSeparators) {
      text = head
    }
    if droppingWeakSuffix, let (head, _) = split(text, at: weakSeparators) {
      text = head
    }
    return cleanHeading(text)
  }

  /// `heading` without numbering, pilcrow/anchor marks, trailing `:` or `.`, extra spaces.
  static func cleanHeading(_ heading: String) -> String {
    var text = collapse(heading)
    // Trailing marks, possibly several ("Foo: ¶").
    while let last = text.last, "¶#§:.🔗".contains(last) || last == " " {
      if last == ".", text.hasSuffix("..") { break }
      text.removeLast()
    }
    text = dropNumbering(text)
    return text
  }

  /// Whitespace runs as single spaces, trimmed.
  static func collapse(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// `(head, suffix)` split at the last of `separators` in `text`, when both sides hold a letter or digit.
  private static func split(_ text: String, at separators: [String]) -> (String, String)? {
    var best: Range<String.Index>?
    for separator in separators {
      if let range = text.range(of: separator, options: .backwards), best.map({ range.lowerBound > $0.lowerBound }) ?? true {
        best = range
      }
    }
    guard let best else { return nil }
    let head = String(text[..<best.lowerBound])
    let suffix = String(text[best.upperBound...])
    guard head.contains(where: { $0.isLetter || $0.isNumber }), suffix.contains(where: { $0.isLetter || $0.isNumber }) else {
      return nil
    }
    return (head.trimmingCharacters(in: .whitespaces), suffix.trimmingCharacters(in: .whitespaces))
  }

  /// `text` without a leading section number (`5.4.`, `F.18.1.`, `1.1`, `2)`, `Chapter 5.`, `Appendix M.`).
  private static func dropNumbering(_ text: String) -> String {
    var words = text.split(separator: " ", omittingEmptySubsequences: true)[...]
    var division = false
    if let first = words.first, words.count > 2, divisionWords.contains(first.lowercased()) {
      division = true
      words = words.dropFirst()
    }
    guard let number = words.first, words.count > 1, isNumbering(number, afterDivisionWord: division) else {
      return text
    }
    words = words.dropFirst()
    // "Chapter 5: Foo", "1 - Foo".
    if let next = words.first, next == "-" || next == "–" || next == "—" || next == ":", words.count > 1 {
      words = words.dropFirst()
    }
    return words.joined(separator: " ")
  }

  /// Whether `token` is a section number: digits or single capital letters joined by dots,
  /// with a dot or `)` (`5.4.`, `F.18.`, `1.1`, `2)`), or any number after a division word.
  private static func isNumbering(_ token: Substring, afterDivisionWord: Bool) -> Bool {
    var core = token
    var closed = false
    if core.hasSuffix(":") { core = core.dropLast() }
    if core.hasSuffix(".") || core.hasSuffix(")") {
      core = core.dropLast()
      closed = true
    }
    let parts = core.split(separator: ".", omittingEmptySubsequences: false)
    guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return false }
    let roman = Set("IVXLC")
    var hasDigit = false
    for part in parts {
      if part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber) {
        hasDigit = true
        guard part.count <= 4 else { return false }
      } else if part.count == 1, let letter = part.first, letter.isUppercase, letter.isASCII {
        continue
      } else if afterDivisionWord, part.allSatisfy({ roman.contains($0) }) {
        continue
      } else {
        return false
      }
    }
    if afterDivisionWord { return true }
    // "5.4.", "F.18.1.", "1.1": a digit and a dot; "2)": closed. A lone "A." is not numbering.
    return hasDigit && (parts.count > 1 || closed)
  }
}
