import Foundation
import Testing
@testable import DataPrep

/// The modes, the record walk, the streamed run and its report.
@Suite struct RedactionTests {
  static let secret = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"

  @Test func maskModeWritesTheKindsMask() throws {
    let redactor = TextRedactor()
    let result = try #require(redactor.redact("Mail ann@corp.com, key \(Self.secret), call +44 20 7946 0958."))
    #expect(result.text == "Mail <EMAIL>, key <SECRET>, call <PHONE>.")
    #expect(result.kinds == [.email, .secret, .phone])
    #expect(redactor.redact("Nothing private in here, version 1.2.3.4.") == nil)
  }

  @Test func pseudonymModeGivesTheSameStandInForTheSameValueUnderOneKey() throws {
    let redactor = TextRedactor(mode: .pseudonym(key: Array("k1".utf8)))
    let a = try #require(redactor.redact("from ann@corp.com and 8.8.8.8")).text
    let b = try #require(redactor.redact("to ann@corp.com then")).text
    let email = try #require(b.split(separator: " ").dropFirst().first.map(String.init))
    #expect(email.hasPrefix("user-") && email.hasSuffix("@example.invalid"))
    #expect(a.contains(email))
    #expect(!a.contains("ann@corp.com") && !a.contains("8.8.8.8"))
    #expect(a.contains(" 10."))
    let other = try #require(TextRedactor(mode: .pseudonym(key: Array("k2".utf8))).redact("to ann@corp.com then")).text
    #expect(other != b)
    // Stand-ins are not found again.
    #expect(PIIScanner().findings(in: a).isEmpty)
  }

  @Test func everyStringOfTheRecordIsRedactedButIdsAndRolesStay() throws {
    let value: JSONValue = [
      "id": "ann@corp.com",
      "messages": [
        ["role": "system", "content": "Reply to ann@corp.com."],
        ["role": "user", "content": .string("My key is \(Self.secret)")],
      ],
      "metadata": ["author": "bob@corp.com", "source_id": "bob@corp.com"],
    ]
    let record = try #require(value.objectValue)
    let redactor = RecordRedactor(text: TextRedactor())
    let (out, replacements) = try #require(redactor.redact(record))
    #expect(replacements.map(\.field) == ["messages[0].content", "messages[1].content", "metadata.author"])
    #expect(replacements.map(\.kind) == [.email, .secret, .email])
    let json = JSONWriter().string(of: .object(out))
    #expect(json.contains(#""id":"ann@corp.com""#))
    #expect(json.contains(#""source_id":"bob@corp.com""#))
    #expect(json.contains("Reply to <EMAIL>."))
    #expect(!json.contains(Self.secret))
  }

