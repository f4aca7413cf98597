import Foundation

/// Whether an instruction reads as a question or a request, for the `instruction-shape` check.
///
/// A question ends with `?` (its first line or the whole text); a request starts with an
/// imperative verb (``requestVerbs``) or "please". Either needs 3 or more words (runs of letters
/// and digits, with inner apostrophes). The same rule as `scripts/score-dataset.py`, so
/// `validate` finds what the issue-14 scorecard counts.
enum InstructionShape {
  /// Verbs that open a request ("Explain ...", "List ..."), lowercased.
  static let requestVerbs: Set<String> = [
    "add", "analyze", "analyse", "answer", "apply", "build", "calculate", "change", "check", "choose", "classify",
    "compare", "complete", "compose", "configure", "continue", "convert", "create", "define", "demonstrate",
    "describe", "design", "detail", "determine", "discuss", "draft", "edit", "enumerate", "evaluate", "explain",
    "extract", "find", "fix", "format", "generate", "give", "group", "guide", "identify", "illustrate", "implement",
    "improve", "interpret", "introduce", "list", "make", "name", "note", "outline", "paraphrase", "point",
    "predict", "present", "provide", "recommend", "rephrase", "rewrite", "run", "say", "show", "simplify",
    "sketch", "solve", "sort", "specify", "state", "suggest", "summarise", "summarize", "tell", "transform",
    "translate", "turn", "use", "walk", "write",
  ]

  /// The minimum number of words.
  static let minimumWords = 3

  /// Why `text` is not a question or request, `nil` when it is one.
  static func problem(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    var first: String?
    var count = 0
    Self.forEachWord(trimmed) { word in
      if first == nil { first = word.lowercased() }
      count += 1
      return count < minimumWords
    }
    guard count >= minimumWords else {
      return count == 0 ? "has no words" : "has only \(count) word\(count == 1 ? "" : "s")"
    }
    let firstLine = trimmed.prefix { $0 != "\n" }.trimmingCharacters(in: .whitespaces)
    if firstLine.hasSuffix("?") || trimmed.hasSuffix("?") { return nil }
    if let first, first == "please" || requestVerbs.contains(first) { return nil }
    return "is neither a question (ending with '?') nor a request (opening with a verb such as Explain, List, Summarize, or Please)"
  }

  /// Calls `body` with each word of `text` (a run of letters and digits, apostrophes inside
  /// it included) until it returns false.
  static func forEachWord(_ text: String, _ body: (Substring) -> Bool) {
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      guard isWordScalar(scalars[index]) else {
        index = scalars.index(after: index)
        continue
      }
      let start = index
      var end = index
      while end < scalars.endIndex {
        if isWordScalar(scalars[end]) {
          end = scalars.index(after: end)
          continue
        }
        // An apostrophe joins two runs ("don't", "l’heure").
        let next = scalars.index(after: end)
        if scalars[end] == "'" || scalars[end] == "\u{2019}", next < scalars.endIndex, isWordScalar(scalars[next]) {
          end = next
          continue
        }
        break
      }
      let word = Substring(scalars[start..<end])
      if !body(word) { return }
      index = end
    }
  }

  /// Whether `scalar` is a letter or a digit (Python's `[^\W_]`).
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let v = scalar.value
      return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return true
    default:
      return false
    }
  }
}
