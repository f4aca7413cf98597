/// One training example in dataprep's neutral shape, which every fine-tuning format renders
/// and parses: the conversation in order, optional tool definitions, an optional rejected reply
/// (preference data) and dataprep's provenance `metadata`.
///
/// `instruct` builds examples and `convert` parses them; ``ExampleRenderer`` writes one in any
/// ``ExampleFormat`` or says why it cannot.
struct Example: Sendable, Hashable {
  /// The conversation, oldest first: system, user, assistant and tool messages. For preference
  /// data, the last message is the preferred reply.
  var messages: [ExampleMessage]
  /// The non-preferred reply of preference data; `nil` for every other kind of example.
  var rejected: [ExampleMessage]?
  /// Tool definitions, OpenAI-shaped (`{"type":"function","function":{...}}`).
  var tools: [JSONValue]
  /// OpenAI's `parallel_tool_calls` flag, when given.
  var parallelToolCalls: Bool?
  /// Provenance: `id`, `source_id`, `task`, `section`; `nil` when absent.
  var metadata: JSONObject?

  /// An example with the given parts.
  init(
    messages: [ExampleMessage], rejected: [ExampleMessage]? = nil, tools: [JSONValue] = [],
    parallelToolCalls: Bool? = nil, metadata: JSONObject? = nil
  ) {
    self.messages = messages
    self.rejected = rejected
    self.tools = tools
    self.parallelToolCalls = parallelToolCalls
    self.metadata = metadata
  }

  /// The prompt side: every message before the trailing run of assistant messages.
  var promptMessages: ArraySlice<ExampleMessage> {
    messages[..<responseStart]
  }

  /// The response side: the trailing run of assistant messages.
  var responseMessages: ArraySlice<ExampleMessage> {
    messages[responseStart...]
  }

  private var responseStart: Int {
    var index = messages.endIndex
    while index > messages.startIndex, messages[index - 1].role == .assistant { index -= 1 }
    return index
  }
}
