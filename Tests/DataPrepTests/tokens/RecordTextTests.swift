import Testing

@testable import DataPrep

@Suite struct RecordTextTests {
  func object(_ json: String) throws -> JSONObject {
    guard case .object(let object) = try JSONParser().parse(json) else { throw JSONParseError(column: 1, message: "not an object") }
    return object
  }

  @Test func chatMessagesJoinedWithTheirRoles() throws {
    let record = try object(#"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":[{"type":"text","text":"Hi"}]},{"role":"assistant","content":"Hello"}]}"#)
    #expect(RecordText.parts(of: record).map(\.role) == ["system", "user", "assistant"])
    #expect(RecordText.text(of: record) == "Be brief.\nHi\nHello")
  }

  @Test func everyFormatHasItsText() throws {
    #expect(RecordText.text(of: try object(#"{"prompt":"Q","completion":"A"}"#)) == "Q\nA")
    #expect(RecordText.text(of: try object(#"{"instruction":"Do","input":"","output":"Done"}"#)) == "Do\nDone")
    #expect(RecordText.text(of: try object(#"{"instruction":"Do","input":"x","output":"Done"}"#)) == "Do\nx\nDone")
    #expect(RecordText.text(of: try object(#"{"conversations":[{"from":"human","value":"a"},{"from":"gpt","value":"b"}]}"#)) == "a\nb")
    #expect(RecordText.parts(of: try object(#"{"conversations":[{"from":"human","value":"a"}]}"#)).first?.role == "human")
    #expect(RecordText.text(of: try object(#"{"id":"d1","title":"T","text":"Body"}"#)) == "Body")
    let preference = try object(
      #"{"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":[{"role":"assistant","content":"good"}],"non_preferred_output":[{"role":"assistant","content":"bad"}]}"#)
    #expect(RecordText.text(of: preference) == "q\ngood\nbad")
  }

  @Test func recordsOfNoKnownShapeHaveNoText() throws {
    #expect(RecordText.text(of: try object(#"{"id":1,"value":"x"}"#)) == nil)
  }

  @Test func aFieldPathOverridesTheShape() throws {
    let record = try object(#"{"text":"body","metadata":{"summary":"short"},"messages":[{"role":"user","content":"m"}]}"#)
    #expect(RecordText.text(of: record, field: "metadata.summary") == "short")
    #expect(RecordText.text(of: record, field: "messages.0.content") == "m")
    #expect(RecordText.text(of: record, field: "missing") == nil)
  }
}
