import Foundation

/// Makes the examples of one document for each task, deterministically: the same document and
/// options always give the same examples, with the same ids and wordings.
///
/// Prompts name their subject: the page title cleaned by ``TitleCleaner``, section headings
/// without numbering, terms by their shape (``TermQuestion``). Answers that are only a heading,
/// navigation or a few words make no example (``AnswerCheck``), nor does a page that is a code
/// listing; answers over the answer budget are cut into parts (``SectionChunker``), each asked
/// as "(part k of n)".
struct ExampleGenerator: Sendable {
  let options: InstructOptions

  /// Fewest words of an answer to a real question (FAQ entry, question heading).
  static let questionAnswerWords = 3
  /// Fewest words of a term's definition.
  static let termAnswerWords = 4
  /// Fewest words of a section's text.
  static let sectionAnswerWords = 6

  /// The examples of `document`, task by task, in document order within a task. `titles`
  /// cleans the document title (it has learned the site suffixes seen so far).
  func examples(for document: Document, titles: TitleCleaner = TitleCleaner()) -> [GeneratedExample] {
    examples(for: document, subject: titles.clean(title: document.title))
  }

  /// The examples of `document` whose prompts name it `subject` (its cleaned title). A document
  /// that is a code listing (``AnswerCheck/isCodeListing(_:)``) gives its question, summary and
  /// title examples marked as such (counted, not written); `completion` and templates keep it.
  func examples(for document: Document, subject: String) -> [GeneratedExample] {
    var out: [GeneratedExample] = []
    var isListing: Bool?
    for task in options.tasks {
      var made: [GeneratedExample]
      switch task {
      case .faq: made = faq(document, subject: subject)
      case .sectionQA: made = sectionQA(document, subject: subject)
      case .summary: made = summary(document).map { GeneratedExample($0) }
      case .title: made = title(document, subject: subject).map { GeneratedExample($0) }
      case .completion:
        out += completion(document).map { GeneratedExample($0) }
        continue
      }
      if !made.isEmpty {
        // Measured once per document, and only when a task made something.
        let listing = isListing ?? AnswerCheck.isCodeListing(document.text)
        isListing = listing
        if listing {
          // The page's reason comes first: a listing's long answer is counted as a listing.
          for index in made.indices where made[index].rejection == nil || made[index].rejection == .tooManyParts {
            made[index].rejection = .codeListing
          }
        }
      }
      out += made
    }
    for template in options.templates { out += examples(of: template, for: document).map { GeneratedExample($0) } }
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

  /// The most tokens of one answer (or part of one): ``InstructOptions/answerTokens``, else half
  /// of ``InstructOptions/maxTokens`` (default 4096), so prompt and answer fit with room to spare.
  var answerBudget: Int {
    options.answerTokens ?? max(64, (options.maxTokens ?? 4096) / 2)
  }

  /// The counter answers are cut with: the real tokenizer, or when only an estimate is
  /// available, the larger of the estimate and UTF-8 bytes / 3 (estimates undercount code).
  var answerCounter: TokenCounter {
    let base = options.tokenCounter
    guard base.isEstimate else { return base }
    return TokenCounter(name: base.name) { text in max(base.count(text), (text.utf8.count + 2) / 3) }
  }

  // MARK: tasks

  private struct Pair {
    var question: String
    var answer: String
    var section: String?
    var minWords: Int
  }

  private func faq(_ document: Document, subject: String) -> [GeneratedExample] {
    var pairs: [Pair] = []
    for (index, item) in (document.metadata["qa"]?.arrayValue ?? []).enumerated() {
      guard let question = item["question"]?.stringValue, let answer = item["answer"]?.stringValue else { continue }
      if Self.isRealQuestion(question) {
        pairs.append(Pair(question: QuestionHeading.asQuestion(question), answer: answer, minWords: Self.questionAnswerWords))
        continue
      }
      let term = TermQuestion.clean(question)
      guard !term.isEmpty else { continue }
      let asked = TermQuestion.question(term: term, subject: subject, key: "\(document.id)#qa-\(index)")
      pairs.append(Pair(question: asked, answer: answer, minWords: Self.termAnswerWords))
    }
    for section in document.sections
    where !section.heading.isEmpty && !isBlank(section.text) && QuestionHeading.isQuestion(section.heading) {
      let question = QuestionHeading.asQuestion(TitleCleaner.cleanHeading(section.heading))
      pairs.append(Pair(question: question, answer: section.text, section: section.heading, minWords: Self.questionAnswerWords))
    }
    var seen = Set<String>()
    var out: [GeneratedExample] = []
    let contexts = subject.isEmpty ? [Self.sourceContext(document)] : ["in \(Phrasings.name(subject))", Self.sourceContext(document)]
    for pair in pairs {
      var question = TextTrimming.trimmed(pair.question)
      // "What next?" alone asks nothing: name the page.
      if !subject.isEmpty, Self.isVague(question) {
        question = Phrasings.adding(context: "in \(Phrasings.name(subject))", to: question)
      }
      // A closing "… shows each type:" introduces what extract did not keep (a figure, a table).
      let answer = SectionChunker.droppingTrailingLeadIn(pair.answer)
      guard seen.insert(question.lowercased()).inserted else { continue }
      guard AnswerCheck.isAnswer(answer, minWords: pair.minWords) else {
        out.append(notAnAnswer(trimmed(pair.answer), question: question, document: document, task: .faq, section: pair.section, index: out.count))
        continue
      }
      out += parts(
        of: answer, question: question, document: document, task: .faq, section: pair.section,
        contexts: contexts, firstIndex: out.count)
    }
    return out
  }

  /// Words that name nothing: a question made only of them and one other word ("How does it
  /// work?", "Explain how it works.", "What next?") needs its page named.
  static let vagueWords: Set<String> = [
    "how", "what", "why", "when", "where", "who", "which", "explain", "do", "does", "did", "is", "are", "was",
    "can", "could", "should", "would", "will", "i", "you", "we", "it", "this", "that", "these", "those", "they",
    "the", "a", "an", "to", "of", "in", "on", "for", "with", "and", "or", "my", "your", "its", "there", "here",
  ]

  /// Pronouns that stand for the page's subject.
  static let pronouns: Set<String> = ["it", "this", "that", "these", "those", "they", "them"]

  /// Whether `question` says nothing without its page: under three words ("What next?"), or a
  /// pronoun standing for the subject with one word besides ``vagueWords`` ("How it works",
  /// "How does it work?"). "What is a cursor?" and "How do I log a user out?" name theirs.
  static func isVague(_ question: String) -> Bool {
    let words = question.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" }).map(String.init)
    if words.count < 3 { return true }
    return words.contains(where: pronouns.contains) && words.filter { !vagueWords.contains($0) }.count < 2
  }

  /// Whether a `metadata.qa` question is a question rather than a defined term: it ends with a
  /// question mark, or opens with a question word and has three words or more (not all capitals,
  /// which is a keyword such as `IS NULL`).
  static func isRealQuestion(_ text: String) -> Bool {
    let trimmed = TextTrimming.trimmed(text)
    // "%G?" is a placeholder, not a question: a question has two words or more.
    let words = trimmed.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" })
    if trimmed.hasSuffix("?") || trimmed.hasSuffix("？") { return words.count >= 2 }
    let letters = trimmed.filter(\.isLetter)
    guard !letters.allSatisfy(\.isUppercase) else { return false }
    return trimmed.split(separator: " ").count >= 3 && QuestionHeading.isQuestion(trimmed)
  }

  private func sectionQA(_ document: Document, subject: String) -> [GeneratedExample] {
    var out: [GeneratedExample] = []
    var parents: [(level: Int, heading: String)] = []
    let lowerSubject = subject.lowercased()
    let firstHeading = document.sections.firstIndex { !$0.heading.isEmpty }
    for (index, section) in document.sections.enumerated() {
      let heading = TitleCleaner.cleanHeading(section.heading)
      while let last = parents.last, last.level >= section.level { parents.removeLast() }
      // The page itself: no heading, the title as heading, or a first heading that holds the
      // title ("Apache Module mod_rewrite" on the page "mod_rewrite").
      let isPage =
        heading.isEmpty || TextTrimming.sameWords(heading, subject)
        || (index == firstHeading && !lowerSubject.isEmpty && heading.lowercased().contains(lowerSubject))
      let parent = parents.last?.heading
      if !isPage, section.level > 0 { parents.append((section.level, heading)) }
      let text = trimmed(section.text)
      guard !text.isEmpty else { continue }
      let id = "\(document.id)#section-qa-\(out.count)"
      var question: String
      if !heading.isEmpty, QuestionHeading.isQuestion(heading) {
        if options.tasks.contains(.faq) { continue }  // faq already asks it
        question = QuestionHeading.asQuestion(heading)
        if !subject.isEmpty, Self.isVague(question) {
          question = Phrasings.adding(context: "in \(Phrasings.name(subject))", to: question)
        }
      } else if isPage {
        let name = subject.isEmpty ? heading : subject
        guard !name.isEmpty else { continue }
        question = Phrasings.fill(StableHash.pick(Phrasings.page, for: id) ?? "", values: ["title": "\"\(name)\""])
      } else {
        let phrasings = subject.isEmpty ? Phrasings.sectionQAUntitled : Phrasings.sectionQA
        // A one-word heading ("Note", "Example") says little alone: name the heading above it.
        // A version number alone ("4.1" in a deprecation timeline) is named as one.
        var named = Self.isVersionNumber(heading) ? "\"version \(heading)\"" : "\"\(heading)\""
        if !heading.contains(" "), let parent, !parent.isEmpty { named += " in \"\(parent)\"" }
        question = Phrasings.fill(StableHash.pick(phrasings, for: id) ?? "", values: ["title": "\"\(subject)\"", "heading": named])
      }
      // A section that only leads in to its subsections ("Each cycle has three parts:") answers
      // nothing itself; a closing lead-in to a figure or table left out is no part of the answer.
      let answer = SectionChunker.droppingTrailingLeadIn(text)
      guard AnswerCheck.isAnswer(answer, minWords: Self.sectionAnswerWords) else {
        out.append(notAnAnswer(text, question: question, document: document, task: .sectionQA, section: section.heading, index: out.count))
        continue
      }
      var contexts: [String] = []
      if let parent, !parent.isEmpty { contexts.append("under \"\(parent)\"") }
      contexts.append(Self.sourceContext(document))
      out += parts(
        of: answer, question: question, document: document, task: .sectionQA, section: section.heading.isEmpty ? nil : section.heading,
        contexts: contexts, firstIndex: out.count)
      // The page's gist: its lead paragraph, when the page says more than that paragraph (a
      // short answer beside the whole one, as a reader asks "what is X?" before "explain X").
      if isPage, let lead = Self.leadParagraph(of: answer), AnswerCheck.isAnswer(lead, minWords: Self.sectionAnswerWords) {
        let name = subject.isEmpty ? heading : subject
        let leadID = "\(document.id)#section-qa-\(out.count)"
        let leadQuestion = Phrasings.fill(StableHash.pick(Phrasings.pageLead, for: leadID) ?? "", values: ["title": "\"\(name)\""])
        out += parts(
          of: lead, question: leadQuestion, document: document, task: .sectionQA, section: section.heading.isEmpty ? nil : section.heading,
          contexts: contexts, firstIndex: out.count)
      }
    }
    return out
  }

  /// Whether `heading` is a version number alone: digits in two parts or more, an optional
  /// leading `v` (`4.1`, `1.10`, `v2.0.3`). Section numbering is already gone from headings.
  static func isVersionNumber(_ heading: String) -> Bool {
    let digits = heading.hasPrefix("v") || heading.hasPrefix("V") ? heading.dropFirst() : Substring(heading)
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
  }

  /// The first paragraph of `text` when it is prose ending a sentence and `text` holds more
  /// than it; `nil` otherwise (a page that is one paragraph, or that opens with code, a list or a table).
  static func leadParagraph(of text: String) -> String? {
    guard let end = text.range(of: "\n\n") else { return nil }
    let lead = TextTrimming.trimmed(text[..<end.lowerBound])
    guard let first = lead.first, !"`|#-*>:~".contains(first), !lead.contains("\n```"),
          let last = lead.last, ".!?。".contains(last) else { return nil }
    let rest = TextTrimming.trimmed(text[end.upperBound...])
    return rest.isEmpty ? nil : lead
  }

  /// The most parts one answer is cut into (16,384 tokens at the default budget). Longer, it
  /// is no answer to one question: Git's 405-part shortlog of a release, a whole manual on one
  /// page asked as "What should I know about …".
  static let maxAnswerParts = 8

  /// The examples answering `question` with `answer`, one per part of the answer budget; one
  /// example marked ``ExampleFilter/Reason/tooManyParts`` (counted, not written) when the answer
  /// needs more than ``maxAnswerParts``.
  private func parts(
    of answer: String, question: String, document: Document, task: InstructTask, section: String?, contexts: [String],
    firstIndex: Int
  ) -> [GeneratedExample] {
    var chunks = SectionChunker(budget: answerBudget, counter: answerCounter).chunks(of: answer)
    // A part of a long text can be a run of navigation lines on its own: it is no answer.
    if chunks.count > 1 { chunks = chunks.filter { AnswerCheck.isAnswer($0, minWords: Self.sectionAnswerWords) } }
    if chunks.count > Self.maxAnswerParts {
      let example = make(
        id: "\(document.id)#\(task.rawValue)-\(firstIndex)", sourceID: document.id, task: task.rawValue, section: section,
        system: nil, instruction: question, input: nil, response: chunks[0])
      return [GeneratedExample(example, contexts: contexts, rejection: .tooManyParts)]
    }
    return chunks.enumerated().map { offset, chunk in
      let example = make(
        id: "\(document.id)#\(task.rawValue)-\(firstIndex + offset)", sourceID: document.id, task: task.rawValue,
        section: section, system: nil, instruction: Phrasings.part(question, offset + 1, of: chunks.count), input: nil,
        response: chunk)
      return GeneratedExample(example, contexts: contexts)
    }
  }

  /// The example `answer` would make, marked as no answer (counted, not written).
  private func notAnAnswer(
    _ answer: String, question: String, document: Document, task: InstructTask, section: String?, index: Int
  ) -> GeneratedExample {
    let example = make(
      id: "\(document.id)#\(task.rawValue)-\(index)", sourceID: document.id, task: task.rawValue, section: section,
      system: nil, instruction: question, input: nil, response: answer)
    return GeneratedExample(example, rejection: .notAnAnswer)
  }

  /// "from NAME", NAME the last component of the document's source: the context that tells two
  /// pages apart when all else is equal.
  static func sourceContext(_ document: Document) -> String {
    let name = document.source.split(separator: "/").last.map(String.init) ?? document.id
    return "from \(name.isEmpty ? document.id : name)"
  }

  private func summary(_ document: Document) -> [Example] {
    let candidates = ["abstract", "description"].compactMap { document.metadata[$0]?.stringValue.map(trimmed) }
    guard let summary = candidates.first(where: { $0.count >= options.minSummaryChars }) else { return [] }
    var body = TextTrimming.removing(summary, from: document.text)
    body = trimmed(dropLeadingTitle(body, title: document.title))
    guard body.count >= 2 * summary.count else { return [] }
    // A summary of the whole text is only faithful to the whole text: too long a body makes none.
    guard answerCounter.count(body) <= answerBudget else { return [] }
    let id = "\(document.id)#summary"
    return [
      make(
        id: id, sourceID: document.id, task: InstructTask.summary.rawValue, section: nil, system: nil,
        instruction: StableHash.pick(Phrasings.summary, for: id) ?? "", input: body, response: summary)
    ]
  }

  private func title(_ document: Document, subject: String) -> [Example] {
    guard (3...200).contains(subject.count) else { return [] }
    var body = Self.droppingLeadingHeading(naming: subject, from: trimmed(dropLeadingTitle(document.text, title: trimmed(document.title))))
    guard body.count >= 100 else { return [] }
    // A long text is titled from its beginning, within the answer budget.
    if let first = SectionChunker(budget: answerBudget, counter: answerCounter).chunks(of: body).first { body = first }
    let id = "\(document.id)#title"
    return [
      make(
        id: id, sourceID: document.id, task: InstructTask.title.rawValue, section: nil, system: nil,
        instruction: StableHash.pick(Phrasings.title, for: id) ?? "", input: body, response: subject)
    ]
  }

  /// `body` without a first line that is a heading holding `subject` ("# git-add(1) Manual
  /// Page" for git-add(1), "# Content Negotiation" when the page's title had a site suffix the
  /// run learned later): the title task would otherwise copy its answer from its input.
  static func droppingLeadingHeading(naming subject: String, from body: String) -> String {
    let end = body.firstIndex(of: "\n") ?? body.endIndex
    let first = body[..<end]
    guard first.hasPrefix("#"), !subject.isEmpty else { return body }
    let heading = TitleCleaner.cleanHeading(String(first.drop { $0 == "#" || $0 == " " })).lowercased()
    guard heading.contains(subject.lowercased()) else { return body }
    return TextTrimming.trimmed(body[end...])
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

  /// `text` without a first line that is just the title (`# Title` or `Title`), raw or cleaned
  /// (`# 5.4. Constraints¶` for the title `5.4. Constraints — Site`).
  private func dropLeadingTitle(_ text: String, title: String) -> String {
    let body = text.drop(while: { $0.isWhitespace })
    guard !title.isEmpty, let lineEnd = body.firstIndex(of: "\n") ?? Optional(body.endIndex) else { return text }
    let firstLine = TextTrimming.trimmed(body[..<lineEnd].drop(while: { $0 == "#" || $0 == " " }))
    let trimmedTitle = TextTrimming.trimmed(title)
    let same =
      firstLine == trimmedTitle
      || TextTrimming.sameWords(TitleCleaner.cleanHeading(firstLine), TitleCleaner().clean(title: trimmedTitle))
    return same ? String(body[lineEnd...]) : text
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
