import Foundation

/// Why a JSON text could not be parsed, and where: the 1-based line and byte column of the
/// fault (a JSONL record is one line, so there only the column matters).
public struct JSONParseError: Error, Sendable, Equatable, LocalizedError {
  /// The 1-based line of the fault within the parsed text.
  public var line: Int
  /// The 1-based byte column of the fault within its line.
  public var column: Int
  /// What is wrong, in words a user can act on.
  public var message: String

  /// An error at `column` of the first line saying `message`.
  public init(column: Int, message: String) {
    self.init(line: 1, column: column, message: message)
  }

  /// An error at `line` and `column` saying `message`.
  public init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// `column N: message`, or `line L, column N: message` past the first line.
  public var errorDescription: String? {
    line > 1 ? "line \(line), column \(column): \(message)" : "column \(column): \(message)"
  }
}
