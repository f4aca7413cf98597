/// One message of an ``Example``: who speaks and what they say, plus the OpenAI extras
/// (content parts, name, weight, tool calls) that only some formats can hold.
struct ExampleMessage: Sendable, Hashable {
  /// Who speaks. Formats name these differently (`human`/`gpt` in ShareGPT); see ``ExampleFormat``.
  enum Role: String, Sendable, Hashable, CaseIterable {
    /// Instructions to the model (system prompt).
    case system
    /// The person asking.
    case user
    /// The model's reply, which training teaches.
    case assistant
    /// A tool's result, answering an assistant tool call.
    case tool
  }

  /// One function call the assistant makes.
  struct ToolCall: Sendable, Hashable {
    /// The call's id, which the tool message answering it repeats.
    var id: String
    /// The function's name.
    var name: String
    /// The arguments as a JSON text.
    var arguments: String

    /// A call with the given id, function name and JSON-text arguments.
    init(id: String, name: String, arguments: String) {
      self.id = id
      self.name = name
      self.arguments = arguments
    }
  }

  /// Who speaks.
  var role: Role
  /// The text; `nil` only for an assistant message that holds just tool calls.
  var content: String?
  /// Alpaca's `input`: material the instruction in `content` works on. Formats without a
  /// separate field append it to the content after a blank line (see ``text``).
  var input: String?
  /// OpenAI content parts (`text`, `image_url`) of a user message, when not plain text.
  var contentParts: [JSONValue]?
  /// OpenAI's optional speaker name.
  var name: String?
  /// OpenAI's `weight` on assistant turns: 0 excludes the turn from training.
  var weight: Int?
  /// The assistant's function calls.
  var toolCalls: [ToolCall]
  /// For a tool message, the id of the call it answers.
  var toolCallID: String?

  /// A message with the given role and text.
  init(
    role: Role, content: String?, input: String? = nil, contentParts: [JSONValue]? = nil,
    name: String? = nil, weight: Int? = nil, toolCalls: [ToolCall] = [], toolCallID: String? = nil
  ) {
    self.role = role
    self.content = content
    self.input = input
    self.contentParts = contentParts
    self.name = name
    self.weight = weight
    self.toolCalls = toolCalls
    self.toolCallID = toolCallID
  }

  /// The whole text: the content, then the input after a blank line when there is one.
  var text: String {
    let base = content ?? ""
    guard let input, !input.isEmpty else { return base }
    return base.isEmpty ? input : base + "\n\n" + input
  }

  /// Whether only role and text are set, so every format can hold the message.
  var isPlain: Bool {
    contentParts == nil && name == nil && (weight == nil || weight == 1) && toolCalls.isEmpty
      && toolCallID == nil && content != nil
  }
}
