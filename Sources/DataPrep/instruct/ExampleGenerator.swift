import Foundation

/// Makes the examples of one document for each task, deterministically: the same document and
/// options always give the same examples, with the same ids and wordings.
struct ExampleGenerator: Sendable {
  let options: InstructOptions

  /// The examples of `document`, task by task, in document order within a task.
  func examples(for document: Document) -> [Example] {
    var out: [Example] = []
    for task in options.tasks {
      switch task {
      case .faq: out += faq(document)
      case .sectionQA: out += sectionQA(document)
      case .summary: out += summary(document)
      case .title: out += title(document)
      case .completion: out += completion(document)
      }
    }
    for template in options.templates { out += examples(of: template, for: document) }
    return out
  }

  /// The example pairing a StackExchange question with its accepted answer.
  func example(for pair: StackExchangeJoin.Pair) -> Example {
    let question = pair.question
    let prompt = [question.title, question.body].filter { !$0.isEmpty }.joined(separator: "\n\n")
    return make(
      id: "\(question.documentID)#faq-accepted", sourceID: question.documentID, task: InstructTask.faq.rawValue,
      section: nil, system: nil, instruction: prompt, input: nil, response: pair.answer)
  }

  // MARK: tasks

  private func faq(_ document: Document) -> [Example] {
    var pairs: [(question: String, answer: String, section: String?)] = []
    for item in document.metadata["qa"]?.arrayValue ?? [] {
      guard let question = item["question"]?.stringValue, let answer = item["answer"]?.stringValue else { continue }
      pairs.append((question, answer, nil))
    }
    for section in document.sections
    where !section.heading.isEmpty && !isBlank(section.text) && QuestionHeading.isQuestion(section.heading) {
      pairs.append((QuestionHeading.asQuestion(section.heading), section.text, section.heading))
    }
    var seen = Set<String>()
    var out: [Example] = []
    for pair in pairs {
      let question = TextTrimming.trimmed(pair.question)
      guard seen.insert(question.lowercased()).inserted else { continue }
      out.append(
        make(
          id: "\(document.id)#faq-\(out.count)", sourceID: document.id, task: InstructTask.faq.rawValue,
          section: pair.section, system: nil, instruction: question, input: nil, response: trimmed(pair.answer)))
    }
    return out
  }

  private func sectionQA(_ document: Document) -> [Example] {
    let title = TextTrimming.trimmed(document.title)
    var out: [Example] = []
    for section in document.sections {
      let heading = TextTrimming.trimmed(section.heading)
      // Sections without text (a heading right above a subheading) make no example.
      guard !heading.isEmpty, !isBlank(section.text), heading.lowercased() != title.lowercased() else { continue }
      let question: String
      if QuestionHeading.isQuestion(heading) {
        if options.tasks.contains(.faq) { continue }  // faq already asks it
        question = QuestionHeading.asQuestion(heading)
      } else {
        let id = "\(document.id)#section-qa-\(out.count)"
        let phrasings = title.isEmpty ? Phrasings.sectionQAUntitled : Phrasings.sectionQA
        question = Phrasings.fill(StableHash.pick(phrasings, for: id) ?? "", title: title, heading: heading)
      }
      out.append(
        make(
          id: "\(document.id)#section-qa-\(out.count)", sourceID: document.id, task: InstructTask.sectionQA.rawValue,
          section: section.heading, system: nil, instruction: question, input: nil, response: trimmed(section.text)))
    }
    return out
  }

  private func summary(_ document: Document) -> [Example] {
    let candidates = ["abstract", "description"].compactMap { document.metadata[$0]?.stringValue.map(trimmed) }
    guard let summary = candidates.first(where: { $0.count >= options.minSummaryChars }) else { return [] }
    var body = TextTrimming.removing(summary, from: document.text)
    body = trimmed(dropLeadingTitle(body, title: document.title))
    guard body.count >= 2 * summary.count else { return [] }
    let id = "\(document.id)#summary"
    return [
      make(
        id: id, sourceID: document.id, task: InstructTask.summary.rawValue, section: nil, system: nil,
        instruction: StableHash.pick(Phrasings.summary, for: id) ?? "", input: body, response: summary)
    ]
  }

