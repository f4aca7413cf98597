import Foundation
import Testing

@testable import DataPrep

@Suite struct ChatWireTests {
  @Test func readsContentFinishReasonAndUsage() throws {
    let body = #"{"choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"length"}],"usage":{"prompt_tokens":12,"completion_tokens":3}}"#
    #expect(try ChatWire.reply(from: Array(body.utf8), url: "u") == ChatReply(content: "hi", finishReason: "length", promptTokens: 12, completionTokens: 3))
    let bare = #"{"choices":[{"message":{"content":""},"finish_reason":null}]}"#
    #expect(try ChatWire.reply(from: Array(bare.utf8), url: "u") == ChatReply(content: "", finishReason: nil))
  }

  @Test(arguments: [
    ("", "not JSON"),
    ("[]", "JSON array, not an object"),
    (#"{"error":{"message":"no such model"}}"#, "no such model"),
    (#"{"choices":{}}"#, "no `choices` array"),
    (#"{"choices":[]}"#, "`choices` is empty"),
    (#"{"choices":[{"message":{"content":null}}]}"#, "`choices[0].message.content` is not a string"),
    (#"{"choices":[{"text":"completion API"}]}"#, "`choices[0].message.content` is not a string"),
    (#"{"choices":[{"message":{"content":"x"},"finish_reason":1}]}"#, "`finish_reason` is a"),
    (#"{"choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":-1}}"#, "`usage.prompt_tokens` is -1"),
    (#"{"choices":[{"message":{"content":"x"}}],"usage":{"completion_tokens":"5"}}"#, "`usage.completion_tokens` is \"5\""),
  ])
  func refusesAReplyThatIsNotAChatCompletion(body: String, reason: String) {
    #expect {
      try ChatWire.reply(from: Array(body.utf8), url: "http://h/v1/chat/completions")
    } throws: { error in
      guard case .malformedReply(let url, let said)? = error as? ChatError else { return false }
      return url == "http://h/v1/chat/completions" && said.contains(reason)
    }
  }

  @Test func writesTheRequestBodyInAFixedOrder() {
    let request = ChatRequest(model: "m", messages: [ChatMessage(role: "user", content: "q")], temperature: 0, maxTokens: 5, wantsJSON: true, attempt: 3)
    #expect(String(decoding: ChatWire.body(of: request), as: UTF8.self)
      == #"{"model":"m","messages":[{"role":"user","content":"q"}],"temperature":0.0,"max_tokens":5,"response_format":{"type":"json_object"}}"#)
  }

  @Test func findsTheMessageOfAnErrorBody() {
    #expect(ChatWire.errorMessage(in: Array(#"{"error":{"message":"bad key"}}"#.utf8)) == "bad key")
    #expect(ChatWire.errorMessage(in: Array(#"{"error":"plain"}"#.utf8)) == "plain")
    #expect(ChatWire.errorMessage(in: Array("<html>gateway</html>".utf8)) == "<html>gateway</html>")
    #expect(ChatWire.errorMessage(in: []) == "(empty body)")
  }
}
