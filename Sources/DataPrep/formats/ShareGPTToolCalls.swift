/// How ShareGPT (LLaMA-Factory's layout) holds tool use: a `function_call` turn whose value is
/// the JSON text `{"name", "arguments"}` (an array of them for parallel calls), an
/// `observation` turn with the result, and `tools` as the JSON text of the function list.
///
/// ShareGPT has no call ids: reading gives the calls ids `call_0`, `call_1`, ... in order, and a
/// tool result answers the latest call.
enum ShareGPTToolCalls {
  /// The id given to the `index`th call of a conversation (0-based).
  static func callID(_ index: Int) -> String { "call_\(index)" }

  /// The calls a `function_call` value holds.
  static func parse(_ value: String, at field: String, firstIndex: Int) throws(FormatError) -> [ExampleMessage.ToolCall] {
    let parsed: JSONValue
    do { parsed = try JSONParser().parse(value) } catch {
      throw .malformed(field: field, problem: "a function_call value must be the JSON text of {\"name\", \"arguments\"}")
    }
    let objects = parsed.arrayValue ?? [parsed]
    var calls: [ExampleMessage.ToolCall] = []
    for object in objects {
      guard let name = object["name"]?.stringValue else {
        throw .malformed(field: field, problem: "a function call needs a string `name`")
      }
      let arguments: String
      switch object["arguments"] {
      case .string(let text)?: arguments = text
      case nil, .null?: arguments = "{}"
      case let value?: arguments = JSONWriter().string(of: value)
      }
      calls.append(ExampleMessage.ToolCall(id: callID(firstIndex + calls.count), name: name, arguments: arguments))
    }
    return calls
  }

  /// The `function_call` value for `calls`: arguments written as JSON when they parse as JSON.
  static func render(_ calls: [ExampleMessage.ToolCall]) -> String {
    let objects: [JSONValue] = calls.map { call in
      let arguments = (try? JSONParser().parse(call.arguments)) ?? .string(call.arguments)
      return ["name": .string(call.name), "arguments": arguments]
    }
    return JSONWriter().string(of: objects.count == 1 ? objects[0] : .array(objects))
  }

  /// OpenAI-shaped tool definitions from ShareGPT's `tools` (a JSON text of function objects).
  static func parseTools(_ value: JSONValue) throws(FormatError) -> [JSONValue] {
    var list = value
    if let text = value.stringValue {
      if text.isEmpty { return [] }
      do { list = try JSONParser().parse(text) } catch {
        throw .malformed(field: "tools", problem: "expected the JSON text of a list of functions")
      }
    }
    guard let functions = list.arrayValue ?? (list.objectValue != nil ? [list] : nil) else {
      throw .malformed(field: "tools", problem: "expected the JSON text of a list of functions")
    }
    return functions.map { function in
      if function["type"] != nil { return function }
      return ["type": "function", "function": function]
    }
  }

  /// ShareGPT's `tools` text for OpenAI-shaped definitions.
  static func renderTools(_ tools: [JSONValue]) -> String {
    let functions = tools.map { tool in tool["type"]?.stringValue == "function" ? (tool["function"] ?? tool) : tool }
    return JSONWriter().string(of: .array(functions))
  }
}
