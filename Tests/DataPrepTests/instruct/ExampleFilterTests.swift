import Testing
@testable import DataPrep

@Suite struct ExampleFilterTests {
  private func example(_ prompt: String, _ response: String) -> Example {
    Example(messages: [ExampleMessage(role: .user, content: prompt), ExampleMessage(role: .assistant, content: response)])
  }

  @Test func dropsEmptyBoilerplateAndEchoedResponses() {
    let filter = ExampleFilter()
    #expect(filter.rejection(of: example("Q?", "  \n")) == .emptyResponse)
    #expect(filter.rejection(of: example("Q?", "Click here to read more.")) == .boilerplate)
    #expect(filter.rejection(of: example("Q?", "© 2024 — 1/2")) == .boilerplate)
    #expect(filter.rejection(of: example("What is it?", "what is it")) == .sameAsPrompt)
    #expect(filter.rejection(of: example("Q?", "A real answer about cookie recipes.")) == nil)
  }

  @Test func lengthBoundsApplyToResponseAndWholeExample() {
    let filter = ExampleFilter(minChars: 10, maxChars: 30)
    #expect(filter.rejection(of: example("Q?", "Short.")) == .tooShort)
    #expect(filter.rejection(of: example("A longer question here?", "A long enough answer.")) == .tooLong)
    #expect(filter.rejection(of: example("Q?", "Just right here.")) == nil)
  }

  @Test func droppedExamplesAreCountedByReason() throws {
    var document = InstructFixtures.manual
    document.metadata["qa"] = [["question": "Q1?", "answer": ""], ["question": "Q2?", "answer": "Read more"], ["question": "Are both equal?", "answer": "are both equal"], ["question": "Toc", "answer": "- One\n- Two\n- Three\n- Four"]]
    let (summary, out) = try InstructFixtures.run([document], InstructOptions(format: .openAIChat, tasks: [.faq]))
    #expect(out.count == 2)
    #expect(summary.dropped == [ExampleFilter.Reason.emptyResponse: 1, .boilerplate: 1, .sameAsPrompt: 1, .notAnAnswer: 1])
    #expect(summary.report.contains("dropped (empty response): 1"))
  }
}
