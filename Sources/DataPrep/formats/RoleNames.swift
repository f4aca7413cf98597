/// The names a reading gives speakers: the chat `role` or ShareGPT `from` names it knows, and
/// what any other name (or none) reads as. Each caller of ``RecordReader`` passes its table
/// (``RecordReading``), so the difference between readings is this data, not another reader.
struct RoleNames: Sendable {
  /// The known names and the role each stands for.
  let names: [(name: String, role: ExampleMessage.Role)]
  /// What an unknown or absent name reads as; `nil` when the reading refuses it (convert).
  let unknown: ExampleMessage.Role?

  /// The role `name` stands for; `nil` when the table does not know it and has no fallback.
  func role(of name: String?) -> ExampleMessage.Role? {
    if let name {
      for entry in names where entry.name == name { return entry.role }
    }
    return unknown
  }

  /// Validate and the record's text: a chat `role` is one of dataprep's roles, else a user
  /// (`gpt` and `model` included).
  static let chat = RoleNames(
    names: [("system", .system), ("user", .user), ("assistant", .assistant), ("tool", .tool)], unknown: .user)

  /// Validate and the record's text: ShareGPT's own names, else a user (`model` included).
  static let shareGPT = RoleNames(
    names: [
      ("gpt", .assistant), ("assistant", .assistant), ("function_call", .assistant), ("observation", .tool),
      ("tool", .tool), ("system", .system),
    ],
    unknown: .user)

  /// Convert: dataprep's roles and ShareGPT's `human`, `gpt`, and `model` (Gemini); any other
  /// name is refused, so a conversion never guesses a speaker.
  static let convertChat = RoleNames(
    names: chat.names + [("human", .user), ("gpt", .assistant), ("model", .assistant)], unknown: nil)

  /// Convert: ShareGPT's names, `user` and `model` (an assistant); any other name is refused.
  static let convertShareGPT = RoleNames(
    names: [
      ("system", .system), ("human", .user), ("user", .user), ("gpt", .assistant), ("assistant", .assistant),
      ("model", .assistant), ("function_call", .assistant), ("observation", .tool), ("tool", .tool),
    ],
    unknown: nil)
}
