import Testing
@testable import DataPrep

@Suite struct InstructTasksTests {
  private func chat(_ documents: [Document], tasks: [InstructTask], filter: ExampleFilter = ExampleFilter()) throws -> [JSONValue] {
    try InstructFixtures.run(documents, InstructOptions(format: .openAIChat, tasks: tasks, filter: filter)).1
  }

  private func pair(_ record: JSONValue) -> (String?, String?) {
    (record["messages"]?.value(atPath: "0.content")?.stringValue, record["messages"]?.value(atPath: "1.content")?.stringValue)
  }

  @Test func faqTakesMetadataPairsAndQuestionHeadingsInEnglishAndGerman() throws {
    let out = try chat([InstructFixtures.manual], tasks: [.faq])
    // "it" stands for the manual's subject: the page is named (ExampleGenerator.isVague).
    #expect(
      out.map(pair).map(\.0) == ["Is it waterproof (in \"Widget Manual\")?", "How do I reset it (in \"Widget Manual\")?", "Wie lade ich den Akku?"])
    #expect(pair(out[1]).1 == "Hold the button for ten seconds until the light blinks.")
    #expect(JSONEquality.equal(out[1]["metadata"] ?? nil, ["id": "manual#faq-1", "source_id": "manual", "task": "faq", "section": "How do I reset it?"]))
  }

  @Test func faqJoinsStackExchangeQuestionsWithTheirAcceptedAnswer() throws {
    let posts = [
      InstructFixtures.post("1", type: "1", title: "How to sort a list?", body: "<p>I have a list &amp; want it sorted.</p>", accepted: "3"),
      InstructFixtures.post("2", type: "2", body: "<p>Not accepted.</p>"),
      InstructFixtures.post("4", type: "1", title: "Unanswered?", body: "<p>Nobody knows.</p>"),
      InstructFixtures.post("3", type: "2", body: "<p>Use <code>sorted(xs)</code>.</p>"),
    ]
    let out = try chat(posts, tasks: [.faq])
    #expect(out.count == 1)
    #expect(pair(out[0]).0 == "How to sort a list?\n\nI have a list & want it sorted.")
    #expect(pair(out[0]).1 == "Use `sorted(xs)`.")
    #expect(out[0]["metadata"]?["source_id"] == "post-1")
  }

  @Test func sectionQAAsksAboutEachSectionUnderItsHeading() throws {
    let out = try chat([InstructFixtures.manual], tasks: [.sectionQA, .faq])
    let sectionQA = out.filter { $0["metadata"]?["task"] == "section-qa" }
    // The title section is asked about the page; question headings are left to faq.
    #expect(sectionQA.count == 2)
    let page = try #require(pair(sectionQA[0]).0)
    #expect(page.contains("\"Widget Manual\"") && Phrasings.page.contains { $0.replacingOccurrences(of: "{title}", with: "\"Widget Manual\"") == page })
    let question = try #require(pair(sectionQA[1]).0)
    #expect(question.contains("\"Installation\"") && question.contains("\"Widget Manual\""))
    #expect(pair(sectionQA[1]).1 == "Plug the widget into a USB port and wait for the green light.")
    #expect(sectionQA[1]["metadata"]?["section"] == "Installation")
  }

  @Test func sectionsWithoutTextMakeNoExample() throws {
    var document = InstructFixtures.manual
    document.sections.insert(.init(heading: "Setup", level: 2, text: " \n"), at: 1)
    document.sections.insert(.init(heading: "Why bother?", level: 2, text: ""), at: 1)
    let (summary, out) = try InstructFixtures.run([document], InstructOptions(format: .openAIChat, tasks: [.faq, .sectionQA]))
    #expect(out.count == 5)
    #expect(summary.dropped.isEmpty)
  }

  @Test func sectionQAAsksQuestionHeadingsAsTheyAreWithoutFAQ() throws {
    let out = try chat([InstructFixtures.manual], tasks: [.sectionQA])
    #expect(out.count == 4)
    #expect(pair(out[2]).0 == "How do I reset it (in \"Widget Manual\")?")
  }

  @Test func summaryUsesTheAbstractOrALongEnoughDescription() throws {
    let out = try chat([InstructFixtures.manual, InstructFixtures.article], tasks: [.summary])
    #expect(out.count == 2)
    #expect(pair(out[0]).1 == InstructFixtures.manual.metadata["description"]?.stringValue)
    let prompt = try #require(pair(out[1]).0)
    #expect(pair(out[1]).1 == InstructFixtures.article.metadata["abstract"]?.stringValue)
    #expect(prompt.contains("We study widgets."))
    #expect(!prompt.contains("# On Widgets"))
    var short = InstructFixtures.article
    short.metadata["abstract"] = "Too short."
    #expect(try chat([short], tasks: [.summary]).isEmpty)
    var longSummary = InstructFixtures.manual
    longSummary.metadata["description"] = .string(String(repeating: "A long description. ", count: 10))
    #expect(try chat([longSummary], tasks: [.summary]).isEmpty, "the body must be at least twice as long")
  }

  @Test func titleAsksForTheTitleOfTheBody() throws {
    let out = try chat([InstructFixtures.article], tasks: [.title])
    #expect(out.count == 1)
    #expect(pair(out[0]).1 == "On Widgets")
    #expect(pair(out[0]).0?.hasPrefix("On Widgets") == false)
  }

  @Test func completionCutsTextChunksForPreTraining() throws {
    let options = InstructOptions(format: .text, chunkTokens: 10, overlapTokens: 2)
    let (summary, out) = try InstructFixtures.run([InstructFixtures.manual], options)
    #expect(out.count > 3)
    #expect(summary.written.map(\.task) == ["completion"])
    #expect(out[0]["text"]?.stringValue?.hasPrefix("# Widget Manual") == true)
    #expect(out[0]["metadata"]?["id"] == "manual#completion-0")
  }

  @Test func completionAsPromptCompletionSplitsEachChunk() throws {
    let options = InstructOptions(format: .promptCompletion, tasks: [.completion], chunkTokens: 40, overlapTokens: 0)
    let out = try InstructFixtures.run([InstructFixtures.article], options).1
    #expect(!out.isEmpty)
    for record in out {
      let prompt = try #require(record["prompt"]?.stringValue)
      let completion = try #require(record["completion"]?.stringValue)
      #expect(!prompt.isEmpty && !completion.isEmpty)
      #expect(InstructFixtures.article.text.contains(prompt))
    }
  }

  @Test func phrasingsVaryButAreStablePerExample() throws {
    var documents: [Document] = []
    for index in 0..<12 {
      var document = InstructFixtures.article
      document.id = "article-\(index)"
      documents.append(document)
    }
    let first = try chat(documents, tasks: [.title]).compactMap { pair($0).0?.split(separator: "\n").first.map(String.init) }
    let second = try chat(documents, tasks: [.title]).compactMap { pair($0).0?.split(separator: "\n").first.map(String.init) }
    #expect(first == second)
    #expect(Set(first).count > 1)
    #expect(Set(first).isSubset(of: Set(Phrasings.title)))
  }

  @Test func outputIsByteIdenticalAcrossRuns() throws {
    let documents = [InstructFixtures.manual, InstructFixtures.article]
    let options = InstructOptions(format: .openAIChat)
    #expect(try InstructFixtures.outputText(documents, options) == InstructFixtures.outputText(documents, options))
  }

  @Test(arguments: [ExampleFormat.openAIChat, .promptCompletion, .alpaca, .shareGPT])
  func everyRecordWrittenValidatesAgainstItsSchema(format: ExampleFormat) throws {
    for conversational in [false, true] where conversational == false || format == .promptCompletion {
      let posts = [
        InstructFixtures.post("1", type: "1", title: "How to sort?", body: "<p>Sort it.</p>", accepted: "2"),
        InstructFixtures.post("2", type: "2", body: "<p>Use sorted.</p>"),
      ]
      let options = InstructOptions(
        format: format, tasks: InstructTask.allCases, chunkTokens: 30, overlapTokens: 5, conversationalPrompts: conversational)
      let (summary, out) = try InstructFixtures.run([InstructFixtures.manual, InstructFixtures.article] + posts, options)
      #expect(out.count == summary.totalWritten)
      #expect(out.count > 8)
      for record in out {
        let violations = BuiltinSchemaValidator.violations(record, schema: format.rawValue)
        #expect(violations.isEmpty, "\(format): \(JSONWriter().string(of: record)): \(violations)")
      }
    }
  }

  @Test func textOutputValidatesAgainstItsSchema() throws {
    let out = try InstructFixtures.run([InstructFixtures.manual], InstructOptions(format: .text, chunkTokens: 20, overlapTokens: 4)).1
    for record in out {
      #expect(BuiltinSchemaValidator.violations(record, schema: "text").isEmpty)
    }
  }

  @Test func noMetadataWritesTheBareFormat() throws {
    let out = try InstructFixtures.run([InstructFixtures.manual], InstructOptions(format: .openAIChat, includeMetadata: false)).1
    #expect(!out.isEmpty)
    #expect(out.allSatisfy { $0.objectValue?.keys == ["messages"] })
  }

  @Test func alpacaKeepsTheBodyAsInput() throws {
    let out = try InstructFixtures.run([InstructFixtures.article], InstructOptions(format: .alpaca, tasks: [.title])).1
    #expect(out.count == 1)
    #expect(Phrasings.title.contains(out[0]["instruction"]?.stringValue ?? ""))
    #expect(out[0]["input"]?.stringValue?.hasPrefix("We study widgets.") == true)
  }

  @Test func optionsTheFormatCannotHoldAreRefused() {
    #expect(throws: InstructError.self) { try InstructOptions(format: .openAIPreference).check() }
    #expect(throws: InstructError.self) { try InstructOptions(format: .text, tasks: [.faq]).check() }
    #expect(throws: InstructError.self) { try InstructOptions(format: .text, chunkTokens: 10, overlapTokens: 10).check() }
    #expect(throws: Never.self) { try InstructOptions(format: .text).check() }
  }

  @Test func badDocumentRecordsNameTheirLine() throws {
    let record = InstructFixtures.object(["id": "x", "text": 3])
    #expect(throws: InstructError.badDocument(path: "f", line: 7, field: "text", problem: "expected a string, found integer")) {
      try DocumentDecoder.decode(record, path: "f", line: 7)
    }
    #expect(throws: InstructError.self) { try DocumentDecoder.decode(InstructFixtures.object(["text": "t"]), path: "f", line: 1) }
  }
}
