import Foundation
import Testing
@testable import DataPrep

/// The one detection (``DatasetFormat/detect(_:rule:)``) under each command's rule: the records
/// where validate (lenient) and convert (complete) disagree keep what each did before.
@Suite struct FormatDetectionTests {
  private func object(_ json: String) throws -> JSONObject {
    try #require(try JSONParser().parse(json).objectValue)
  }

  /// Each case: a record, what validate detects, what convert detects.
  private static let disagreements: [(json: String, lenient: DatasetFormat?, complete: ExampleFormat?)] = [
    (#"{"prompt":"Hi"}"#, .example(.promptCompletion), nil),
    (#"{"completion":"Hello"}"#, .example(.promptCompletion), nil),
    (#"{"instruction":"Sum 2 and 2"}"#, .example(.alpaca), nil),
    (#"{"input":"2 and 2","output":"4"}"#, .example(.alpaca), nil),
    (#"{"instruction":"Sum","prompt":"p","completion":"c"}"#, .example(.alpaca), .promptCompletion),
    (#"{"messages":[],"preferred_output":[]}"#, .example(.openAIPreference), .openAIChat),
    (#"{"text":"body","source":"https://example.com"}"#, .document, .text),
    (#"{"sections":[]}"#, .document, nil),
  ]

  /// Records both rules read the same way.
  private static let agreements: [(json: String, format: DatasetFormat)] = [
    (#"{"messages":[]}"#, .example(.openAIChat)),
    (#"{"input":{"messages":[]},"preferred_output":[],"non_preferred_output":[]}"#, .example(.openAIPreference)),
    (#"{"non_preferred_output":[]}"#, .example(.openAIPreference)),
    (#"{"conversations":[]}"#, .example(.shareGPT)),
    (#"{"instruction":"Sum","input":"2 and 2","output":"4"}"#, .example(.alpaca)),
    (#"{"instruction":"Sum","output":"4"}"#, .example(.alpaca)),
    (#"{"prompt":"Hi","completion":"Hello"}"#, .example(.promptCompletion)),
    (#"{"text":"body"}"#, .example(.text)),
  ]

  @Test func validateAndConvertKeepTheirOwnRuleWhereTheyDisagree() throws {
    for item in Self.disagreements {
      let record = try object(item.json)
      #expect(DatasetFormat.detect(record, rule: .lenient) == item.lenient, "\(item.json)")
      #expect(DatasetFormat.detect(record) == item.lenient, "lenient is the default: \(item.json)")
      #expect(ExampleFormat.detect(record) == item.complete, "\(item.json)")
      #expect(DatasetFormat.detect(record, rule: .complete)?.exampleFormat == item.complete, "\(item.json)")
    }
  }

  @Test func bothRulesAgreeOnCompleteRecords() throws {
    for item in Self.agreements {
      let record = try object(item.json)
      #expect(DatasetFormat.detect(record, rule: .lenient) == item.format, "\(item.json)")
      #expect(DatasetFormat.detect(record, rule: .complete) == item.format, "\(item.json)")
      #expect(ExampleFormat.detect(record).map(DatasetFormat.example) == item.format, "\(item.json)")
    }
  }

  @Test func aRecordOfNoKnownShapeIsNotDetected() throws {
    let record = try object(#"{"question":"q","answer":"a"}"#)
    #expect(DatasetFormat.detect(record, rule: .lenient) == nil)
    #expect(ExampleFormat.detect(record) == nil)
  }

  @Test func everyShapeIsAnExampleFormatOrDocumentsUnderOneName() {
    #expect(DatasetFormat.allCases == ExampleFormat.allCases.map(DatasetFormat.example) + [.document])
    for format in DatasetFormat.allCases {
      #expect(DatasetFormat(rawValue: format.rawValue) == format)
    }
    for format in ExampleFormat.allCases {
      #expect(DatasetFormat.example(format).rawValue == format.rawValue)
      #expect(DatasetFormat.example(format).exampleFormat == format)
    }
    #expect(DatasetFormat.document.rawValue == "document")
    #expect(DatasetFormat.document.exampleFormat == nil)
    #expect(DatasetFormat(rawValue: "documents") == nil)
  }

  @Test func theReportEncodesAShapeByItsName() throws {
    let data = try JSONEncoder().encode([DatasetFormat.example(.shareGPT), .document])
    #expect(String(decoding: data, as: UTF8.self) == #"["sharegpt","document"]"#)
    #expect(try JSONDecoder().decode([DatasetFormat].self, from: data) == [.example(.shareGPT), .document])
  }

  @Test func convertRefusesADocumentWhateverElseItHolds() throws {
    let document = try object(#"{"messages":[],"sections":[],"source":"s","text":"t"}"#)
    #expect(DatasetFormat.detect(document, rule: .complete) == .document)
    #expect(DatasetFormat.detect(document, rule: .lenient) == .example(.openAIChat))
    #expect(ExampleFormat.detect(document) == nil)
    #expect(DatasetFormat.detect(try object(#"{"sections":[],"source":"s"}"#), rule: .complete) == nil)
  }

  @Test func validateReportsTheMissingCompletionOfAPromptOnlyRecord() throws {
    let report = try ValidationTestSupport.run([#"{"prompt":"What is two and two?"}"#])
    #expect(report.files.first?.format == .example(.promptCompletion))
    #expect(report.findings.contains { $0.check == .schema && $0.message.contains("completion") })
    #expect(!report.findings.contains { $0.check == .unknownFormat })
  }

  @Test func convertRefusesAPromptOnlyRecordAsUndetected() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("detect-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.jsonl").path
    try #"{"prompt":"What is two and two?"}"#.appending("\n").write(toFile: input, atomically: true, encoding: .utf8)
    let writer = try JSONLWriter(path: folder.appendingPathComponent("out.jsonl").path)
    #expect {
      _ = try ExampleConverter(target: .openAIChat).convert(try JSONLReader(path: input), to: writer)
    } throws: { error in
      guard case ConvertError.undetectedFormat(_, let line, _) = error else { return false }
      return line == 1
    }
  }
}
