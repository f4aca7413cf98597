/// The examples made from a document's replies: grounded, deduplicated, with their provenance.
extension ModelInstructor {
  /// The examples of `document` from its `jobs` and their `replies`, in job order; ungrounded
  /// answers and repeated questions are dropped and counted in `state`.
  func examples(
    of document: Document, subject: String, jobs: ArraySlice<ModelJob>, replies: ArraySlice<ModelReply?>,
    state: inout ModelRunState
  ) -> [GeneratedExample] {
    var out: [GeneratedExample] = []
    var counts: [ModelTask: Int] = [:]
    var chunkWords: [String: Set<UInt64>] = [:]
    let contexts = (subject.isEmpty ? [] : ["in \(Phrasings.name(subject))"]) + [ExampleGenerator.sourceContext(document)]
    func words(_ chunk: ModelChunk) -> Set<UInt64> {
      if let known = chunkWords[chunk.id] { return known }
      let found = state.grounding.words(chunk.text)
      chunkWords[chunk.id] = found
      return found
    }
    func add(_ task: ModelTask, _ messages: [ExampleMessage], chunkID: String, span: JSONValue?, section: String?) {
      let number = counts[task, default: 0]
      counts[task] = number + 1
      var metadata = JSONObject()
      metadata.append("id", .string("\(document.id)#\(task.rawValue)-\(number)"))
      metadata.append("source_id", .string(document.id))
      metadata.append("task", .string(task.rawValue))
      if let section, !section.isEmpty { metadata.append("section", .string(section)) }
      metadata.append("chunk_id", .string(chunkID))
      if let span { metadata.append("span", span) }
      var provenance = JSONObject()
      provenance.append("model", .string(generator.model))
      provenance.append("template", .string(generator.prompts[task]?.digest ?? ""))
      provenance.append("task", .string(task.rawValue))
      metadata.append("generator", .object(provenance))
      out.append(GeneratedExample(Example(messages: messages, metadata: metadata), contexts: contexts))
    }
    for (job, reply) in zip(jobs, replies) {
      guard let reply else { continue }
      switch (reply, job.chunk) {
      case (.pairs(let pairs), let chunk?):
        for pair in pairs.prefix(generator.questionsPerChunk) {
          guard state.grounding.isGrounded(pair.answer, in: words(chunk)) else {
            state.summary.droppedUngrounded += 1
            continue
          }
          guard state.questions.admit(pair.question) else {
            state.summary.droppedDuplicate += 1
            continue
          }
          add(
            .qa, [ExampleMessage(role: .user, content: pair.question), ExampleMessage(role: .assistant, content: pair.answer)],
            chunkID: chunk.id, span: chunk.spanJSON, section: chunk.heading)
        }
      case (.conversation(let messages), let chunk?):
        let known = words(chunk)
        guard messages.filter({ $0.role == "assistant" }).allSatisfy({ state.grounding.isGrounded($0.content, in: known) }) else {
          state.summary.droppedUngrounded += 1
          continue
        }
        guard state.questions.admit(messages[0].content) else {
          state.summary.droppedDuplicate += 1
          continue
        }
        add(
          .conversation, messages.map { ExampleMessage(role: $0.role == "user" ? .user : .assistant, content: $0.content) },
          chunkID: chunk.id, span: chunk.spanJSON, section: chunk.heading)
      case (.summary(let summary), let chunk?):
        guard state.grounding.isGrounded(summary, in: words(chunk)) else {
          state.summary.droppedUngrounded += 1
          continue
        }
        let instruction = StableHash.pick(Phrasings.summary, for: "\(chunk.id)#summary") ?? ""
        add(
          .summary,
          [ExampleMessage(role: .user, content: instruction, input: chunk.text), ExampleMessage(role: .assistant, content: summary)],
          chunkID: chunk.id, span: chunk.spanJSON, section: chunk.heading)
      case (.question(let question), _):
        guard let source = job.source else { continue }
        guard state.questions.admit(question) else {
          state.summary.droppedDuplicate += 1
          continue
        }
        let answer = source.responseMessages.map(\.text).joined(separator: "\n")
        let section = source.metadata?["section"]?.stringValue
        add(
          .rewrite, [ExampleMessage(role: .user, content: question), ExampleMessage(role: .assistant, content: answer)],
          chunkID: source.metadata?["id"]?.stringValue ?? document.id, span: Self.span(of: answer, in: document), section: section)
      default:
        continue
      }
    }
    return out
  }

  /// The span of `answer` in `document`: `{section, start, end}` in Unicode scalars of the
  /// first section text holding it, else `{section: null, ...}` in `text`; `nil` when the
  /// answer is not a verbatim part of the document (a `metadata.qa` answer).
  static func span(of answer: String, in document: Document) -> JSONValue? {
    func span(_ section: Int?, _ text: String) -> JSONValue? {
      guard !answer.isEmpty, let range = text.range(of: answer) else { return nil }
      let scalars = text.unicodeScalars
      let start = scalars.distance(from: scalars.startIndex, to: range.lowerBound)
      let end = scalars.distance(from: scalars.startIndex, to: range.upperBound)
      return ["section": section.map { .integer(Int64($0)) } ?? .null, "start": .integer(Int64(start)), "end": .integer(Int64(end))]
    }
    for (index, section) in document.sections.enumerated() {
      if let found = span(index, section.text) { return found }
    }
    return span(nil, document.text)
  }
}
