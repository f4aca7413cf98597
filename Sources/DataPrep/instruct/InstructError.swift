import Foundation

/// Why `instruct` could not run: a bad document record or a bad template.
public enum InstructError: Error, Sendable, Equatable, OptionNamingError {
  /// A documents JSONL record lacks a field or has the wrong type.
  case badDocument(path: String, line: Int, field: String, problem: String)
  /// The template file cannot be read or is not a valid template.
  case badTemplate(path: String, problem: String)
  /// The options ask for something the target format cannot hold.
  case unsupported(String)
  /// A setting's value is out of range; `requirement` says what it must be.
  case badOption(OptionName, requirement: String)
  /// The text format holds plain passages: tasks other than completion (`others`) do not fit.
  case textFormatTasks(others: [String])
  /// String prompt-completion records cannot hold a template's system prompt.
  case systemPromptNeedsConversational
  /// The chunk overlap is negative or not below the chunk length.
  case overlapNotBelowChunk
  /// A line of a sharded run's part is not what an `instruct` shard writes.
  case badCandidates(where: String, reason: String)

  /// A message naming the file and line or field.
  public func message(naming name: (OptionName) -> String) -> String {
    switch self {
    case .badDocument(let path, let line, let field, let problem):
      return "\(path):\(line): `\(field)`: \(problem) (expected a document as `dataprep extract` writes)"
    case .badTemplate(let path, let problem):
      return "\(path): template: \(problem)"
    case .unsupported(let message):
      return message
    case .badOption(let option, let requirement):
      return "\(name(option)) \(requirement)"
    case .textFormatTasks(let others):
      return "the text format holds plain passages: only \(name(.tasks)) completion fits, not \(others.joined(separator: ", "))"
    case .systemPromptNeedsConversational:
      return "string prompt-completion records have no place for a template's system prompt: add \(name(.conversationalPrompts))"
    case .overlapNotBelowChunk:
      return "\(name(.overlapTokens)) must be at least 0 and less than \(name(.chunkTokens))"
    case .badCandidates(let place, let reason):
      return "\(place): not an instruct shard's line (\(reason)); run that shard again with --force"
    }
  }
}
