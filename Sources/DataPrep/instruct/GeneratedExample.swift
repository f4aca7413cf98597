/// An example as the generator made it, with the contexts that can tell its prompt apart from
/// the same prompt asked elsewhere with another answer ("under \"Parameters\"", "from page.html"),
/// most specific last. ``Instructor`` adds them one by one, in order, to a prompt that collides.
struct GeneratedExample: Sendable {
  /// The example.
  var example: Example
  /// Contexts to add to the instruction on a collision, in the order they are tried.
  var contexts: [String]
  /// Why the generator already knows the example is not to be written (its answer failed
  /// ``AnswerCheck``: ``ExampleFilter/Reason/notAnAnswer``; its page is a code listing:
  /// ``ExampleFilter/Reason/codeListing``; its answer is too long for one question:
  /// ``ExampleFilter/Reason/tooManyParts``); it is counted under the filter's reason when it has
  /// one (empty, boilerplate), else under this one. `nil`: an answer to write.
  var rejection: ExampleFilter.Reason?

  /// Whether the example is an answer to write (no ``rejection``).
  var isAnswer: Bool { rejection == nil }

  init(_ example: Example, contexts: [String] = [], rejection: ExampleFilter.Reason? = nil) {
    self.example = example
    self.contexts = contexts
    self.rejection = rejection
  }

  /// The example with `context` added to its last user instruction (before the final `?` or `.`).
  func adding(context: String) -> Example {
    var copy = example
    guard let index = copy.messages.lastIndex(where: { $0.role == .user }) else { return copy }
    copy.messages[index].content = Phrasings.adding(context: context, to: copy.messages[index].content ?? "")
    return copy
  }
}
