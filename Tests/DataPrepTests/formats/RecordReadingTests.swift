import Testing
@testable import DataPrep

/// The two readings of ``RecordReader``: validate's lenient one (``RecordReading/lenient``) and
/// convert's strict one (``RecordReading/convert``, ``ExampleParser``). Each speaker name whose
/// role differs between them is pinned for both callers.
@Suite struct RecordReadingTests {
  private func object(_ json: String) throws -> JSONObject {
    try #require(try JSONParser().parse(json).objectValue)
  }

  private func chat(_ role: String) throws -> JSONObject {
    try object(#"{"messages":[{"role":"\#(role)","content":"x"},{"role":"assistant","content":"y"}]}"#)
  }

  private func shareGPT(_ from: String) throws -> JSONObject {
    try object(#"{"conversations":[{"from":"human","value":"q"},{"from":"\#(from)","value":"x"}]}"#)
  }

  /// The role validate reads for the first message of `record`.
  private func validateRole(_ record: JSONObject, _ format: ExampleFormat, turn: Int = 0) -> ExampleMessage.Role? {
    ConversationView(record, format: .example(format)).turns[turn].role
  }

  /// The role convert reads for the first message of `record`, or its error.
  private func convertRole(_ record: JSONObject, _ format: ExampleFormat, turn: Int = 0) -> Result<ExampleMessage.Role, FormatError> {
    do throws(FormatError) {
      return .success(try ExampleParser().parse(record, as: format).messages[turn].role)
    } catch {
      return .failure(error)
    }
  }

  @Test func chatGptAndModelAreUsersToValidateAndAssistantsToConvert() throws {
    for name in ["gpt", "model"] {
      #expect(validateRole(try chat(name), .openAIChat) == .user, "\(name)")
      #expect(convertRole(try chat(name), .openAIChat) == .success(.assistant), "\(name)")
    }
  }

  @Test func chatHumanIsAUserToBoth() throws {
    #expect(validateRole(try chat("human"), .openAIChat) == .user)
    #expect(convertRole(try chat("human"), .openAIChat) == .success(.user))
  }

  @Test func chatUnknownRoleIsAUserToValidateAndRefusedByConvert() throws {
    #expect(validateRole(try chat("robot"), .openAIChat) == .user)
    #expect(
      convertRole(try chat("robot"), .openAIChat)
        == .failure(.malformed(field: "messages.0.role", problem: "unknown role `robot` (system, user, assistant, tool)")))
  }

  @Test func chatDeveloperIsAUserToValidateAndRefusedByConvert() throws {
    #expect(validateRole(try chat("developer"), .openAIChat) == .user)
    #expect(convertRole(try chat("developer"), .openAIChat) != .success(.user))
  }

  @Test func shareGPTModelIsAUserToValidateAndAnAssistantToConvert() throws {
    #expect(validateRole(try shareGPT("model"), .shareGPT, turn: 1) == .user)
    #expect(convertRole(try shareGPT("model"), .shareGPT, turn: 1) == .success(.assistant))
  }

  @Test func shareGPTUserIsAUserToBoth() throws {
    #expect(validateRole(try shareGPT("user"), .shareGPT, turn: 1) == .user)
    #expect(convertRole(try shareGPT("user"), .shareGPT, turn: 1) == .success(.user))
  }

  @Test func shareGPTNamesBothKnowReadTheSame() throws {
    let roles: [(String, ExampleMessage.Role)] = [
      ("gpt", .assistant), ("assistant", .assistant), ("system", .system), ("observation", .tool), ("tool", .tool),
    ]
    for (name, role) in roles {
      #expect(validateRole(try shareGPT(name), .shareGPT, turn: 1) == role, "\(name)")
      #expect(convertRole(try shareGPT(name), .shareGPT, turn: 1) == .success(role), "\(name)")
    }
  }

  @Test func shareGPTUnknownSpeakerIsAUserToValidateAndRefusedByConvert() throws {
    #expect(validateRole(try shareGPT("bot"), .shareGPT, turn: 1) == .user)
    #expect(
      convertRole(try shareGPT("bot"), .shareGPT, turn: 1)
        == .failure(
          .malformed(
            field: "conversations.1.from", problem: "unknown speaker `bot` (system, human, gpt, function_call, observation)")))
  }

