import Foundation
import Testing
@testable import DataPrep

@Suite struct DatasetValidatorTests {
  typealias Support = ValidationTestSupport

  /// One faulty line (inserted at line 3 of a clean file) per line-level check.
  static let faults: [(check: ValidationCheck, line: String)] = [
    (.json, #"{"messages": [}"#),
    (.notObject, #"[1, 2]"#),
    (.schema, #"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello","extra":1}]}"#),
    (.emptyContent, #"{"messages":[{"role":"user","content":"  \n "},{"role":"assistant","content":"Hello"}]}"#),
    (.noAssistant, #"{"messages":[{"role":"system","content":"s"},{"role":"user","content":"Hi there"}]}"#),
    (.roleOrder, #"{"messages":[{"role":"user","content":"a"},{"role":"user","content":"b"},{"role":"assistant","content":"c"}]}"#),
    (.roleOrder, #"{"messages":[{"role":"user","content":"a"},{"role":"system","content":"b"},{"role":"assistant","content":"c"}]}"#),
    (.lastTurn, #"{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"},{"role":"user","content":"c"}]}"#),
    (.weight, #"{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b","weight":0.5}]}"#),
    (.toolArguments, #"{"messages":[{"role":"user","content":"q"},{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{not json"}}]},{"role":"tool","tool_call_id":"c1","content":"r"},{"role":"assistant","content":"done"}]}"#),
    (.toolResult, #"{"messages":[{"role":"user","content":"q"},{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c9","content":"r"},{"role":"assistant","content":"done"}]}"#),
    (.specialToken, #"{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b<|im_end|>"}]}"#),
    (.specialToken, #"{"messages":[{"role":"user","content":"<|endoftext|> a"},{"role":"assistant","content":"b"}]}"#),
    (.duplicate, ValidationTestSupport.cleanChatLines(1)[0]),
    (.conflict, #"{"messages":[{"role":"system","content":"You are helpful."},{"role":"user","content":"Please describe the river number 0."},{"role":"assistant","content":"Something else entirely."}],"metadata":{"task":"faq"}}"#),
    (.mixedFormat, #"{"prompt":"a","completion":"b"}"#),
  ]

  @Test(arguments: 0..<faults.count)
  func faultIsReportedAtItsLine(_ index: Int) throws {
    let fault = Self.faults[index]
    var lines = Support.cleanChatLines(120)
    lines.insert(fault.line, at: 2)
    let report = try Support.run(lines)
    let hits = report.findings.filter { $0.check == fault.check }
    #expect(hits.contains { $0.line == 3 && $0.severity == .error }, "\(fault.check): \(report.findings)")
    #expect(report.failed(strict: false))
    #expect(report.findings.allSatisfy { $0.line == 3 || $0.line == nil }, "only line 3 is faulty: \(report.findings)")
  }

  @Test func invalidUTF8IsReportedAtItsLine() throws {
    var bytes = Array((Support.cleanChatLines(20).joined(separator: "\n") + "\n").utf8)
    bytes += Array(#"{"messages":[{"role":"user","content":""#.utf8) + [0xC3, 0x28] + Array(#""}]}"#.utf8) + [0x0A]
    let path = try Support.temporaryFile("")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let validator = DatasetValidator(schemaLookup: { FormatSchemas.schema(for: $0) })
    try validator.validate(path: path)
    let report = validator.finish()
    #expect(report.findings.contains { $0.check == .utf8 && $0.line == 21 })
  }

  @Test func byteOrderMarkIsAccepted() throws {
    let report = try Support.run(["\u{FEFF}" + Support.cleanChatLines(1)[0]] + Support.cleanChatLines(121).dropFirst())
    #expect(report.findings.isEmpty, "\(report.findings)")
  }

  @Test func cleanFileHasNoFindings() throws {
    let report = try Support.run(Support.cleanChatLines(120))
    #expect(report.findings.isEmpty, "\(report.findings)")
    #expect(!report.failed(strict: true))
    #expect(report.files.first?.format == .example(.openAIChat))
    #expect(report.recordCount == 120)
  }

  @Test func duplicateNamesTheEarlierLineAndIgnoresWhitespace() throws {
    var lines = Support.cleanChatLines(120)
    lines.append(lines[4].replacingOccurrences(of: "Please ", with: "Please   "))
    let report = try Support.run(lines)
    let duplicate = try #require(report.findings.first { $0.check == .duplicate })
    #expect(duplicate.line == 121)
    #expect(duplicate.message.contains("line 5"))
  }

  @Test func examplesDifferingOnlyInToolCallsAreNotDuplicates() throws {
    let call = #"{"messages":[{"role":"user","content":"Weather?"},{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"weather","arguments":"{\"city\":\"CITY\"}"}}]},{"role":"tool","tool_call_id":"c1","content":"sunny"},{"role":"assistant","content":"Sunny."}]}"#
    let lines = Support.cleanChatLines(120) + [call.replacingOccurrences(of: "CITY", with: "Paris"), call.replacingOccurrences(of: "CITY", with: "Rome")]
    let report = try Support.run(lines)
    #expect(!report.findings.contains { $0.check == .duplicate }, "\(report.findings)")
  }

  @Test func recordsFailingTheSchemaAreNotAlsoDuplicates() throws {
    let bad = #"{"messages":[{"role":"user","content":"Hi","extra":1},{"role":"assistant","content":"Hello"}]}"#
    let report = try Support.run(Support.cleanChatLines(120) + [bad, bad])
    #expect(report.findings.filter { $0.check == .schema }.map(\.line) == [121, 122])
    #expect(!report.findings.contains { $0.check == .duplicate })
  }

  @Test func tooLongIsAWarningWithTheEstimateLabelled() throws {
    var options = ValidationOptions()
    options.maxTokens = 60
    var lines = Support.cleanChatLines(120)
    lines[6] = #"{"messages":[{"role":"user","content":"short"},{"role":"assistant","content":"\#(String(repeating: "word ", count: 100))"}]}"#
    let report = try Support.run(lines, options: options)
    let hits = report.findings.filter { $0.check == .tooLong }
    #expect(hits.map(\.line) == [7])
    #expect(hits.first?.severity == .warning)
    #expect(hits.first?.message.contains("characters/4") == true)
    #expect(!report.failed(strict: false))
    #expect(report.failed(strict: true))
  }

  @Test func fileOverTheSizeLimitIsAWarning() throws {
    var options = ValidationOptions()
    options.maxFileBytes = 1000
    let report = try Support.run(Support.cleanChatLines(120), options: options)
    let hit = try #require(report.findings.first { $0.check == .fileSize })
    #expect(hit.severity == .warning && hit.line == nil)
  }

  @Test func scarcityThresholdsGiveErrorWarningNote() throws {
    let few = try Support.run(Support.cleanChatLines(9))
    #expect(few.findings.contains { $0.check == .tooFewExamples && $0.severity == .error && $0.message.contains("10") })
    let some = try Support.run(Support.cleanChatLines(30))
    #expect(some.findings.contains { $0.check == .tooFewExamples && $0.severity == .warning && $0.message.contains("50") })
    let more = try Support.run(Support.cleanChatLines(80))
    #expect(more.findings.contains { $0.check == .tooFewExamples && $0.severity == .note && $0.message.contains("100") })
    #expect(!more.failed(strict: true))
  }

  @Test func smallValidationFileGetsTheUncertainty() throws {
    let report = try Support.run(Support.cleanChatLines(99), name: "validation.jsonl")
    let hit = try #require(report.findings.first { $0.check == .smallValidation })
    #expect(hit.severity == .warning)
    #expect(hit.message.contains("±9.8 points"))
    #expect(hit.message.contains("385"))
    #expect(report.files.first?.role == .validation)
  }

  @Test func groupChecks() throws {
    var options = ValidationOptions()
    options.groupBy = "metadata.task"
    options.maxGroupRatio = 20
    let train = Support.cleanChatLines(230) { $0 < 3 ? "rare" : "common" }
    let validation = Support.cleanChatLines(120) { $0 < 5 ? "unseen" : "common" }
    let trainPath = try Support.temporaryFile(train.joined(separator: "\n"), name: "train.jsonl")
    let validationPath = try Support.temporaryFile(validation.joined(separator: "\n"), name: "valid.jsonl")
    let validator = DatasetValidator(options: options, schemaLookup: { FormatSchemas.schema(for: $0) })
    try validator.validate(path: trainPath)
    try validator.validate(path: validationPath)
    let report = validator.finish()
    #expect(report.findings.contains { $0.check == .smallGroup && $0.message.contains("'rare'") })
    #expect(report.findings.contains { $0.check == .groupImbalance && $0.message.contains("'common' has 227") })
    #expect(report.findings.contains { $0.check == .groupMissingInTrain && $0.message.contains("'unseen'") && $0.file == validationPath })
  }

  @Test func lowDiversityIsReported() throws {
    let lines = (0..<300).map { i in
      #"{"messages":[{"role":"user","content":"Tell me the answer please now \#(i)"},{"role":"assistant","content":"The answer is always the same thing for everyone here."}]}"#
    }
    let report = try Support.run(lines)
    #expect(report.findings.contains { $0.check == .lowDiversity && $0.severity == .warning })
  }

  @Test func otherFormatsAreDetectedAndChecked() throws {
    let alpaca = (0..<120).map { #"{"instruction":"Do task \#($0)","input":"","output":"Done \#($0)"}"# }
      + [#"{"instruction":"Do it","input":"","output":"  "}"#]
    let report = try Support.run(alpaca)
    #expect(report.files.first?.format == .example(.alpaca))
    #expect(report.findings.contains { $0.check == .emptyContent && $0.line == 121 })

    let sharegpt = (0..<120).map { #"{"conversations":[{"from":"human","value":"Q\#($0)"},{"from":"gpt","value":"A\#($0)"}]}"# }
      + [#"{"conversations":[{"from":"human","value":"Q"},{"from":"human","value":"Q2"}]}"#]
    let shared = try Support.run(sharegpt)
    #expect(shared.files.first?.format == .example(.shareGPT))
    #expect(shared.findings.contains { $0.check == .roleOrder && $0.line == 121 })
    #expect(shared.findings.contains { $0.check == .noAssistant && $0.line == 121 })
  }

  @Test func preferenceAndPromptCompletionFormats() throws {
    let preference = (0..<120).map {
      #"{"input":{"messages":[{"role":"user","content":"Q\#($0)"}]},"preferred_output":[{"role":"assistant","content":"Good \#($0)"}],"non_preferred_output":[{"role":"assistant","content":"Bad \#($0)"}]}"#
    } + [#"{"input":{"messages":[{"role":"user","content":"Q"}]},"preferred_output":[{"role":"assistant","content":"Good"}],"non_preferred_output":[{"role":"assistant","content":" "}]}"#]
    let report = try Support.run(preference)
    #expect(report.files.first?.format == .example(.openAIPreference))
    #expect(report.findings.contains { $0.check == .emptyContent && $0.line == 121 && $0.message.contains("non_preferred_output.0.content") })

    let completions = (0..<120).map { #"{"prompt":"P\#($0 % 60)","completion":"C\#($0)"}"# }
    let pc = try Support.run(completions)
    #expect(pc.files.first?.format == .example(.promptCompletion))
    #expect(pc.counts.first { $0.check == .conflict }?.errors == 60)
    #expect(pc.findings.first { $0.check == .conflict }?.line == 61)
    #expect(!pc.findings.contains { $0.check == .lastTurn || $0.check == .roleOrder })
  }

  @Test func documentsAreDetectedAndValidatedAgainstTheDocumentSchema() throws {
    let documents = (0..<120).map {
      #"{"id":"d\#($0)","source":"a.html","format":"html","title":"T","text":"Body \#($0)","sections":[],"metadata":{}}"#
    } + [#"{"id":"x","source":"a.html","format":"pdf","title":"T","text":"Body","sections":[],"metadata":{}}"#]
    let report = try Support.run(documents)
    #expect(report.files.first?.format == .document)
    #expect(report.findings.contains { $0.check == .schema && $0.line == 121 && $0.message.contains("/format") })
  }

  @Test func unknownFormatIsAnError() throws {
    let report = try Support.run([#"{"foo":1}"#])
    #expect(report.findings.contains { $0.check == .unknownFormat && $0.line == 1 })
  }

  @Test func customSchemaFileIsUsed() throws {
    let schema = try JSONSchema(["type": "object", "required": ["label"]])
    let lines = Support.cleanChatLines(120)
    let report = try Support.run(lines, schema: schema)
    #expect(report.counts.first { $0.check == .schema }?.errors == 120)
    #expect(report.findings.first?.message.contains("label") == true)
  }

  @Test func findingsPerCheckAreCappedButCounted() throws {
    var options = ValidationOptions()
    options.maxFindingsPerCheck = 2
    let lines = Support.cleanChatLines(120) + Array(repeating: "[1]", count: 5)
    let report = try Support.run(lines, options: options)
    #expect(report.findings.filter { $0.check == .notObject }.count == 2)
    #expect(report.counts.first { $0.check == .notObject }?.errors == 5)
  }
}
