import Foundation
import Testing
@testable import DataPrep

@Suite struct ExampleConverterTests {
  private func convert(_ lines: [String], to target: ExampleFormat, from: ExampleFormat? = nil, skipInvalid: Bool = false) throws -> (ExampleConverter.Summary, [String]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.jsonl").path
    let output = folder.appendingPathComponent("out.jsonl").path
    try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
    let writer = try JSONLWriter(path: output)
    let summary = try ExampleConverter(target: target, from: from, skipInvalid: skipInvalid).convert(try JSONLReader(path: input), to: writer)
    try writer.finish()
    let text = try String(contentsOfFile: output, encoding: .utf8)
    return (summary, text.split(separator: "\n").map(String.init))
  }

  @Test func convertsAFileDetectingItsFormat() throws {
    let (summary, out) = try convert(FormatSamples.records["sharegpt"]!, to: .openAIChat)
    #expect(summary.from == .shareGPT)
    #expect(summary.written == 3)
    for line in out {
      #expect(BuiltinSchemaValidator.violations(try JSONParser().parse(line), schema: "openai-chat").isEmpty, "\(line)")
    }
  }

  @Test func anUnrepresentableRecordIsAnErrorNamingItsLine() throws {
    let lines = [FormatSamples.records["openai-chat"]![0], "", FormatSamples.records["openai-chat"]![1]]
    #expect {
      _ = try convert(lines, to: .promptCompletion)
    } throws: { error in
      guard case ConvertError.badRecord(_, let line, .unrepresentable(.promptCompletion, _)) = error else { return false }
      return line == 3 && error.localizedDescription.contains(":3: cannot be written as prompt-completion")
    }
  }

  @Test func skipInvalidSkipsAndCounts() throws {
    let lines = FormatSamples.records["openai-chat"]!
    let (summary, out) = try convert(lines, to: .alpaca, skipInvalid: true)
    #expect(summary.written == 2)
    #expect(summary.skipped == lines.count - 2)
    #expect(out.count == 2)
    #expect(summary.skippedErrors.count == summary.skipped)
    let report = summary.report(target: .alpaca).split(separator: "\n")
    #expect(report.first == "convert: 2 records openai-chat -> alpaca, \(summary.skipped) skipped")
    #expect(report.count == 1 + summary.skipped)
    #expect(report.dropFirst().allSatisfy { $0.hasPrefix("  skipped ") })
  }

  @Test func unknownFirstRecordIsAnError() throws {
    #expect {
      _ = try convert([#"{"question":"q"}"#], to: .openAIChat)
    } throws: { error in
      guard case ConvertError.undetectedFormat(_, 1, ["question"]) = error else { return false }
      return error.localizedDescription.contains("use `from` to name it")
    }
  }

  @Test func documentsAreSentToInstruct() throws {
    let document = #"{"id":"d","source":"a.html","format":"html","title":"T","text":"x","sections":[],"metadata":{}}"#
    #expect {
      _ = try convert([document], to: .openAIChat)
    } throws: { error in
      guard case ConvertError.documentsGiven(_, 1) = error else { return false }
      return error.localizedDescription.contains("dataprep instruct")
    }
  }

  @Test func fromForcesTheInputFormat() throws {
    #expect(throws: ConvertError.self) {
      _ = try convert(FormatSamples.records["text"]!, to: .openAIChat, from: .alpaca)
    }
  }

  @Test func promptCompletionKeepsItsMessageListForm() throws {
    let (_, out) = try convert(FormatSamples.records["prompt-completion (messages)"]!, to: .promptCompletion)
    let expected = FormatSamples.records["prompt-completion (messages)"]!
    #expect(out.count == expected.count)
    for (line, want) in zip(out, expected) {
      #expect(JSONEquality.equal(try JSONParser().parse(line), try JSONParser().parse(want)), "\(line)")
    }
  }
}
