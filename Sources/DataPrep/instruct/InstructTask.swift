/// The kinds of examples `instruct` builds from documents.
public enum InstructTask: String, Sendable, Hashable, CaseIterable {
  /// Real question/answer pairs: `metadata.qa`, question headings, StackExchange questions
  /// with their accepted answers.
  case faq
  /// A question about each section (from the title and heading), answered by its text.
  case sectionQA = "section-qa"
  /// The body, to be summarised as the document's abstract or description.
  case summary
  /// The body, to be given the document's title.
  case title
  /// Token-sized chunks of the text, for continued pre-training.
  case completion

  /// The names, as `--tasks` takes them.
  public static var names: [String] { allCases.map(\.rawValue) }

  /// The tasks run when `--tasks` is not given: `completion` alone for the `text` format,
  /// every question-answer task otherwise.
  public static func defaults(for format: ExampleFormat) -> [InstructTask] {
    format == .text ? [.completion] : [.faq, .sectionQA, .summary, .title]
  }
}
