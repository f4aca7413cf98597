@testable import DataPrep

/// Records in each format, written in the key order dataprep renders, for round-trip tests.
enum FormatSamples {
  /// A format as a test varies it: prompt-completion comes in string and message-list form.
  struct Variant: CustomStringConvertible, Sendable {
    let format: ExampleFormat
    let conversational: Bool
    var description: String { format.rawValue + (conversational ? " (messages)" : "") }
    var renderer: ExampleRenderer { ExampleRenderer(conversationalPrompts: conversational) }
  }

  static let variants: [Variant] =
    ExampleFormat.allCases.map { Variant(format: $0, conversational: false) }
    + [Variant(format: .promptCompletion, conversational: true)]

  /// Records of each variant, keyed by `Variant.description`.
  static let records: [String: [String]] = [
    "openai-chat": [
      #"{"messages":[{"role":"user","content":"What is 2+2?"},{"role":"assistant","content":"4"}],"metadata":{"id":"e1","source_id":"d1","task":"faq"}}"#,
      #"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},{"role":"user","content":"Bye"},{"role":"assistant","content":"Goodbye"}]}"#,
      #"{"messages":[{"role":"user","content":"Weather in Paris?"},{"role":"assistant","tool_calls":[{"id":"call_0","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},{"role":"tool","content":"18C","tool_call_id":"call_0"},{"role":"assistant","content":"It is 18C."}],"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]}"#,
      #"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Bad","weight":0},{"role":"user","content":"Again"},{"role":"assistant","content":"Good","weight":1}]}"#,
      #"{"messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]},{"role":"assistant","content":"A cat."}]}"#,
      #"{"messages":[{"role":"assistant","content":"Just a passage."}]}"#,
    ],
    "openai-preference": [
      #"{"input":{"messages":[{"role":"system","content":"Be kind."},{"role":"user","content":"Hi"}]},"preferred_output":[{"role":"assistant","content":"Hello!"}],"non_preferred_output":[{"role":"assistant","content":"Go away."}],"metadata":{"id":"p1"}}"#
    ],
    "prompt-completion": [
      #"{"prompt":"What is 2+2?","completion":"4","metadata":{"id":"e1"}}"#,
      #"{"prompt":"","completion":"Once upon a time."}"#,
    ],
    "prompt-completion (messages)": [
      #"{"prompt":[{"role":"system","content":"Be brief."},{"role":"user","content":"What is 2+2?"}],"completion":[{"role":"assistant","content":"4"}]}"#,
      #"{"prompt":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},{"role":"user","content":"Bye"}],"completion":[{"role":"assistant","content":"Goodbye"}]}"#,
    ],
    "alpaca": [
      #"{"instruction":"Give three tips for staying healthy.","input":"","output":"Eat well, sleep, move.","metadata":{"task":"faq"}}"#,
      #"{"instruction":"Bye","input":"","output":"Goodbye","system":"Be brief.","history":[["Hi","Hello"]]}"#,
    ],
    "sharegpt": [
      #"{"conversations":[{"from":"human","value":"What is 2+2?"},{"from":"gpt","value":"4"}],"metadata":{"id":"s1"}}"#,
      #"{"conversations":[{"from":"human","value":"Hi"},{"from":"gpt","value":"Hello"},{"from":"human","value":"Bye"},{"from":"gpt","value":"Goodbye"}],"system":"Be brief."}"#,
      #"{"conversations":[{"from":"human","value":"Weather in Paris?"},{"from":"function_call","value":"{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}"},{"from":"observation","value":"18C"},{"from":"gpt","value":"It is 18C."}],"tools":"[{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}]"}"#,
    ],
    "text": [
      #"{"text":"Some text for continued pre-training.","metadata":{"id":"t1","source_id":"d1","task":"completion"}}"#
    ],
  ]
}
