import Testing
@testable import DataPrep

/// The one lenient reader (``RecordReader``) and the readings built on it: the text of a record
/// (``RecordText``, rule ``DetectionRule/textual``), the token count and validate's view.
@Suite struct RecordReaderTests {
  private func object(_ json: String) throws -> JSONObject {
    try #require(try JSONParser().parse(json).objectValue)
  }

  /// Records whose text (dedup, leakage, split, tokens) is read under another shape than the one
  /// validate detects: a record, validate's format, the textual format, the text.
  private static let textualCases: [(json: String, lenient: DatasetFormat?, textual: DatasetFormat?, text: String?)] = [
    (#"{"instruction":"Do it","prompt":"P"}"#, .example(.alpaca), .example(.promptCompletion), "P"),
    (#"{"instruction":"Do it","completion":"C"}"#, .example(.alpaca), .example(.promptCompletion), "C"),
    (#"{"messages":"not a list","text":"body"}"#, .example(.openAIChat), .example(.text), "body"),
    (#"{"messages":[{"role":"user","content":"m"}],"preferred_output":[]}"#, .example(.openAIPreference), .example(.openAIChat), "m"),
    (#"{"input":{"messages":[{"role":"user","content":"q"}]}}"#, nil, .example(.openAIPreference), "q"),
    (#"{"prompt":["not","text"],"text":"t"}"#, .example(.promptCompletion), .example(.text), "t"),
    (#"{"prompt":"Hi"}"#, .example(.promptCompletion), .example(.promptCompletion), "Hi"),
    (#"{"instruction":"Sum 2 and 2"}"#, .example(.alpaca), .example(.alpaca), "Sum 2 and 2"),
    (#"{"input":"2 and 2","output":"4"}"#, .example(.alpaca), nil, nil),
    (#"{"text":"body","source":"https://example.com"}"#, .document, .example(.text), "body"),
  ]

  @Test func theTextOfARecordKeepsItsOwnRuleWhereValidateDiffers() throws {
    for item in Self.textualCases {
      let record = try object(item.json)
      #expect(DatasetFormat.detect(record, rule: .lenient) == item.lenient, "\(item.json)")
      #expect(DatasetFormat.detect(record, rule: .textual) == item.textual, "\(item.json)")
      #expect(RecordText.text(of: record) == item.text, "\(item.json)")
    }
  }

  @Test func aRepeatedKeyIsReadByItsLastValue() throws {
    let record = try object(#"{"text":"first","text":3,"prompt":"p"}"#)
    #expect(DatasetFormat.detect(record, rule: .textual) == .example(.promptCompletion))
    #expect(!RecordText.isDocument(try object(#"{"text":"a","text":null}"#)))
    #expect(RecordText.isDocument(try object(#"{"text":null,"text":"a"}"#)))
  }

  @Test func sideMembersAreInTheConversationButNotInTheText() throws {
    let alpaca = try object(
      #"{"system":"Be brief.","history":[["Hi","Hello"]],"instruction":"Add","input":"2 and 2","output":"4"}"#)
    #expect(RecordText.parts(of: alpaca).map(\.role) == ["instruction", "input", "output"])
    #expect(RecordText.text(of: alpaca) == "Add\n2 and 2\n4")
    let view = ConversationView(alpaca, format: .example(.alpaca))
    #expect(view.turns.map(\.role) == [.system, .user, .assistant, .user, .assistant])
    #expect(view.turns.map(\.location) == ["system", "history.0.0", "history.0.1", "instruction", "output"])
    #expect(view.turns[3].text == "Add\n\n2 and 2")
    #expect(view.responseStart == 4)

    let shareGPT = try object(#"{"system":"Be brief.","conversations":[{"from":"human","value":"Hi"},{"from":"gpt","value":"Hello"}]}"#)
    #expect(RecordText.text(of: shareGPT) == "Hi\nHello")
    #expect(ConversationView(shareGPT, format: .example(.shareGPT)).turns.map(\.text) == ["Be brief.", "Hi", "Hello"])
  }

  @Test func validateReadsWhatTheTextLeavesOut() throws {
    let record = try object(#"{"conversations":[{"from":"human","value":"Hi"},{"from":"function_call","value":"{}"},{"value":7},"x"]}"#)
    let view = ConversationView(record, format: .example(.shareGPT))
    #expect(view.turns.map(\.role) == [.user, .assistant, .user, .user])
    #expect(view.turns[1].toolCalls.count == 1)
    #expect(view.turns.map(\.contentMissing) == [false, false, false, true])
    #expect(RecordText.parts(of: record).map(\.role) == ["human", "function_call"])
  }

  @Test func chatRolesReadLenientlyForValidateAndAsWrittenForTheText() throws {
    let record = try object(
      #"{"messages":[{"role":"gpt","content":"a"},{"role":"assistant","content":[{"type":"image_url"}]},{"role":"tool","tool_call_id":"c1","content":"r"},5]}"#)
    let view = ConversationView(record, format: .example(.openAIChat))
    #expect(view.turns.map(\.role) == [.user, .assistant, .tool])
    #expect(view.turns[1].text == ConversationTurn.nonTextContent)
    #expect(view.turns[2].toolCallID == "c1")
    #expect(RecordText.parts(of: record).map(\.role) == ["gpt", "tool"])
  }

  @Test func aPromptOnlyRecordIsValidatedAsPromptCompletionMissingItsCompletion() throws {
    let view = ConversationView(try object(#"{"prompt":"Hi"}"#), format: .example(.promptCompletion))
    #expect(view.turns.map(\.location) == ["prompt", "completion"])
    #expect(view.turns[1].contentMissing)
    #expect(!view.isConversation)
    #expect(view.responseStart == 1)
  }

  @Test func preferenceTurnsAreInPromptResponseAndAlternativeOrder() throws {
    let record = try object(
      #"{"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":[{"role":"assistant","content":"good"}],"non_preferred_output":[{"role":"assistant","content":"bad"}]}"#)
    var sections: [RecordTurn.Section] = []
    RecordReader.forEachTurn(of: record, as: .example(.openAIPreference)) { sections.append($0.section) }
    #expect(sections == [.prompt, .response, .alternative])
    let view = ConversationView(record, format: .example(.openAIPreference))
    #expect(view.turns.map(\.text) == ["q", "good"])
    #expect(view.alternativeResponses.map(\.location) == ["non_preferred_output.0.content"])
    #expect(view.responseStart == 1)
  }

  @Test func shareGPTTokenCountsSkipTheSystemFieldAndNonTextTurns() throws {
    let counter = ExampleTokenCounter(textCounter: .characterEstimate)
    let withSystem = try object(#"{"system":"A long system prompt here","conversations":[{"from":"human","value":"Hi there"},{"from":"gpt","value":7}]}"#)
    let without = try object(#"{"conversations":[{"from":"human","value":"Hi there"}]}"#)
    #expect(counter.count(withSystem) == counter.count(without))
    #expect(counter.count(without)?.byRole.map(\.role) == ["human"])
  }

  @Test func leakageReadsShareGPTValuePartsWhereTheRecordTextDoesNot() throws {
    let record = try object(
      #"{"conversations":[{"from":"system","value":"Be brief."},{"from":"human","value":[{"type":"text","text":"hi"}]},{"from":"gpt","value":"hello"}]}"#)
    #expect(RecordText.parts(of: record).map(\.text) == ["Be brief.", "hello"])
    let texts = LeakagePart.texts(of: record, field: nil)
    #expect(texts.map(\.part) == [.prompt, .response])
    #expect(texts.map(\.text) == ["hi", "hello"])
  }

  @Test func leakageSplitsEachShapeIntoPromptAndResponse() throws {
    let alpaca = LeakagePart.texts(of: try object(#"{"instruction":"Add","input":"2 and 2","output":"4","system":"s"}"#), field: nil)
    #expect(alpaca.map(\.part) == [.prompt, .prompt, .response])
    let chat = LeakagePart.texts(of: try object(#"{"messages":[{"role":"system","content":"s"},{"content":"q"},{"role":"assistant","content":"a"}]}"#), field: nil)
    #expect(chat.map(\.part) == [.prompt, .response])
    let document = LeakagePart.texts(of: try object(#"{"text":"body","source":"x"}"#), field: nil)
    #expect(document.map(\.part) == [.text])
    #expect(LeakagePart.texts(of: try object(#"{"id":1}"#), field: nil).isEmpty)
  }
}
