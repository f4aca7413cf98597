/// One turn of a record as it is written, in the same shape for every format: ``RecordReader``
/// gives them, and each reading takes what it needs: validate's ``ConversationView``, the text
/// of a record (``RecordText``) and the token count (``ExampleTokenCounter``).
///
/// Nothing is judged here: values keep their JSON type, so a reading can report a wrong type
/// (validate), skip it (``RecordText``) or refuse the record (``ExampleParser``), which also
/// gets the shapes a lenient reading skips as turns holding only a ``refusal``.
struct RecordTurn {
  /// Where a turn sits in the example.
  enum Section {
    /// A chat turn: the trailing run of assistant turns is the response, the rest the prompt.
    case conversation
    /// The prompt side of a format that names it (`prompt`, `input.messages`, `instruction`).
    case prompt
    /// The response side of a format that names it (`completion`, `preferred_output`, `output`, `text`).
    case response
    /// The rejected reply of preference data (`non_preferred_output`).
    case alternative
  }

  /// Who speaks: a chat `role` or ShareGPT `from` named by the reading's ``RoleNames`` (the
  /// lenient tables read an unknown name as `user`; `nil` only when a strict table does not
  /// know it), or the role a field stands for.
  var role: ExampleMessage.Role?
  /// Who speaks, as written: the message's `role` or ShareGPT `from` when a string, or the
  /// field's name (`prompt`, `completion`, `instruction`, `output`); `nil` for plain `text`.
  var speaker: String?
  /// The text as written: a message's `content`, a ShareGPT `value`, a field's value; `nil`
  /// when absent.
  var value: JSONValue?
  /// Alpaca's `input`, the material the instruction works on, as written.
  var input: JSONValue?
  /// The whole message of the OpenAI formats (`name`, `weight`, `tool_calls`, ...); `nil` elsewhere.
  var message: JSONObject?
  /// The whole ShareGPT entry (`from`, `value`) when it is an object; `nil` elsewhere.
  var entry: JSONObject?
  /// What a strict reading (``RecordReading/isStrict``) finds wrong with the shape here: a
  /// list missing or not an array, an element not an object, ...; such a turn holds nothing
  /// else. Always `nil` in a lenient reading.
  var refusal: FormatError?
  /// Whether the turn is a member beside the record's own text (a `system` field, Alpaca's
  /// `history`): part of the conversation, but not of ``RecordText``.
  var isSideMember = false
  /// Where the turn sits in the example.
  var section: Section
  /// The member or array holding the turn (`messages`, `input.messages`, `prompt`, `history`).
  var container: String
  /// The turn's index in `container`, when it is an array.
  var index: Int?
  /// The member of the element holding the text (`content`, `value`, `0`), empty for a field.
  var field = ""

  /// A field holding one turn's text (`prompt`, `output`, `system`, `text`).
  init(field name: String, _ value: JSONValue?, role: ExampleMessage.Role?, section: Section, speaker: String?) {
    self.role = role
    self.speaker = speaker
    self.value = value
    self.section = section
    self.container = name
  }

  /// The `index`th element of the array `container`, its text in `field`.
  init(
    element index: Int, of container: String, field: String, value: JSONValue?, role: ExampleMessage.Role?,
    speaker: String?, section: Section
  ) {
    self.role = role
    self.speaker = speaker
    self.value = value
    self.section = section
    self.container = container
    self.index = index
    self.field = field
  }

  /// A strict reading's refusal of the shape at `container` (element `index`).
  init(refusal: FormatError, in container: String, index: Int? = nil) {
    self.refusal = refusal
    self.section = .conversation
    self.container = container
    self.index = index
  }
}