  private func title(_ document: Document) -> [Example] {
    let title = trimmed(document.title)
    guard (3...200).contains(title.count) else { return [] }
    let body = trimmed(dropLeadingTitle(document.text, title: title))
    guard body.count >= 100 else { return [] }
    let id = "\(document.id)#title"
    return [
      make(
        id: id, sourceID: document.id, task: InstructTask.title.rawValue, section: nil, system: nil,
        instruction: StableHash.pick(Phrasings.title, for: id) ?? "", input: body, response: title)
    ]
  }

  private func completion(_ document: Document) -> [Example] {
    let chunker = TextChunker(
      chunkTokens: options.chunkTokens, overlapTokens: options.overlapTokens, counter: options.tokenCounter)
    var out: [Example] = []
    for (index, chunk) in chunker.chunks(of: document.text).enumerated() {
      let id = "\(document.id)#completion-\(index)"
      var metadata = JSONObject()
      metadata.append("id", .string(id))
      metadata.append("source_id", .string(document.id))
      metadata.append("task", .string(InstructTask.completion.rawValue))
      if options.format == .text {
        out.append(Example(messages: [ExampleMessage(role: .assistant, content: String(chunk))], metadata: metadata))
        continue
      }
      guard let (head, tail) = split(chunk) else { continue }
      let user =
        options.format == .promptCompletion && !options.conversationalPrompts
        ? ExampleMessage(role: .user, content: head)
        : ExampleMessage(role: .user, content: StableHash.pick(Phrasings.completion, for: id) ?? "", input: head)
      out.append(Example(messages: [user, ExampleMessage(role: .assistant, content: tail)], metadata: metadata))
    }
    return out
  }

  private func examples(of template: InstructTemplate, for document: Document) -> [Example] {
    let units: [Document.Section?]
    switch template.unit {
    case .document: units = [nil]
    case .section:
      units = document.sections.filter { !$0.heading.isEmpty && !trimmed($0.text).isEmpty }.map { $0 }
    }
    var out: [Example] = []
    for section in units {
      let id = "\(document.id)#\(template.task)-\(out.count)"
      let fill = { (text: String) in InstructTemplate.fill(text, document: document, section: section) }
      let input = template.input.map(fill).map(trimmed)
      out.append(
        make(
          id: id, sourceID: document.id, task: template.task, section: section?.heading,
          system: template.system.map(fill).map(trimmed),
          instruction: trimmed(fill(StableHash.pick(template.instructions, for: id) ?? "")),
          input: input?.isEmpty == true ? nil : input, response: trimmed(fill(template.response))))
    }
    return out
  }

  // MARK: helpers

  private func make(
    id: String, sourceID: String, task: String, section: String?, system: String?, instruction: String,
    input: String?, response: String
  ) -> Example {
    var messages: [ExampleMessage] = []
    if let system, !system.isEmpty { messages.append(ExampleMessage(role: .system, content: system)) }
    messages.append(ExampleMessage(role: .user, content: instruction, input: input))
    messages.append(ExampleMessage(role: .assistant, content: response))
    var metadata = JSONObject()
    metadata.append("id", .string(id))
    metadata.append("source_id", .string(sourceID))
    metadata.append("task", .string(task))
    if let section { metadata.append("section", .string(section)) }
    return Example(messages: messages, metadata: metadata)
  }

  private func isBlank(_ text: String) -> Bool {
    TextTrimming.isBlank(text)
  }

  private func trimmed(_ text: String) -> String {
    TextTrimming.trimmed(text)
  }

  /// `text` without a first line that is just the title (`# Title` or `Title`).
  private func dropLeadingTitle(_ text: String, title: String) -> String {
    let body = text.drop(while: { $0.isWhitespace })
    guard !title.isEmpty, let lineEnd = body.firstIndex(of: "\n") ?? Optional(body.endIndex) else { return text }
    let firstLine = body[..<lineEnd].drop(while: { $0 == "#" || $0 == " " })
    return TextTrimming.trimmed(firstLine) == TextTrimming.trimmed(title)
      ? String(body[lineEnd...]) : text
  }

  /// A chunk cut at the first whitespace after its middle: (prompt, continuation).
  private func split(_ chunk: Substring) -> (String, String)? {
    let middle = chunk.index(chunk.startIndex, offsetBy: chunk.count / 2)
    guard let cut = chunk[middle...].firstIndex(where: \.isWhitespace) else { return nil }
    let head = TextTrimming.trimmed(chunk[..<cut])
    let tail = TextTrimming.trimmed(chunk[cut...])
    return head.isEmpty || tail.isEmpty ? nil : (head, tail)
  }
}
