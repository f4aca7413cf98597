/// The built-in wordings of each task's instruction. One is picked per example by the stable
/// hash of the example id, so a dataset does not teach a single fixed phrasing.
/// `{title}` and `{heading}` are replaced by the document title and section heading.
enum Phrasings {
  /// Questions about a section of a titled document: `{heading}` and `{title}` come quoted.
  static let sectionQA = [
    "What does {title} say about {heading}?",
    "In {title}, what is explained under {heading}?",
    "Explain {heading}, as described in {title}.",
    "According to {title}, what should I know about {heading}?",
    "Describe the {heading} section of {title}.",
    "What does the {heading} part of {title} cover?",
  ]
  /// Questions about a section when the document has no title.
  static let sectionQAUntitled = [
    "What is there to know about {heading}?",
    "Explain the section {heading}.",
    "Describe the section {heading}.",
    "What does the section {heading} say?",
  ]
  /// Questions about a whole page (or its text before the first subheading): `{title}` quoted.
  static let page = [
    "What does the page {title} explain?",
    "What should I know about {title}?",
    "Explain the page {title}.",
    "Describe what {title} covers.",
    "What is {title} about?",
    "Give an overview of {title}.",
  ]
  /// Questions asking for the gist of the page `{title}`, answered by its lead paragraph.
  static let pageLead = [
    "In a sentence or two, what is {title}?",
    "Briefly, what is {title}?",
    "What is {title}, in short?",
    "Summarize {title} in a sentence or two.",
  ]
  /// Questions about a command-line option `{term}` of the page `{subject}`.
  static let optionTerm = [
    "What does the `{term}` option of {subject} do?",
    "What is the `{term}` option of {subject} for?",
    "Explain the `{term}` option of {subject}.",
    "Describe the `{term}` option in {subject}.",
    "How is the `{term}` option of {subject} used?",
  ]
  /// Questions about a command-line option when the page has no title.
  static let optionTermUntitled = [
    "What does the `{term}` option do?",
    "Explain the `{term}` option.",
    "What is the `{term}` option for?",
  ]
  /// Questions about an identifier, setting, keyword or call `{term}` of the page `{subject}`.
  static let codeTerm = [
    "What is `{term}` in {subject}?",
    "What does `{term}` mean in {subject}?",
    "Explain `{term}` in {subject}.",
    "What does the {subject} documentation say about `{term}`?",
    "Describe `{term}` as documented in {subject}.",
  ]
  /// Questions about an identifier when the page has no title.
  static let codeTermUntitled = [
    "What is `{term}`?",
    "What does `{term}` mean?",
    "Explain what `{term}` is.",
  ]
  /// Questions about a glossary term (or any term of an untitled page).
  static let glossaryTerm = [
    "What is {term}?",
    "What does {term} mean?",
    "Give the definition of {term}.",
    "What is meant by {term}?",
  ]
  /// Questions about a phrase defined on the page `{subject}`.
  static let phraseTerm = [
    "What does {subject} say about \"{term}\"?",
    "In {subject}, what is meant by \"{term}\"?",
    "Explain \"{term}\" in the context of {subject}.",
    "What should I know about \"{term}\" in {subject}?",
  ]
  /// Instructions asking for a summary of the text that follows.
  static let summary = [
    "Summarize the following text.",
    "Write a short summary of this text.",
    "Give a brief abstract of the following document.",
    "What is this text about? Answer in a few sentences.",
    "Summarize the following text in two or three sentences.",
  ]
  /// Instructions asking for the title of the text that follows.
  static let title = [
    "Suggest a title for the following text.",
    "What would be a good title for this text?",
    "Give this document a title.",
    "Write a concise title for the following text.",
  ]
  /// Instructions asking to continue a passage (completion task in chat-like formats).
  static let completion = [
    "Continue the following text.",
    "Continue writing from where this text stops.",
    "Write the next part of this text.",
  ]

  /// `phrasing` with `{title}` and `{heading}` filled in.
  static func fill(_ phrasing: String, title: String, heading: String) -> String {
    fill(phrasing, values: ["title": title, "heading": heading])
  }

  /// `phrasing` with each `{name}` of `values` filled in; other braces are kept.
  static func fill(_ phrasing: String, values: [String: String]) -> String {
    var out = ""
    var rest = Substring(phrasing)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let tail = rest[open...]
      if let close = tail.firstIndex(of: "}"), let value = values[String(tail[tail.index(after: open)..<close])] {
        out += value
        rest = tail[tail.index(after: close)...]
      } else {
        out += "{"
        rest = tail.dropFirst()
      }
    }
    out += rest
    return out
  }

  /// A title or heading as a prompt names it: quoted when it has several words, as is otherwise
  /// (`pg_config`, `CONNECT`).
  static func name(_ text: String) -> String {
    text.contains(" ") && !text.hasPrefix("\"") ? "\"\(text)\"" : text
  }

  /// `question` marked as part `index` (1-based) of `count`: "(part 2 of 3)" before its final
  /// `?` or `.`, so it stays a question or request.
  static func part(_ question: String, _ index: Int, of count: Int) -> String {
    guard count > 1 else { return question }
    let mark = " (part \(index) of \(count))"
    if let last = question.last, last == "?" || last == "." || last == "？" {
      return String(question.dropLast()) + mark + String(last)
    }
    return question + mark
  }

  /// `question` with `context` added in parentheses before its final `?` or `.`, to tell it
  /// apart from the same question asked elsewhere.
  static func adding(context: String, to question: String) -> String {
    let mark = " (\(context))"
    if let last = question.last, last == "?" || last == "." || last == "？" {
      return String(question.dropLast()) + mark + String(last)
    }
    return question + mark
  }
}
