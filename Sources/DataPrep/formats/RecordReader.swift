/// Reads the turns of a record of a known format as they are written (``RecordTurn``), the one
/// reader of the record shapes: behind validate's checks, a record's text, its token count,
/// leakage and convert's ``ExampleParser``.
///
/// Each caller passes its ``RecordReading``: the names of its speakers, and whether it is
/// strict. Leniently, a member of the wrong type reads as absent or empty and the readings
/// decide what that means; strictly, the shapes a lenient reading skips are turns holding the
/// problem (``RecordTurn/refusal``), in record order, and the caller refuses the record.
enum RecordReader {
  /// Calls `visit` with each turn of `record` read as `format` under `reading`, in order:
  /// prompt, response, then alternative responses.
  static func forEachTurn<Failure: Error>(
    of record: JSONObject, as format: DatasetFormat, reading: RecordReading = .lenient,
    _ visit: (RecordTurn) throws(Failure) -> Void
  ) throws(Failure) {
    let reader = Walk(reading: reading)
    switch format {
    case .example(.openAIChat):
      try reader.messages(record["messages"], in: "messages", section: .conversation, visit)
    case .example(.openAIPreference):
      try reader.messages(record["input"]?["messages"], in: "input.messages", section: .prompt, visit)
      try reader.messages(record["preferred_output"], in: "preferred_output", section: .response, visit)
      try reader.messages(record["non_preferred_output"], in: "non_preferred_output", section: .alternative, visit)
    case .example(.promptCompletion):
      try reader.promptCompletion(record, visit)
    case .example(.alpaca):
      try reader.alpaca(record, visit)
    case .example(.shareGPT):
      try reader.shareGPT(record, visit)
    case .example(.text), .document:
      try visit(RecordTurn(field: "text", record["text"], role: .assistant, section: .response, speaker: nil))
    }
  }

  /// The problem with a list that is missing or not an array; `nil` for an array.
  static func listRefusal(_ value: JSONValue?, at field: String) -> FormatError? {
    guard let value else { return .malformed(field: field, problem: "missing") }
    guard value.arrayValue == nil else { return nil }
    return .malformed(field: field, problem: "expected an array, found \(value.typeName)")
  }

  /// One reading of one record.
  private struct Walk {
    let reading: RecordReading

    /// The object elements of an OpenAI message list (other elements are left out leniently,
    /// refused strictly).
    func messages<Failure: Error>(
      _ list: JSONValue?, in container: String, section: RecordTurn.Section, _ visit: (RecordTurn) throws(Failure) -> Void
    ) throws(Failure) {
      guard let elements = list?.arrayValue else {
        if reading.isStrict, let refusal = RecordReader.listRefusal(list, at: container) {
          try visit(RecordTurn(refusal: refusal, in: container))
        }
        return
      }
      for (index, element) in elements.enumerated() {
        guard case .object(let message) = element else {
          if reading.isStrict {
            try visit(RecordTurn(refusal: .malformed(field: "\(container).\(index)", problem: "expected an object"), in: container, index: index))
          }
          continue
        }
        let speaker = message["role"]?.stringValue
        var turn = RecordTurn(
          element: index, of: container, field: "content", value: message["content"],
          role: reading.chatRoles.role(of: speaker), speaker: speaker, section: section)
        turn.message = message
        try visit(turn)
      }
    }

    /// `prompt` and `completion`; strictly, a message list is read message by message.
    func promptCompletion<Failure: Error>(_ record: JSONObject, _ visit: (RecordTurn) throws(Failure) -> Void) throws(Failure) {
      try side(record["prompt"], "prompt", role: .user, section: .prompt, visit)
      try side(record["completion"], "completion", role: .assistant, section: .response, visit)
    }

    private func side<Failure: Error>(
      _ value: JSONValue?, _ field: String, role: ExampleMessage.Role, section: RecordTurn.Section,
      _ visit: (RecordTurn) throws(Failure) -> Void
    ) throws(Failure) {
      if reading.isStrict, value?.arrayValue != nil {
        try messages(value, in: field, section: section, visit)
      } else {
        try visit(RecordTurn(field: field, value, role: role, section: section, speaker: field))
      }
    }

    /// Alpaca: `system`, the `history` pairs, the instruction (with its `input`), the `output`.
    func alpaca<Failure: Error>(_ record: JSONObject, _ visit: (RecordTurn) throws(Failure) -> Void) throws(Failure) {
      if let system = record["system"] {
        var turn = RecordTurn(field: "system", system, role: .system, section: .prompt, speaker: "system")
        turn.isSideMember = true
        try visit(turn)
      }
      let history = record["history"]
      if reading.isStrict, let history, history != .null, let refusal = RecordReader.listRefusal(history, at: "history") {
        try visit(RecordTurn(refusal: refusal, in: "history"))
      }
      for (index, pair) in (history?.arrayValue ?? []).enumerated() {
        let parts = pair.arrayValue ?? []
        if reading.isStrict && parts.count != 2 {
          let refusal = FormatError.malformed(field: "history.\(index)", problem: "expected [question, answer] strings")
          try visit(RecordTurn(refusal: refusal, in: "history", index: index))
          continue
        }
        for (position, role) in [ExampleMessage.Role.user, .assistant].enumerated() {
          var turn = RecordTurn(
            element: index, of: "history", field: String(position), value: position < parts.count ? parts[position] : nil,
            role: role, speaker: nil, section: .prompt)
          turn.isSideMember = true
          try visit(turn)
        }
      }
      var instruction = RecordTurn(
        field: "instruction", record["instruction"], role: .user, section: .prompt, speaker: "instruction")
      instruction.input = record["input"]
      try visit(instruction)
      try visit(RecordTurn(field: "output", record["output"], role: .assistant, section: .response, speaker: "output"))
    }

    /// ShareGPT: a non-empty `system` string, then each `conversations` entry.
    func shareGPT<Failure: Error>(_ record: JSONObject, _ visit: (RecordTurn) throws(Failure) -> Void) throws(Failure) {
      let system = record["system"]
      if let text = system?.stringValue {
        if !text.isEmpty {
          var turn = RecordTurn(field: "system", .string(text), role: .system, section: .prompt, speaker: "system")
          turn.isSideMember = true
          try visit(turn)
        }
      } else if reading.isStrict, let system, system != .null {
        try visit(RecordTurn(refusal: .malformed(field: "system", problem: "expected a string, found \(system.typeName)"), in: "system"))
      }
      let conversations = record["conversations"]
      if reading.isStrict, let refusal = RecordReader.listRefusal(conversations, at: "conversations") {
        try visit(RecordTurn(refusal: refusal, in: "conversations"))
        return
      }
      for (index, entry) in (conversations?.arrayValue ?? []).enumerated() {
        if reading.isStrict && entry.objectValue == nil {
          try visit(RecordTurn(refusal: .malformed(field: "conversations.\(index)", problem: "expected an object"), in: "conversations", index: index))
          continue
        }
        let from = entry["from"]?.stringValue
        var turn = RecordTurn(
          element: index, of: "conversations", field: "value", value: entry["value"],
          role: reading.shareGPTRoles.role(of: from), speaker: from, section: .conversation)
        turn.entry = entry.objectValue
        try visit(turn)
      }
    }
  }
}
