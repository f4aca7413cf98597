import Foundation

/// Why ``XMLRecordReader`` could not open or read an input; each case carries the data its
/// caller (`extract`) words into its own message.
enum XMLRecordError: Error, Equatable, Sendable, LocalizedError {
  /// A field's XPath does not compile.
  case badFieldXPath(name: String, xpath: String)
  /// The record path's predicate does not compile; `xpath` is the whole record path.
  case badPredicate(xpath: String)
  /// The XML is not well-formed, or libxml2 refused it; `line` is 0 when unknown.
  case malformed(path: String, line: Int, message: String)

  var errorDescription: String? {
    switch self {
    case .badFieldXPath(let name, let xpath): return "field \(name): \(xpath) is not a valid XPath expression"
    case .badPredicate(let xpath): return "\(xpath): the predicate is not valid XPath"
    case .malformed(let path, let line, let message):
      return line > 0 ? "\(path):\(line): malformed XML: \(message)" : "\(path): malformed XML: \(message)"
    }
  }
}
