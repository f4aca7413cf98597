import Testing
@testable import DataPrep

@Suite struct ExampleParserTests {
  private func problem(_ json: String, _ format: ExampleFormat) throws -> String? {
    let object = try #require(try JSONParser().parse(json).objectValue)
    do {
      _ = try ExampleParser().parse(object, as: format)
      return nil
    } catch {
      return error.localizedDescription
    }
  }

  @Test func detectsEachFormatFromItsKeys() throws {
    let cases: [(String, ExampleFormat?)] = [
      (#"{"messages":[]}"#, .openAIChat),
      (#"{"input":{},"preferred_output":[],"non_preferred_output":[]}"#, .openAIPreference),
      (#"{"prompt":"a","completion":"b"}"#, .promptCompletion),
      (#"{"instruction":"a","input":"","output":"b"}"#, .alpaca),
      (#"{"conversations":[]}"#, .shareGPT),
      (#"{"text":"a"}"#, .text),
      (#"{"question":"a"}"#, nil),
    ]
    for (json, format) in cases {
      #expect(ExampleFormat.detect(try #require(try JSONParser().parse(json).objectValue)) == format, "\(json)")
    }
  }

  @Test func unknownKeysAreRefusedNotDropped() throws {
    #expect(try problem(#"{"messages":[{"role":"user","content":"a"}],"id":3}"#, .openAIChat)?.contains("`id`: unknown key") == true)
    #expect(try problem(#"{"text":"a","url":"u"}"#, .text)?.contains("`url`") == true)
  }

  @Test func badFieldsAreNamedWithTheirPath() throws {
    #expect(try problem(#"{"messages":[{"role":"robot","content":"a"}]}"#, .openAIChat)?.contains("`messages.0.role`") == true)
    #expect(try problem(#"{"messages":[{"role":"user","content":5}]}"#, .openAIChat)?.contains("`messages.0.content`") == true)
    #expect(try problem(#"{"instruction":"a","input":"","output":3}"#, .alpaca)?.contains("`output`") == true)
    #expect(try problem(#"{"instruction":"a","output":"b","history":[["x"]]}"#, .alpaca)?.contains("`history.0`") == true)
    #expect(try problem(#"{"conversations":[{"from":"bot","value":"a"}]}"#, .shareGPT)?.contains("unknown speaker") == true)
    #expect(try problem(#"{"prompt":"a","completion":[]}"#, .promptCompletion)?.contains("both strings or both message lists") == true)
    #expect(try problem(#"{"conversations":[{"from":"function_call","value":"not json"}]}"#, .shareGPT)?.contains("JSON text") == true)
    #expect(try problem(#"{"text":"a","metadata":"m"}"#, .text)?.contains("`metadata`") == true)
  }

  @Test func alpacaWithoutInputReadsAsEmptyInput() throws {
    #expect(try problem(#"{"instruction":"a","output":"b"}"#, .alpaca) == nil)
  }
}