  @Test func theTablesAreTheReadersParameter() throws {
    var lenient: [ExampleMessage.Role?] = []
    var strict: [ExampleMessage.Role?] = []
    let record = try chat("model")
    RecordReader.forEachTurn(of: record, as: .example(.openAIChat)) { lenient.append($0.role) }
    RecordReader.forEachTurn(of: record, as: .example(.openAIChat), reading: .convert) { strict.append($0.role) }
    #expect(lenient == [.user, .assistant])
    #expect(strict == [.assistant, .assistant])
    #expect(RoleNames.convertChat.role(of: "robot") == nil)
    #expect(RoleNames.chat.role(of: nil) == .user)
    #expect(RoleNames.convertShareGPT.role(of: nil) == nil)
  }

  @Test func aStrictReadingGivesTheShapesALenientOneSkips() throws {
    let record = try object(#"{"messages":[5,{"role":"user","content":"x"}]}"#)
    var lenient: [String] = []
    var strict: [String] = []
    RecordReader.forEachTurn(of: record, as: .example(.openAIChat)) { lenient.append($0.refusal == nil ? "turn" : "refusal") }
    RecordReader.forEachTurn(of: record, as: .example(.openAIChat), reading: .convert) {
      strict.append($0.refusal == nil ? "turn" : "refusal")
    }
    #expect(lenient == ["turn"])
    #expect(strict == ["refusal", "turn"])
  }

  /// The first problem convert reports for each record: the reader's refusals come in record
  /// order among the parser's own checks, as they did before the parser was built on the reader.
  private static let firstProblems: [(json: String, format: ExampleFormat, field: String, problem: String)] = [
    (#"{}"#, .openAIChat, "messages", "missing"),
    (#"{"messages":{}}"#, .openAIChat, "messages", "expected an array, found object"),
    (#"{"messages":[{"role":"user","content":"x"},"m"]}"#, .openAIChat, "messages.1", "expected an object"),
    (#"{"messages":[{"content":"x"}]}"#, .openAIChat, "messages.0.role", "missing"),
    (#"{"messages":[{"role":"robot"},7]}"#, .openAIChat, "messages.0.role", "unknown role `robot` (system, user, assistant, tool)"),
    (#"{"input":{"messages":[3]}}"#, .openAIPreference, "input.messages.0", "expected an object"),
    (#"{"input":{"messages":[]},"preferred_output":"p"}"#, .openAIPreference, "preferred_output", "expected an array, found string"),
    (#"{"input":{"messages":[]},"preferred_output":[]}"#, .openAIPreference, "non_preferred_output", "missing"),
    (#"{"prompt":[{"role":"user","content":"q"},1],"completion":[]}"#, .promptCompletion, "prompt.1", "expected an object"),
    (#"{"prompt":[{"role":"gpt","content":"q"}],"completion":[{"role":"model","content":"a"}]}"#, .promptCompletion, "prompt", "the prompt must not end with an assistant message"),
    (#"{"prompt":"q","completion":[1]}"#, .promptCompletion, "prompt", "expected `prompt` and `completion` both strings or both message lists"),
    (#"{"history":7,"system":[],"instruction":"i","output":"o"}"#, .alpaca, "system", "expected a string, found array"),
    (#"{"history":7,"instruction":"i","output":"o"}"#, .alpaca, "history", "expected an array, found integer"),
    (#"{"history":[["a","b"],["a",1]],"instruction":"i","output":"o"}"#, .alpaca, "history.1", "expected [question, answer] strings"),
    (#"{"history":[["a","b","c"]],"instruction":"i","output":"o"}"#, .alpaca, "history.0", "expected [question, answer] strings"),
    (#"{"history":[1],"output":"o"}"#, .alpaca, "instruction", "missing"),
    (#"{"system":3}"#, .shareGPT, "system", "expected a string, found integer"),
    (#"{"system":""}"#, .shareGPT, "conversations", "missing"),
    (#"{"conversations":[{"from":"human","value":"q"},[]]}"#, .shareGPT, "conversations.1", "expected an object"),
    (#"{"conversations":[{"from":"bot","value":3}]}"#, .shareGPT, "conversations.0.value", "expected a string, found integer"),
    (#"{"text":3}"#, .text, "text", "expected a string, found integer"),
  ]

  @Test func convertReportsTheFirstProblemInRecordOrder() throws {
    for item in Self.firstProblems {
      let record = try object(item.json)
      #expect(
        convertRole(record, item.format) == .failure(.malformed(field: item.field, problem: item.problem)), "\(item.json)")
    }
  }
}
