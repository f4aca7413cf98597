/// The built-in wordings of each task's instruction. One is picked per example by the stable
/// hash of the example id, so a dataset does not teach a single fixed phrasing.
/// `{title}` and `{heading}` are replaced by the document title and section heading.
enum Phrasings {
  /// Questions about a section of a titled document.
  static let sectionQA = [
    "What does \"{title}\" say about {heading}?",
    "In \"{title}\", what is explained under \"{heading}\"?",
    "Explain {heading}, as described in \"{title}\".",
    "According to \"{title}\", what should I know about {heading}?",
    "Describe {heading} (from \"{title}\").",
  ]
  /// Questions about a section when the document has no title.
  static let sectionQAUntitled = [
    "What is there to know about {heading}?",
    "Explain {heading}.",
    "Describe {heading}.",
    "What does the section \"{heading}\" say?",
  ]
  /// Instructions asking for a summary of the text that follows.
  static let summary = [
    "Summarize the following text.",
    "Write a short summary of this text.",
    "Give a brief abstract of the following document.",
    "What is this text about? Answer in a few sentences.",
    "Condense the following text into a short summary.",
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
    var out = ""
    var rest = Substring(phrasing)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let tail = rest[open...]
      if tail.hasPrefix("{title}") {
        out += title
        rest = tail.dropFirst("{title}".count)
      } else if tail.hasPrefix("{heading}") {
        out += heading
        rest = tail.dropFirst("{heading}".count)
      } else {
        out += "{"
        rest = tail.dropFirst()
      }
    }
    out += rest
    return out
  }
}
