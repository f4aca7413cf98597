import Foundation

/// Why an input could not be read; each case names the input so the user knows which one.
public enum InputError: Error, Sendable, Equatable, OptionNamingError {
  /// The path does not exist or cannot be opened.
  case cannotOpen(path: String, reason: String)
  /// The path is a directory where a file was expected.
  case isDirectory(path: String)
  /// Reading failed part way (I/O error, truncated or corrupt compressed data).
  case readFailed(path: String, reason: String)
  /// A JSONL line is not valid JSON.
  case badJSON(path: String, line: Int, column: Int, message: String)
  /// A JSONL line is valid JSON but not a JSON object.
  case notAnObject(path: String, line: Int, type: String)
  /// A line is not valid UTF-8.
  case invalidUTF8(path: String, line: Int)
  /// A line is longer than ``InputLimits/maximumLineBytes``.
  case lineTooLong(path: String, line: Int, limit: Int)

  /// `path:line: message`, the form editors and CI annotate.
  public func message(naming name: (OptionName) -> String) -> String {
    switch self {
    case .cannotOpen(let path, let reason): return "\(path): cannot open: \(reason)"
    case .isDirectory(let path): return "\(path): is a directory, expected a file"
    case .readFailed(let path, let reason): return "\(path): read failed: \(reason)"
    case .badJSON(let path, let line, let column, let message):
      return "\(path):\(line):\(column): invalid JSON: \(message)"
    case .notAnObject(let path, let line, let type):
      return "\(path):\(line): expected a JSON object, found \(type)"
    case .invalidUTF8(let path, let line):
      return "\(path):\(line): invalid UTF-8"
    case .lineTooLong(let path, let line, let limit):
      let size = limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
      return "\(path):\(line): line longer than \(size); split the record or raise \(name(.maximumLineBytes))"
    }
  }
}
