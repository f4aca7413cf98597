/// A document's candidates as one line of a shard's part, and read back at merge time.
///
/// `{"title", "examples": [...], "without_suffix": [...]?, "question"|"answer": ...?}`; an
/// example is `{"drop": reason}` or `{"task", "prompt"?, "answer", "record"|"outcome",
/// "example"?, "contexts"?}`, the example kept only when it has contexts to add.
extension DocumentCandidates {
  /// The line a shard writes.
  var json: JSONObject {
    var object = JSONObject()
    object.append("title", .string(title))
    object.append("examples", .array(examples.map(Self.json)))
    if let examplesWithoutSuffix { object.append("without_suffix", .array(examplesWithoutSuffix.map(Self.json))) }
    switch post {
    case .question(let question, let accepted)?:
      object.append(
        "question",
        ["document": .string(question.documentID), "title": .string(question.title), "body": .string(question.body), "awaiting": .string(accepted)])
    case .answer(let id, let body)?:
      object.append("answer", ["id": .string(id), "body": .string(body())])
    case nil:
      break
    }
    return object
  }

  /// Reads back a line of a shard's part; `where` names it in errors (`path:line`).
  /// - Throws: ``InstructError/badCandidates(where:reason:)``.
  init(json value: JSONValue, where place: String) throws(InstructError) {
    func fail(_ reason: String) -> InstructError { .badCandidates(where: place, reason: reason) }
    guard let title = value["title"]?.stringValue, let examples = value["examples"]?.arrayValue else {
      throw fail("no title or examples")
    }
    self.title = title
    self.examples = try examples.map { (item) throws(InstructError) in try Self.candidate(item, fail) }
    if let others = value["without_suffix"]?.arrayValue {
      examplesWithoutSuffix = try others.map { (item) throws(InstructError) in try Self.candidate(item, fail) }
    } else {
      examplesWithoutSuffix = nil
    }
    if let question = value["question"] {
      guard let document = question["document"]?.stringValue, let title = question["title"]?.stringValue,
        let body = question["body"]?.stringValue, let accepted = question["awaiting"]?.stringValue
      else { throw fail("a question without document, title, body or awaiting") }
      post = .question(StackExchangeJoin.Question(documentID: document, title: title, body: body), awaiting: accepted)
    } else if let answer = value["answer"] {
      guard let id = answer["id"]?.stringValue, let body = answer["body"]?.stringValue else { throw fail("an answer without id or body") }
      post = .answer(id: id, body: { body })
    } else {
      post = nil
    }
  }

  private static func json(_ candidate: ExampleCandidate) -> JSONValue {
    var object = JSONObject()
    if let rejection = candidate.rejection {
      object.append("drop", .string(rejection.rawValue))
      return .object(object)
    }
    object.append("task", .string(candidate.task))
    if let rendered = candidate.rendered {
      if let prompt = rendered.key.prompt { object.append("prompt", .integer(Int64(bitPattern: prompt))) }
      object.append("answer", .integer(Int64(bitPattern: rendered.key.answer)))
      switch rendered.outcome {
      case .record(let record): object.append("record", .object(record))
      case .unrepresentable: object.append("outcome", "unrepresentable")
      case .tooManyTokens: object.append("outcome", "too-many-tokens")
      }
    }
    if let generated = candidate.generated, !generated.contexts.isEmpty {
      object.append("example", exampleJSON(generated.example))
      object.append("contexts", .array(generated.contexts.map { .string($0) }))
    }
    return .object(object)
  }

  private static func candidate(_ value: JSONValue, _ fail: (String) -> InstructError) throws(InstructError) -> ExampleCandidate {
    if let drop = value["drop"]?.stringValue {
      guard let reason = ExampleFilter.Reason(rawValue: drop) else { throw fail("unknown drop reason \(drop)") }
      return ExampleCandidate(rejection: reason, task: "", generated: nil, rendered: nil)
    }
    guard let task = value["task"]?.stringValue, let answer = value["answer"]?.integerValue else {
      throw fail("an example without task or answer digest")
    }
    let key = PromptRegistry.Key(prompt: value["prompt"]?.integerValue.map { UInt64(bitPattern: $0) }, answer: UInt64(bitPattern: answer))
    let outcome: RenderedExample.Outcome
    if let record = value["record"]?.objectValue {
      outcome = .record(record)
    } else if value["outcome"]?.stringValue == "unrepresentable" {
      outcome = .unrepresentable
    } else if value["outcome"]?.stringValue == "too-many-tokens" {
      outcome = .tooManyTokens
    } else {
      throw fail("an example without record or outcome")
    }
    var generated: GeneratedExample?
    if let example = value["example"], let contexts = value["contexts"]?.arrayValue {
      generated = GeneratedExample(try Self.example(example, fail), contexts: contexts.compactMap(\.stringValue))
    }
    return ExampleCandidate(rejection: nil, task: task, generated: generated, rendered: RenderedExample(key: key, outcome: outcome))
  }

  private static func exampleJSON(_ example: Example) -> JSONValue {
    var object = JSONObject()
    object.append("messages", .array(example.messages.map { message in
      var fields = JSONObject()
      fields.append("role", .string(message.role.rawValue))
      if let content = message.content { fields.append("content", .string(content)) }
      if let input = message.input { fields.append("input", .string(input)) }
      return .object(fields)
    }))
    if let metadata = example.metadata { object.append("metadata", .object(metadata)) }
    return .object(object)
  }

  private static func example(_ value: JSONValue, _ fail: (String) -> InstructError) throws(InstructError) -> Example {
    guard let messages = value["messages"]?.arrayValue else { throw fail("an example without messages") }
    var parsed: [ExampleMessage] = []
    for message in messages {
      guard let roleName = message["role"]?.stringValue, let role = ExampleMessage.Role(rawValue: roleName) else {
        throw fail("a message without a known role")
      }
      parsed.append(ExampleMessage(role: role, content: message["content"]?.stringValue, input: message["input"]?.stringValue))
    }
    return Example(messages: parsed, metadata: value["metadata"]?.objectValue)
  }
}
