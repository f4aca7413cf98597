import Testing
@testable import DataPrep

@Suite struct ConvertRoundTripTests {
  private func record(_ json: String) throws -> JSONObject {
    try #require(try JSONParser().parse(json).objectValue)
  }

  @Test(arguments: FormatSamples.variants.map(\.description))
  func samplesReadAndRenderBackUnchanged(variant name: String) throws {
    let variant = try #require(FormatSamples.variants.first { $0.description == name })
    for json in FormatSamples.records[name] ?? [] {
      let original = try record(json)
      #expect(ExampleFormat.detect(original) == variant.format, "\(json)")
      let example = try ExampleParser().parse(original, as: variant.format)
      let rendered = try variant.renderer.render(example, as: variant.format)
      #expect(JSONEquality.equal(.object(rendered), .object(original)), "\(name): \(JSONWriter().string(of: .object(rendered)))")
      #expect(BuiltinSchemaValidator.violations(.object(original), schema: variant.format.rawValue).isEmpty, "\(json)")
    }
  }

  /// A to B to A gives A back whenever B can hold the record, and every written record is valid.
  @Test(arguments: FormatSamples.variants.map(\.description))
  func roundTripsThroughEveryFormatAreLossless(from name: String) throws {
    let source = try #require(FormatSamples.variants.first { $0.description == name })
    var crossFormatTrips = 0
    for json in FormatSamples.records[name] ?? [] {
      let original = try record(json)
      let example = try ExampleParser().parse(original, as: source.format)
      for target in FormatSamples.variants {
        let converted: JSONObject
        do {
          converted = try target.renderer.render(example, as: target.format)
        } catch {
          continue  // B cannot hold it: an error, tested elsewhere
        }
        let violations = BuiltinSchemaValidator.violations(.object(converted), schema: target.format.rawValue)
        #expect(violations.isEmpty, "\(name) -> \(target): \(violations)")
        let back = try source.renderer.render(try ExampleParser().parse(converted, as: target.format), as: source.format)
        #expect(JSONEquality.equal(.object(back), .object(original)), "\(name) -> \(target) -> back: \(JSONWriter().string(of: .object(back)))")
        if target.description != name { crossFormatTrips += 1 }
      }
    }
    // Every sample set has records another format can hold (preference only in itself).
    #expect(crossFormatTrips > 0 || source.format == .openAIPreference, "\(name): no round trip ran")
  }

  @Test func plainConversationsConvertBetweenAllConversationFormats() throws {
    let example = try ExampleParser().parse(try record(FormatSamples.records["openai-chat"]![1]), as: .openAIChat)
    for target in FormatSamples.variants where ![.text, .openAIPreference].contains(target.format) && !(target.format == .promptCompletion && !target.conversational) {
      #expect(throws: Never.self, "\(target)") { try target.renderer.render(example, as: target.format) }
    }
  }

  @Test func alpacaInputJoinsTheInstructionInOtherFormats() throws {
    let alpaca = try record(#"{"instruction":"Translate to English.","input":"Hallo","output":"Hello"}"#)
    let example = try ExampleParser().parse(alpaca, as: .alpaca)
    let chat = try ExampleRenderer().render(example, as: .openAIChat)
    #expect(chat["messages"]?.value(atPath: "0.content") == "Translate to English.\n\nHallo")
    #expect(JSONEquality.equal(.object(try ExampleRenderer().render(example, as: .alpaca)), .object(alpaca)))
  }

  @Test func shareGPTToolCallsGetSequentialIDs() throws {
    let chat = try record(
      #"{"messages":[{"role":"user","content":"Q"},{"role":"assistant","tool_calls":[{"id":"abc","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","content":"r","tool_call_id":"abc"},{"role":"assistant","content":"A"}]}"#)
    let sharegpt = try ExampleRenderer().render(try ExampleParser().parse(chat, as: .openAIChat), as: .shareGPT)
    let back = try ExampleRenderer().render(try ExampleParser().parse(sharegpt, as: .shareGPT), as: .openAIChat)
    #expect(back["messages"]?.value(atPath: "1.tool_calls.0.id") == "call_0")
    #expect(back["messages"]?.value(atPath: "2.tool_call_id") == "call_0")
  }

  @Test func noMetadataDropsTheMetadataObject() throws {
    let example = try ExampleParser().parse(try record(FormatSamples.records["openai-chat"]![0]), as: .openAIChat)
    let bare = try ExampleRenderer(includeMetadata: false).render(example, as: .openAIChat)
    #expect(bare.keys == ["messages"])
  }

  @Test func shareGPTSystemTurnBecomesTheSystemField() throws {
    let input = try record(#"{"conversations":[{"from":"system","value":"S"},{"from":"human","value":"Q"},{"from":"gpt","value":"A"}]}"#)
    let out = try ExampleRenderer().render(try ExampleParser().parse(input, as: .shareGPT), as: .shareGPT)
    #expect(out["system"] == "S")
    #expect(out["conversations"]?.arrayValue?.count == 2)
  }

  @Test func roleAliasesAreMapped() throws {
    let input = try record(#"{"messages":[{"role":"human","content":"Q"},{"role":"model","content":"A"}]}"#)
    let example = try ExampleParser().parse(input, as: .openAIChat)
    #expect(example.messages.map(\.role) == [.user, .assistant])
  }
}
