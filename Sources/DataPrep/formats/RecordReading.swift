/// How a caller reads records through ``RecordReader``: the names its speakers go by, and
/// whether the shapes a lenient reading skips are refused.
struct RecordReading: Sendable {
  /// The names of chat `role`s (OpenAI messages, prompt-completion message lists).
  var chatRoles: RoleNames
  /// The names of ShareGPT `from`s.
  var shareGPTRoles: RoleNames
  /// Whether the reading is strict (convert): a list missing or not an array, an element not
  /// an object, an Alpaca `history` entry not a pair, a ShareGPT `system` not a string, each
  /// gives a turn holding only the problem (``RecordTurn/refusal``) where a lenient reading
  /// skips it; and prompt-completion message lists are read message by message.
  var isStrict: Bool

  /// Validate, a record's text, its token count, leakage: every shape read as far as it goes.
  static let lenient = RecordReading(chatRoles: .chat, shareGPTRoles: .shareGPT, isStrict: false)
  /// Convert (``ExampleParser``): a record is read whole or refused.
  static let convert = RecordReading(chatRoles: .convertChat, shareGPTRoles: .convertShareGPT, isStrict: true)
}
