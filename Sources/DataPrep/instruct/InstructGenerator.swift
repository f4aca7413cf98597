/// What turns documents into examples for `instruct` and `build`: ``Instructor`` (the
/// rule-based tasks, deterministic, offline) or ``ModelInstructor`` (questions, answers,
/// conversations, rewrites and summaries written by a chat model the user runs, kept only
/// when grounded in the source). Both write in input order and return the same kind of summary.
public protocol InstructGenerator: Sendable {
  /// Reads every document of `reader` and writes its examples to `writer` (not finished).
  /// - Throws: ``InstructError``, ``InputError``, ``OutputError``; a model generator also
  ///   ``ChatError`` when the server cannot be used at all (down, refusing the key, budget spent).
  func run(_ reader: JSONLReader, to writer: JSONLWriter) throws -> Instructor.Summary
}

extension Instructor: InstructGenerator {}