  static func runOnFile(
    _ lines: [String], mode: RedactionMode, jobs: Int = 1, folderName: String = "redact-\(UUID().uuidString)"
  ) throws -> (output: String, report: String, summary: RedactionSummary) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(folderName)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.jsonl").path
    try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
    let outPath = folder.appendingPathComponent("out.jsonl").path
    let reportPath = folder.appendingPathComponent("report.json").path
    let writer = try JSONLWriter(path: outPath)
    let report = try RedactionReportWriter(try OutputFile(path: reportPath))
    let summary = try RedactionRun(mode: mode, jobs: jobs).run(input: input, output: writer, report: report)
    try writer.finish()
    try report.finish(summary)
    return (try String(contentsOfFile: outPath, encoding: .utf8), try String(contentsOfFile: reportPath, encoding: .utf8), summary)
  }

  static let lines = [
    #"{"text" : "clean record, spaced as written",   "id":"a"}"#,
    #"{"text":"Write to ann@corp.com or call +1 415 555 0132.","id":"b"}"#,
    #"{"text":"password = Zq8!rT4mW2xLp9","id":"c"}"#,
  ]

  @Test func recordsWithoutAFindingAreWrittenByteForByteAndTheReportHoldsNoValue() throws {
    let (output, report, summary) = try Self.runOnFile(Self.lines, mode: .mask)
    let out = output.split(separator: "\n").map(String.init)
    #expect(out[0] == Self.lines[0])
    #expect(out[1] == #"{"text":"Write to <EMAIL> or call <PHONE>.","id":"b"}"#)
    #expect(out[2] == #"{"text":"password = <SECRET>","id":"c"}"#)
    #expect(summary.counts == [.email: 1, .phone: 1, .secret: 1])
    #expect(summary.records == 3 && summary.changed == 2)
    #expect(report.contains(#""line":2,"field":"text","kind":"email""#))
    #expect(report.contains(#""line":3,"field":"text","kind":"secret""#))
    for value in ["ann@corp.com", "415", "Zq8!rT4mW2xLp9"] { #expect(!report.contains(value)) }
    let parsed = try JSONParser().parse(Array(report.utf8))
    #expect(parsed["counts"]?["email"]?.integerValue == 1)
  }

  /// Documents: a value in `text` and again in a section, one found only in the sections of a
  /// document without text, and two values in a text whose section holds one of them.
  static let documents = [
    ##"{"id":"a","title":"Contact","text":"# Contact\n\nWrite to ann@corp.com.","sections":[{"heading":"Contact","level":1,"text":"Write to ann@corp.com."}]}"##,
    ##"{"id":"b","title":"","text":"","sections":[{"heading":"","level":0,"text":"Or to bob@corp.com."}]}"##,
    ##"{"id":"c","title":"Two","text":"cy@corp.com and di@corp.com\n\n# Two\n\ndi@corp.com","sections":[{"heading":"","level":0,"text":"cy@corp.com and di@corp.com"},{"heading":"Two","level":1,"text":"di@corp.com"}]}"##,
    ##"{"id":"d","title":"Mail","text":"Nothing here.","sections":[{"heading":"Mail","level":1,"text":"Nothing here."}],"metadata":{"author":"ed@corp.com"}}"##,
  ]

  @Test func aValueInADocumentsTextAndSectionsCountsOnceInRedactAndInBuildsRedactStage() throws {
    let (output, report, summary) = try Self.runOnFile(Self.documents, mode: .mask)
    #expect(!output.contains("@corp.com"))
    // One per value as the text reads: a, b (its sections), c's three, d's metadata.
    #expect(summary.counts == [.email: 6])
    #expect(summary.records == 4 && summary.changed == 4)
    // The report still names every field replaced, by line and kind, never the value.
    #expect(report.contains(#""line":1,"field":"text","kind":"email""#))
    #expect(report.contains(#""line":1,"field":"sections[0].text","kind":"email""#))
    #expect(report.contains(#""line":2,"field":"sections[0].text","kind":"email""#))
    #expect(report.contains(#""line":4,"field":"metadata.author","kind":"email""#))
    #expect(!report.contains("@corp.com"))
    // Build's redact stage counts through the same summary: the same figures.
    for (mode, recipeMode) in [(RedactionMode.mask, BuildRedactSettings.Mode.mask), (.dropRecord, .dropRecord)] {
      var recipe = testRecipe(["src"])
      recipe.redact.mode = recipeMode
      var screen = try DocumentScreen(recipe: recipe, environment: [:])
      for (number, line) in Self.documents.enumerated() {
        let document = try #require(try JSONParser().parse(line).objectValue)
        _ = screen.screen(document, source: "docs.jsonl", position: 0, number: number + 1)
      }
      let alone = try Self.runOnFile(Self.documents, mode: mode).summary
      #expect(screen.redaction == alone, "\(recipeMode)")
      #expect(screen.redaction?.counts == [.email: 6])
    }
  }

  @Test func dropRecordLeavesOutRecordsWithAFinding() throws {
    let (output, _, summary) = try Self.runOnFile(Self.lines, mode: .dropRecord)
    #expect(output == Self.lines[0] + "\n")
    #expect(summary.dropped == 2)
  }

  @Test func outputBytesDoNotDependOnJobs() throws {
    let many = (0..<5000).map { Self.lines[$0 % 3] }
    let name = "redact-jobs-\(UUID().uuidString)"
    let one = try Self.runOnFile(many, mode: .mask, jobs: 1, folderName: name)
    let four = try Self.runOnFile(many, mode: .mask, jobs: 4, folderName: name)
    #expect(one.output == four.output)
    #expect(one.report == four.report)
  }

  @Test func unknownKindsAreRefusedWithTheListOfKinds() {
    #expect(throws: RedactError.unknownKind("mails")) { try PIIKind.parseList("email,mails") }
    #expect((try? PIIKind.parseList("all")) == Set(PIIKind.allCases))
  }
}
