/// One message of a chat-completions conversation (`system`, `user` or `assistant`).
public struct ChatMessage: Sendable, Hashable, Codable {
  /// `system`, `user` or `assistant`.
  public var role: String
  /// The message text.
  public var content: String

  /// A message of `role` saying `content`.
  public init(role: String, content: String) {
    self.role = role
    self.content = content
  }
}
