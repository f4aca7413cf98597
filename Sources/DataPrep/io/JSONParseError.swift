import Foundation

/// Why a JSON text could not be parsed, and where (1-based column, in bytes, within its line).
public struct JSONParseError: Error, Sendable, Equatable, LocalizedError {
  /// The 1-based byte column of the fault.
  public var column: Int
  /// What is wrong, in words a user can act on.
  public var message: String

  /// An error at `column` saying `message`.
  public init(column: Int, message: String) {
    self.column = column
    self.message = message
  }

  /// `column N: message`.
  public var errorDescription: String? { "column \(column): \(message)" }
}
