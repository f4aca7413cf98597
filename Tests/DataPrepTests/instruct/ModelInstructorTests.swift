import DataPrepTestSupport
import Foundation
import Testing
@testable import DataPrep

/// The model generator with a stand-in client: request shapes, strict replies and one retry,
/// grounding, question dedup, provenance, order independent of concurrency, dry runs.
@Suite struct ModelInstructorTests {
  static func options(_ tasks: [ModelTask] = [.qa], concurrency: Int = 4) -> ModelGeneratorOptions {
    ModelGeneratorOptions(model: "test-model", tasks: tasks, concurrency: concurrency)
  }

  @Test func requestsCarryTheChunkTitleHeadingPathAndAskForJSON() async throws {
    let client = ScriptedChatClient()
    let tasks: [ModelTask] = [.qa, .conversation, .rewrite, .summary]
    _ = try await ModelFixtures.run([InstructFixtures.manual], generator: Self.options(tasks), client: client)
    let requests = client.requests
    #expect(Set(requests.map(ScriptedChatClient.task)) == Set(tasks))
    for request in requests {
      #expect(request.wantsJSON)
      #expect(request.model == "test-model")
      #expect(request.attempt == 0)
      #expect(request.messages.first?.role == "system")
      #expect(request.messages.last?.content.contains("Document: Widget Manual") == true)
    }
    let install = requests.first {
      ScriptedChatClient.task($0) == .qa && ScriptedChatClient.quoted($0) == "Plug the widget into a USB port and wait for the green light."
    }
    let user = try #require(install?.messages.last?.content)
    #expect(user.contains("Section: Widget Manual > Installation"))
    #expect(user.contains("Write 3 question-answer pairs"))
    let rewrite = try #require(requests.first { ScriptedChatClient.task($0) == .rewrite })
    #expect(rewrite.messages.last?.content.contains("This question was made by a template:") == true)
  }

  @Test func aSourceListingPageIsNotSentAndIsCounted() async throws {
    let code = (1...30).map { "    value_\($0) = compute_lamp_state(\($0), brightness=\($0 * 10))" }.joined(separator: "\n")
    let listing = Document(
      id: "listing", source: "_modules/lamp/core.html", format: "html", title: "lamp.core",
      text: "# Source code for lamp.core\n\n```\n\(code)\n```\n",
      sections: [.init(heading: "Source code for lamp.core", level: 1, text: "```\n\(code)\n```")])
    #expect(AnswerCheck.isCodeListing(listing.text))
    let client = ScriptedChatClient()
    let (summary, _) = try await ModelFixtures.run([ModelFixtures.guide, listing], generator: Self.options(), client: client)
    #expect(!client.requests.isEmpty)
    #expect(!client.requests.contains { $0.messages.contains { $0.content.contains("compute_lamp_state") } })
    let model = try #require(summary.model)
    #expect(model.skippedListings == 1)
    #expect(model.reportLines.last == "  skipped (page only code, a source listing): 1")
    #expect(JSONWriter().string(of: model.json).contains(#""skipped_listings":1"#))
  }

  @Test func aMalformedReplyIsAskedOnceMoreAndASecondFailureDropsOnlyThatChunk() async throws {
    // The first chunk's replies are malformed on both attempts; the others only on the first.
    let client = ScriptedChatClient { request in
      let chunk = ScriptedChatClient.quoted(request)
      if chunk.hasPrefix("The lamp") || request.attempt == 0 { return ChatReply(content: "Sure! Here are your questions: {pairs}") }
      return ScriptedChatClient.echo(request)
    }
    let (summary, text) = try await ModelFixtures.run([ModelFixtures.guide], generator: Self.options(), client: client)
    let model = try #require(summary.model)
    #expect(model.retries == 3)
    #expect(model.failedRequests == 1)
    #expect(model.calls == 6)
    #expect(client.requests.filter { $0.attempt == 1 }.count == 3)
    #expect(try ModelFixtures.records(text).count == 2)
  }

  @Test func aReplyCutByTheTokenLimitIsAskedAgainWithTwiceTheLimit() async throws {
    let client = ScriptedChatClient { request in
      if request.attempt == 0 { return ChatReply(content: "{\"pairs\": [{\"question\": \"What", finishReason: "length") }
      return ScriptedChatClient.echo(request)
    }
    var options = Self.options()
    options.replyTokens = 300
    let (summary, text) = try await ModelFixtures.run([ModelFixtures.guide], generator: options, client: client)
    #expect(summary.model?.retries == 3)
    #expect(summary.model?.failedRequests == 0)
    #expect(client.requests.filter { $0.attempt == 1 }.allSatisfy { $0.maxTokens == 600 })
    #expect(try ModelFixtures.records(text).count == 3)
  }

