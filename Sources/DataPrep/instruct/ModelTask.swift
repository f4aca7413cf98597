/// What ``ModelInstructor`` asks a chat model to write (`--model-tasks`).
public enum ModelTask: String, Sendable, Hashable, CaseIterable {
  /// Question-answer pairs about a chunk (`--questions-per-chunk` of them, varied kinds).
  case qa
  /// A multi-turn conversation about a chunk of a section.
  case conversation
  /// A rule-based question (faq, section-qa) asked in natural words; the answer stays the
  /// source's text.
  case rewrite
  /// A summary of a chunk of a section.
  case summary

  /// The names, as `--model-tasks` takes them.
  public static var names: [String] { allCases.map(\.rawValue) }
}
