/// Hand-written records for each built-in schema: ones the target accepts, and ones it rejects
/// with the reason. `SchemaCasesTests` runs them through the JSON Schema validator; on top of
/// these, it derives a rejected record from each valid one per required field (removed) and
/// per top-level property (given a wrong type).
enum SchemaCases {
  struct Case {
    let schema: String
    let valid: [String]
    let invalid: [(json: String, why: String)]
  }

  static let all: [Case] = [
    Case(
      schema: "openai-chat",
      valid: [
        #"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}"#,
        #"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello","weight":1},{"role":"user","content":"Again"},{"role":"assistant","content":"Hello again","weight":0}],"metadata":{"id":"e1","source_id":"d1","task":"faq","section":"Intro"}}"#,
        #"{"messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"https://example.com/a.png","detail":"low"}}]},{"role":"assistant","content":"A cat."}]}"#,
        #"{"messages":[{"role":"user","content":"Weather in Paris?"},{"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},{"role":"tool","tool_call_id":"call_1","content":"18C"},{"role":"assistant","content":"It is 18C."}],"tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],"parallel_tool_calls":false}"#,
        #"{"messages":[{"role":"user","content":"Hi","name":"alice"},{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]}]}"#,
      ],
      invalid: [
        (#"{"messages":[]}"#, "no messages"),
        (#"{"messages":[{"role":"user","content":"Hi"}]}"#, "no assistant message"),
        (#"{"messages":[{"role":"human","content":"Hi"},{"role":"assistant","content":"Hello"}]}"#, "unknown role"),
        (#"{"messages":[{"role":"user","content":""},{"role":"assistant","content":"Hello"}]}"#, "empty content"),
        (#"{"messages":[{"role":"user"},{"role":"assistant","content":"Hello"}]}"#, "user without content"),
        (#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant"}]}"#, "assistant with neither content nor tool calls"),
        (#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello","weight":2}]}"#, "weight not 0 or 1"),
        (#"{"messages":[{"role":"user","content":"Hi","weight":1},{"role":"assistant","content":"Hello"}]}"#, "weight on a user turn"),
        (#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello","extra":1}]}"#, "unknown message key"),
        (#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}],"extra":1}"#, "unknown top-level key"),
        (#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":{"text":"x"}}]}"#, "object content"),
        (#"{"messages":[{"role":"system","content":[{"type":"text","text":"x"}]},{"role":"assistant","content":"Hello"}]}"#, "content parts on a system turn"),
        (#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":{}}}]}]}"#, "tool call arguments as an object"),
        (#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","tool_calls":[{"id":"c","type":"code","function":{"name":"f","arguments":"{}"}}]}]}"#, "tool call type not function"),
        (#"{"messages":[{"role":"user","content":"Hi"},{"role":"tool","content":"18C"},{"role":"assistant","content":"ok"}]}"#, "tool message without tool_call_id"),
        (#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}],"tools":[{"type":"function","function":{"description":"no name"}}]}"#, "tool without a name"),
        (#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}],"metadata":{"id":3}}"#, "metadata id not a string"),
        (#"{"messages":[{"role":"user","content":[{"type":"audio","data":"x"}]},{"role":"assistant","content":"Hello"}]}"#, "unknown content part"),
      ]),
    Case(
      schema: "openai-preference",
      valid: [
        #"{"input":{"messages":[{"role":"user","content":"Hi"}]},"preferred_output":[{"role":"assistant","content":"Hello!"}],"non_preferred_output":[{"role":"assistant","content":"Go away."}]}"#,
        #"{"input":{"messages":[{"role":"system","content":"Be kind."},{"role":"user","content":"Hi"}],"tools":[{"type":"function","function":{"name":"f"}}]},"preferred_output":[{"role":"assistant","content":"Hello!"}],"non_preferred_output":[{"role":"assistant","content":"No."}],"metadata":{"id":"p1"}}"#,
      ],
      invalid: [
        (#"{"input":{"messages":[]},"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}"#, "empty input"),
        (#"{"input":{"messages":[{"role":"user","content":"Hi"}]},"preferred_output":[],"non_preferred_output":[{"role":"assistant","content":"b"}]}"#, "empty preferred output"),
        (#"{"input":{"messages":[{"role":"user","content":"Hi"}]},"preferred_output":[{"role":"user","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}"#, "preferred output not from the assistant"),
        (#"{"input":{"messages":[{"role":"user","content":"Hi"}]},"preferred_output":[{"role":"assistant","content":"a"},{"role":"assistant","content":"c"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}"#, "two preferred outputs"),
        (#"{"input":{"messages":[{"role":"user","content":"Hi"}],"extra":1},"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}"#, "unknown key in input"),
        (#"{"input":{"messages":[{"role":"user","content":"Hi"}]},"preferred_output":[{"role":"assistant","content":"a","weight":1}],"non_preferred_output":[{"role":"assistant","content":"b"}]}"#, "weight in a preference output"),
      ]),
    Case(
      schema: "prompt-completion",
      valid: [
        #"{"prompt":"What is 2+2?","completion":"4"}"#,
        #"{"prompt":"","completion":"Once upon a time","metadata":{"task":"completion"}}"#,
        #"{"prompt":[{"role":"system","content":"Be brief."},{"role":"user","content":"What is 2+2?"}],"completion":[{"role":"assistant","content":"4"}]}"#,
      ],
      invalid: [
        (#"{"prompt":"What is 2+2?","completion":""}"#, "empty completion"),
        (#"{"prompt":"What is 2+2?","completion":[{"role":"assistant","content":"4"}]}"#, "mixed forms"),
        (#"{"prompt":[{"role":"user","content":"Q"}],"completion":[{"role":"user","content":"A"}]}"#, "completion not from the assistant"),
        (#"{"prompt":[{"role":"tool","content":"Q"}],"completion":[{"role":"assistant","content":"A"}]}"#, "tool role in TRL messages"),
        (#"{"prompt":[],"completion":[{"role":"assistant","content":"A"}]}"#, "empty prompt list"),
        (#"{"prompt":"Q","completion":"A","extra":1}"#, "unknown key"),
        (#"{"prompt":[{"role":"user","content":"Q","weight":1}],"completion":[{"role":"assistant","content":"A"}]}"#, "unknown message key"),
      ]),
    Case(
      schema: "alpaca",
      valid: [
        #"{"instruction":"Give three tips for staying healthy.","input":"","output":"Eat well, sleep, move."}"#,
        #"{"instruction":"Translate","input":"Hallo","output":"Hello","system":"You translate German.","history":[["Guten Tag","Good day"]],"metadata":{"id":"a1","source_id":"d","task":"faq"}}"#,
      ],
      invalid: [
        (#"{"instruction":"","input":"","output":"x"}"#, "empty instruction"),
        (#"{"instruction":"x","input":"","output":""}"#, "empty output"),
        (#"{"instruction":"x","input":"","output":"y","history":[["only one"]]}"#, "history turn without an answer"),
        (#"{"instruction":"x","input":"","output":"y","history":[["a","b","c"]]}"#, "history turn with three parts"),
        (#"{"instruction":"x","input":"","output":"y","history":[[1,2]]}"#, "history of numbers"),
        (#"{"instruction":"x","input":"","output":"y","extra":1}"#, "unknown key"),
      ]),
    Case(
      schema: "sharegpt",
      valid: [
        #"{"conversations":[{"from":"human","value":"Hi"},{"from":"gpt","value":"Hello"}]}"#,
        #"{"conversations":[{"from":"system","value":"Be brief."},{"from":"human","value":"Weather?"},{"from":"function_call","value":"{\"name\":\"w\",\"arguments\":{}}"},{"from":"observation","value":"18C"},{"from":"gpt","value":"18C"}],"system":"Be brief.","tools":"[]","metadata":{"id":"s1"}}"#,
      ],
      invalid: [
        (#"{"conversations":[{"from":"human","value":"Hi"}]}"#, "no gpt turn"),
        (#"{"conversations":[{"from":"user","value":"Hi"},{"from":"gpt","value":"Hello"}]}"#, "unknown speaker"),
        (#"{"conversations":[{"from":"human","value":""},{"from":"gpt","value":"Hello"}]}"#, "empty value"),
        (#"{"conversations":[{"from":"human"},{"from":"gpt","value":"Hello"}]}"#, "turn without a value"),
        (#"{"conversations":[{"from":"human","value":"Hi","extra":1},{"from":"gpt","value":"Hello"}]}"#, "unknown turn key"),
        (#"{"conversations":[{"from":"human","value":"Hi"},{"from":"gpt","value":"Hello"}],"tools":[]}"#, "tools not a JSON text"),
      ]),
    Case(
      schema: "text",
      valid: [
        #"{"text":"Some text for continued pre-training."}"#,
        #"{"text":"x","metadata":{"id":"t1","source_id":"d1","task":"completion"}}"#,
      ],
      invalid: [
        (#"{"text":""}"#, "empty text"),
        (#"{"text":"x","title":"y"}"#, "unknown key"),
        (#"{"text":"x","metadata":"m"}"#, "metadata not an object"),
      ]),
    Case(
      schema: "document",
      valid: [
        #"{"id":"d1","source":"a.html","format":"html","title":"T","text":"T\n\nBody","sections":[{"heading":"T","level":1,"text":"Body"}],"metadata":{"lang":"en","qa":[{"question":"Q?","answer":"A"}]}}"#
      ],
      invalid: [
        (#"{"id":"d1","source":"a.html","format":"pdf","title":"T","text":"","sections":[],"metadata":{}}"#, "unknown format"),
        (#"{"id":"d1","source":"a.html","format":"html","title":"T","text":"","sections":[{"heading":"T","level":9,"text":""}],"metadata":{}}"#, "level over 6"),
      ]),
  ]
}
