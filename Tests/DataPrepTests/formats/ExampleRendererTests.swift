import Testing
@testable import DataPrep

@Suite struct ExampleRendererTests {
  private func example(_ json: String, _ format: ExampleFormat) throws -> Example {
    try ExampleParser().parse(try #require(try JSONParser().parse(json).objectValue), as: format)
  }

  private func reason(_ example: Example, _ format: ExampleFormat, conversational: Bool = false) -> String? {
    do {
      _ = try ExampleRenderer(conversationalPrompts: conversational).render(example, as: format)
      return nil
    } catch {
      return error.localizedDescription
    }
  }

  @Test func preferenceDataCannotBecomeChat() throws {
    let preference = try example(FormatSamples.records["openai-preference"]![0], .openAIPreference)
    #expect(reason(preference, .openAIChat)?.contains("non-preferred") == true)
    #expect(reason(preference, .alpaca) != nil)
  }

  @Test func chatCannotBecomePreferenceWithoutARejectedReply() throws {
    let chat = try example(FormatSamples.records["openai-chat"]![0], .openAIChat)
    #expect(reason(chat, .openAIPreference)?.contains("no non-preferred output") == true)
  }

  @Test func multiTurnDoesNotFitStringPrompts() throws {
    let chat = try example(FormatSamples.records["openai-chat"]![1], .openAIChat)
    #expect(reason(chat, .promptCompletion)?.contains("(use `conversationalPrompts`)") == true)
    #expect(reason(chat, .promptCompletion, conversational: true) == nil)
    #expect(reason(chat, .text) != nil)
  }

  @Test func toolsImagesAndWeightsNeedTheOpenAIFormats() throws {
    let tools = try example(FormatSamples.records["openai-chat"]![2], .openAIChat)
    #expect(reason(tools, .alpaca)?.contains("tools") == true)
    #expect(reason(tools, .promptCompletion, conversational: true) != nil)
    let weights = try example(FormatSamples.records["openai-chat"]![3], .openAIChat)
    #expect(reason(weights, .shareGPT)?.contains("weight 0") == true)
    #expect(reason(weights, .alpaca)?.contains("weight 0") == true)
    let image = try example(FormatSamples.records["openai-chat"]![4], .openAIChat)
    #expect(reason(image, .shareGPT)?.contains("content parts") == true)
  }

  @Test func alpacaNeedsAUserTurnBeforeTheReply() throws {
    let text = try example(FormatSamples.records["text"]![0], .text)
    #expect(reason(text, .alpaca)?.contains("user/assistant pairs") == true)
  }

  @Test func emptyTextsAreRefused() {
    let empty = Example(messages: [ExampleMessage(role: .user, content: "Q"), ExampleMessage(role: .assistant, content: "")])
    for format in [ExampleFormat.openAIChat, .alpaca, .shareGPT, .promptCompletion] {
      #expect(reason(empty, format)?.contains("empty") == true, "\(format)")
    }
  }

  @Test func chatNeedsAnAssistantMessage() {
    let onlyUser = Example(messages: [ExampleMessage(role: .user, content: "Q")])
    #expect(reason(onlyUser, .openAIChat)?.contains("no assistant") == true)
    #expect(reason(onlyUser, .shareGPT)?.contains("no assistant") == true)
  }
}
