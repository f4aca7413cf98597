/// The chat test server could not listen.
package struct ChatTestServerError: Error, CustomStringConvertible {
  /// What failed.
  package var reason: String
  package var description: String { "chat test server: \(reason)" }
}
