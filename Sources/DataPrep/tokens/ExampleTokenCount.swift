/// The tokens of one record as a fine-tuning service counts them, and how they split by role.
struct ExampleTokenCount: Sendable, Hashable {
  /// The tokens the whole example costs, chat overhead included.
  var total: Int
  /// The content tokens of each role (overhead excluded), in first-seen order.
  var byRole: [RoleTokens]

  /// The content tokens of one role in one example.
  struct RoleTokens: Sendable, Hashable {
    /// The role (`user`, `assistant`, `prompt`, ...; `text` for plain text).
    var role: String
    /// Its content tokens.
    var tokens: Int
  }

  /// A count with the given total and roles.
  init(total: Int, byRole: [RoleTokens]) {
    self.total = total
    self.byRole = byRole
  }
}
