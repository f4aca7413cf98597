import Foundation

/// Why a finished ``ExtractionRun`` counts as failed (exit status 1).
///
/// A failed run does not publish its output, so a previous output file stays as it was: the
/// caller checks ``ExtractionRun/problem(in:)`` before committing the writer.
public enum ExtractionProblem: Error, Sendable, Equatable, OptionNamingError {
  /// `--strict` stopped the run at this input.
  case stopped(ExtractionFailure)
  /// Every input failed: each one was refused, some maybe part way (after some documents).
  case everyInputFailed(inputs: Int)
  /// Record mode matched no element in any input read.
  case recordMatchedNothing(xpath: String, inputs: Int)
  /// Record mode matched records but no `--field` selected anything in any of them.
  case fieldsMatchedNothing(fields: [String], records: Int)

  /// What went wrong and what to do about it.
  public func message(naming name: (OptionName) -> String) -> String {
    switch self {
    case .stopped(let failure):
      return "stopped at \(failure.path) (\(name(.strict))); nothing written"
    case .everyInputFailed(let inputs):
      return inputs == 1 ? "the input failed; nothing written" : "all \(inputs) inputs failed; nothing written"
    case .recordMatchedNothing(let xpath, let inputs):
      return "\(name(.record)) \(xpath) matched no element in \(inputs == 1 ? "the input" : "any of the \(inputs) inputs"); "
        + "nothing written (check the element names and namespace prefixes)"
    case .fieldsMatchedNothing(let fields, let records):
      return "\(fields.map { name(.field) + " " + $0 }.joined(separator: ", ")) selected nothing in any of the \(records) "
        + "record\(records == 1 ? "" : "s"); nothing written (field paths are relative to the record, e.g. @Body or title)"
    }
  }
}