  @Test func aMalformedReplyErrorFromTheClientIsRetriedAndAFatalOneStopsTheRun() async throws {
    let flaky = ScriptedChatClient { request in
      if request.attempt == 0 { throw ChatError.malformedReply(url: "u", reason: "not JSON") }
      return ScriptedChatClient.echo(request)
    }
    let (summary, _) = try await ModelFixtures.run([ModelFixtures.guide], generator: Self.options(), client: flaky)
    #expect(summary.model?.retries == 3)
    let down = ScriptedChatClient { _ in throw ChatError.transport(url: "http://127.0.0.1:9/v1", reason: "refused") }
    await #expect(throws: ChatError.self) {
      _ = try await ModelFixtures.run([ModelFixtures.guide], generator: Self.options(), client: down)
    }
    let refused = ScriptedChatClient { _ in throw ChatError.httpStatus(url: "u", status: 400, body: "context too long") }
    let (partial, text) = try await ModelFixtures.run([ModelFixtures.guide], generator: Self.options(), client: refused)
    #expect(partial.model?.failedRequests == 3)
    #expect(text.isEmpty)
  }

  @Test func anAnswerSupportedByItsChunkIsKeptAndAnUnsupportedOneDropped() async throws {
    let client = ScriptedChatClient { request in
      let chunk = ScriptedChatClient.quoted(request)
      let answer =
        chunk.hasPrefix("Replace")
        ? "Quantum flux capacitors require seasonal recalibration by licensed technicians." : chunk
      return ChatReply(content: ScriptedChatClient.json(.qa, question: "Question about \(chunk.prefix(12))?", answer: answer))
    }
    let (summary, text) = try await ModelFixtures.run([ModelFixtures.guide], generator: Self.options(), client: client)
    #expect(summary.model?.droppedUngrounded == 1)
    let answers = try ModelFixtures.records(text).compactMap { $0["messages"]?.arrayValue?.last?["content"]?.stringValue }
    #expect(answers.count == 2)
    #expect(!answers.contains { $0.contains("Quantum") })
  }

  @Test func theGroundingShareCountsContentWordsOnly() {
    let check = GroundingCheck(minimum: 0.6)
    let chunk = check.words("Replace the bulb with a twelve watt LED bulb after turning the lamp off.")
    #expect(check.share(of: "Use a twelve watt LED bulb.", in: chunk) == 4.0 / 5.0)
    #expect(check.isGrounded("Turn the lamp off, then replace the bulb.", in: chunk))
    #expect(!check.isGrounded("Call the manufacturer for a replacement part.", in: chunk))
    #expect(!check.isGrounded("It is what it is.", in: chunk))
  }

  @Test func nearDuplicateQuestionsAreDroppedWithinAndAcrossChunks() async throws {
    let client = ScriptedChatClient { request in
      let chunk = ScriptedChatClient.quoted(request)
      let a = JSONWriter().string(of: .string(chunk))
      let questions = ["How do I look after the lamp?", "How do I look after the lamp ?", "How do I look after the lamp properly?"]
      let pairs = questions.map { "{\"question\": \"\($0)\", \"answer\": \(a)}" }.joined(separator: ", ")
      return ChatReply(content: "{\"pairs\": [\(pairs)]}")
    }
    let (summary, text) = try await ModelFixtures.run([ModelFixtures.guide], generator: Self.options(), client: client)
    #expect(try ModelFixtures.records(text).count == 1)
    #expect(summary.model?.droppedDuplicate == 8)
  }

  @Test func theDedupIndexTellsRewordingsFromOtherQuestions() {
    var index = QuestionDedupIndex(threshold: 0.8)
    let admitted = [
      "What is the default port of the server?", "What is the default port of the server", "what is the server default port of the?",
      "What is the default port of the server used?", "What is the default timeout of the server?", "How do I change the default port?",
    ].map { index.admit($0) }
    #expect(admitted == [true, false, false, false, true, true])
  }

  @Test func everyExampleCarriesItsSourceChunkSpanAndGenerator() async throws {
    let (_, text) = try await ModelFixtures.run(
      [ModelFixtures.guide], generator: Self.options([.qa, .summary]), client: ScriptedChatClient())
    let records = try ModelFixtures.records(text)
    #expect(records.count == 6)
    for record in records {
      let metadata = try #require(record["metadata"])
      #expect(metadata["source_id"]?.stringValue == "guide")
      let task = try #require(metadata["task"]?.stringValue)
      #expect(metadata["generator"]?["model"]?.stringValue == "test-model")
      #expect(metadata["generator"]?["task"]?.stringValue == task)
      let digest = ModelPrompt.defaults[ModelTask(rawValue: task)!]!.digest
      #expect(metadata["generator"]?["template"]?.stringValue == digest)
      #expect(digest.count == 64)
      let chunkID = try #require(metadata["chunk_id"]?.stringValue)
      #expect(chunkID.hasPrefix("guide#chunk-"))
      let section = try #require(metadata["span"]?["section"]?.integerValue)
      let start = Int(try #require(metadata["span"]?["start"]?.integerValue))
      let end = Int(try #require(metadata["span"]?["end"]?.integerValue))
      let scalars = Array(ModelFixtures.guide.sections[Int(section)].text.unicodeScalars)
      let spanned = String(String.UnicodeScalarView(scalars[start..<end]))
      if task == "qa" {
        #expect(record["messages"]?.arrayValue?.last?["content"]?.stringValue == spanned)
      }
      #expect(metadata["section"]?.stringValue == ModelFixtures.guide.sections[Int(section)].heading)
    }
  }

  @Test func outputIsTheSameWithConcurrency1And16AndScrambledReplies() async throws {
    let documents = (0..<12).map { number in
      Document(
        id: "doc-\(number)", source: "doc\(number).html", format: "html", title: "Page \(number)", text: "",
        sections: ModelFixtures.guide.sections.map { .init(heading: $0.heading, level: $0.level, text: $0.text + " Page \(number) detail.") })
    }
    var outputs: [String] = []
    for (concurrency, scrambled) in [(1, false), (16, false), (16, true), (3, true)] {
      var options = Self.options([.qa, .conversation, .summary, .rewrite], concurrency: concurrency)
      options.batchDocuments = 5
      let (_, text) = try await ModelFixtures.run(documents, generator: options, client: ScriptedChatClient(scrambled: scrambled))
      outputs.append(text)
    }
    #expect(!outputs[0].isEmpty)
    #expect(outputs.allSatisfy { $0 == outputs[0] })
  }

  @Test(arguments: [1, 400])
  func aSpentTokenBudgetStopsTheRunWithTheSameErrorWhateverTheConcurrency(maxTokens: Int) async throws {
    let documents = (0..<12).map { number in
      Document(
        id: "doc-\(number)", source: "doc\(number).html", format: "html", title: "Page \(number)", text: "",
        sections: ModelFixtures.guide.sections.map { .init(heading: $0.heading, level: $0.level, text: $0.text + " Page \(number) detail.") })
    }
    var errors: [ChatError] = []
    for concurrency in [1, 16] {
      let server = try ChatTestServer(responder: ChatTestReply.documentation(for:))
      defer { server.stop() }
      let client = try server.client(budget: ChatBudget(maxTokensTotal: maxTokens))
      var options = Self.options([.qa, .summary], concurrency: concurrency)
      options.batchDocuments = 5
      do {
        _ = try await ModelFixtures.run(documents, generator: options, client: client)
        Issue.record("a budget of \(maxTokens) tokens must stop the run")
      } catch let error as ChatError {
        errors.append(error)
      }
    }
    guard errors.count == 2, case .budgetExhausted(let limit) = errors[0] else {
      Issue.record("expected two budget stops, got \(errors)")
      return
    }
    #expect(limit.hasPrefix("--max-tokens-total \(maxTokens), "))
    #expect(errors[0] == errors[1])
  }

  @Test func aDryRunCountsCallsCachedRepliesAndPromptTokensWithoutCalling() throws {
    let client = ScriptedChatClient()
    let input = try ModelFixtures.input([ModelFixtures.guide, InstructFixtures.manual])
    let instructor = ModelInstructor(
      options: InstructOptions(format: .openAIChat, tasks: []), generator: Self.options([.qa, .summary]), client: client)
    let plan = try instructor.dryRun(try JSONLReader(path: input)) { $0.messages.last?.content.contains("Lamp Guide") == true }
    #expect(plan.documents == 2)
    #expect(plan.calls == 2 * (3 + 4))
    #expect(plan.cached == 6)
    #expect(plan.promptTokens > 14 * 100)
    #expect(client.requests.isEmpty)
    let unknown = try instructor.dryRun(try JSONLReader(path: input))
    #expect(unknown.cached == nil)
    #expect(unknown.report.contains("14 calls for 2 documents (cache not checked)"))
  }

  @Test func ruleBasedTasksNamedBesideTheModelComeFirstPerDocument() async throws {
    let (summary, text) = try await ModelFixtures.run(
      [ModelFixtures.guide], generator: Self.options(), client: ScriptedChatClient(),
      options: InstructOptions(format: .openAIChat, tasks: [.sectionQA]))
    let tasks = try ModelFixtures.records(text).compactMap { $0["metadata"]?["task"]?.stringValue }
    #expect(tasks.first == "section-qa")
    #expect(tasks.last == "qa")
    #expect(summary.written.map(\.task) == ["section-qa", "qa"])
  }

  @Test func badSettingsAndTheTextFormatAreRefused() async throws {
    var options = Self.options()
    options.minGrounding = 1.5
    #expect(throws: ModelGeneratorError.badSetting(name: "min_grounding", requirement: "must be between 0 and 1")) { try options.check() }
    options = Self.options()
    options.questionsPerChunk = 0
    #expect(throws: ModelGeneratorError.self) { try options.check() }
    await #expect(throws: InstructError.self) {
      _ = try await ModelFixtures.run(
        [ModelFixtures.guide], generator: Self.options(), client: ScriptedChatClient(), options: InstructOptions(format: .text, tasks: []))
    }
  }
}
