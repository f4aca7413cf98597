import Foundation
import Testing
@testable import DataPrep

/// `instruction-shape`: the last user turn before the answer must be a question or a request.
@Suite struct InstructionShapeTests {
  typealias Support = ValidationTestSupport

  static func chat(_ user: String, answer: String = "An answer of several words.") -> String {
    func quoted(_ s: String) -> String { JSONWriter().string(of: .string(s)) }
    return #"{"messages":[{"role":"user","content":\#(quoted(user))},{"role":"assistant","content":\#(quoted(answer))}]}"#
  }

  @Test(arguments: [
    "What does VACUUM do?", "How do I create an index\nwith two columns?", "Explain how VACUUM reclaims space.",
    "Summarize the section on locks.", "list the options of pg_dump", "Please describe the WAL.",
    "Write a query that counts rows.", "Continue the text: the planner", "Give an example of a join.",
    "Compare B-tree and hash indexes.", "Translate this paragraph into French.", "Rewrite it in plain words.",
    "Describe what l’option fait bien.", "Is a\nmultiline question fine?",
  ])
  func questionsAndRequestsPass(_ text: String) {
    #expect(InstructionShape.problem(text) == nil, "\(text)")
  }

  @Test(arguments: [
    "PostgreSQL 15.4 Documentation", "Chapter 3. Advanced Features", "The VACUUM command.", "Why?",
    "Explain VACUUM", "", "   ", "Table 9.1 — comparison operators", "VACUUM reclaims storage occupied by dead tuples.",
  ])
  func otherTextIsFlagged(_ text: String) {
    #expect(InstructionShape.problem(text) != nil, "\(String(reflecting: text))")
  }

  @Test func wordsAreLetterAndDigitRunsWithInnerApostrophes() {
    var words: [String] = []
    InstructionShape.forEachWord("don't stop — pg_dump v15 l’été") { words.append(String($0)); return true }
    #expect(words == ["don't", "stop", "pg", "dump", "v15", "l’été"])
  }

  @Test func aTitleInsteadOfAnInstructionIsAWarningAtItsLine() throws {
    var lines = Support.cleanChatLines(120)
    lines[4] = Self.chat("Chapter 3. Advanced Features")
    lines[9] = Self.chat("Summary")
    let report = try Support.run(lines)
    let hits = report.findings.filter { $0.check == .instructionShape }
    #expect(hits.map(\.line) == [5, 10])
    #expect(hits.allSatisfy { $0.severity == .warning && $0.file.hasSuffix("train.jsonl") })
    #expect(hits.first?.message.contains("messages.0.content") == true)
    #expect(hits.first?.message.contains("Chapter 3. Advanced Features") == true)
    #expect(hits.last?.message.contains("only 1 word") == true)
    #expect(!report.failed(strict: false))  // warnings by default: build/CI fail only on errors
    #expect(report.counts.first { $0.check == .instructionShape }?.warnings == 2)
  }

  @Test func theLastUserTurnBeforeTheAnswerIsTheOneJudged() throws {
    let multi = #"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Explain the WAL."},{"role":"assistant","content":"It logs changes."},{"role":"user","content":"Thanks a lot"},{"role":"assistant","content":"You are welcome."}]}"#
    var lines = Support.cleanChatLines(120)
    lines[0] = multi
    let report = try Support.run(lines)
    let hits = report.findings.filter { $0.check == .instructionShape }
    #expect(hits.map(\.line) == [1])
    #expect(hits.first?.message.contains("messages.3.content") == true)
  }

  @Test func noUserTurnBeforeTheAnswerIsFlagged() throws {
    var lines = Support.cleanChatLines(120)
    lines[0] = #"{"messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"assistant","content":"Hello there, ask me anything."}]}"#
    let report = try Support.run(lines)
    #expect(report.findings.contains { $0.check == .instructionShape && $0.line == 1 && $0.message.contains("no user turn") })
  }

  @Test func otherChatFormatsAreJudgedAndPlainTextIsNot() throws {
    let alpaca = (0..<3).map { #"{"instruction":"Section \#($0)","input":"","output":"Text of the section \#($0)."}"# }
    let alpacaReport = try Support.run(alpaca)
    #expect(alpacaReport.findings.filter { $0.check == .instructionShape }.count == 3)
    let completion = (0..<3).map { #"{"prompt":"The planner \#($0)","completion":" chooses a plan."}"# }
    #expect(try Support.run(completion).findings.allSatisfy { $0.check != .instructionShape })
    let text = (0..<3).map { #"{"text":"Chapter \#($0)"}"# }
    #expect(try Support.run(text).findings.allSatisfy { $0.check != .instructionShape })
  }

  @Test func theSeverityIsSettableInTheConfig() throws {
    var options = ValidationOptions()
    try options.apply(yaml: "validate:\n  rules:\n    instruction-shape: error\n", path: "dataprep.yaml")
    var lines = Support.cleanChatLines(120)
    lines[4] = Self.chat("Chapter 3. Advanced Features")
    let report = try Support.run(lines, options: options)
    #expect(report.findings.contains { $0.check == .instructionShape && $0.severity == .error && $0.line == 5 })
    #expect(report.failed(strict: false))

    try options.apply(yaml: "rules: {instruction-shape: off}", path: "dataprep.yaml")
    #expect(try Support.run(lines, options: options).findings.allSatisfy { $0.check != .instructionShape })
  }
}
