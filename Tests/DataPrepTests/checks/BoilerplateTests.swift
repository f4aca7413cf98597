import Foundation
import Testing
@testable import DataPrep

/// `boilerplate`: lines found in the answers of many different sources.
@Suite struct BoilerplateTests {
  typealias Support = ValidationTestSupport

  static let footer = "Copyright 1996-2024 The PostgreSQL Global Development Group"

  /// An example from `source` (or none) whose answer is a unique sentence plus `extra` lines.
  static func example(_ i: Int, source: String?, extra: [String] = []) -> String {
    func quoted(_ s: String) -> String { JSONWriter().string(of: .string(s)) }
    let answer = (["Answer \(i) explains topic \(i * 7) in detail."] + extra).joined(separator: "\n")
    let metadata = source.map { #","metadata":{"source_id":\#(quoted($0))}"# } ?? ""
    return #"{"messages":[{"role":"user","content":"Explain topic \#(i)."},{"role":"assistant","content":\#(quoted(answer))}]\#(metadata)}"#
  }

  static func findings(_ lines: [String], options: ValidationOptions = ValidationOptions()) throws -> [ValidationFinding] {
    try Support.run(lines, options: options).findings.filter { $0.check == .boilerplate }
  }

  @Test func aLineInTheAnswersOfFiveSourcesIsReportedOnceWithCounts() throws {
    // 120 examples from 40 sources (3 each, interleaved); the footer is in sources 0-5 (18 examples).
    let lines = (0..<120).map { i in
      Self.example(i, source: "doc\(i % 40)", extra: i % 40 < 6 ? ["", "  | \(Self.footer) |  "] : [])
    }
    let found = try Self.findings(lines)
    #expect(found.count == 2)
    let summary = try #require(found.first)
    #expect(summary.line == nil)
    #expect(summary.severity == .warning)
    #expect(summary.message.contains("18 of 120 examples (15%)"))
    #expect(summary.message.contains("1 boilerplate lines"))
    #expect(summary.message.contains("of the 40 sources"))
    let line = try #require(found.last)
    #expect(line.line == 1)  // the first example holding it
    #expect(line.message.contains(Self.footer))
    #expect(line.message.contains("6 different sources (18 examples)"))
    #expect(try !Support.run(lines).failed(strict: false))  // a warning: build and CI still pass
  }

  @Test func fourSourcesOneSourceCodeAndShortLinesAreNotBoilerplate() throws {
    let lines = (0..<120).map { i -> String in
      var extra: [String] = []
      if i % 40 < 4 { extra.append("Only four sources share this line.") }
      if i % 40 == 7 { extra.append("One source repeats this line in every example.") }  // 3 examples, 1 source
      extra += ["```", "SELECT count(*) FROM pg_class WHERE relkind = 'r';", "```"]  // code, in every source
      extra.append("Next Prev")  // two words
      return Self.example(i, source: "doc\(i % 40)", extra: extra)
    }
    #expect(try Self.findings(lines).isEmpty)
  }

  @Test func withoutSourceIDsEachRecordIsItsOwnSource() throws {
    var lines = Support.cleanChatLines(120)
    for i in [3, 20, 41, 77, 99] { lines[i] = Self.example(i, source: nil, extra: [Self.footer]) }
    let found = try Self.findings(lines)
    #expect(found.last?.line == 4)
    #expect(found.last?.message.contains("5 different sources (5 examples)") == true)
    #expect(found.first?.message.contains("5 of 120 examples") == true)
  }

  @Test func theThresholdIsOnePercentOfSourcesAboveFiveHundred() throws {
    // 700 sources: the threshold is max(5, 7) = 7; a line in 6 sources is not enough, 7 is.
    let six = (0..<700).map { Self.example($0, source: nil, extra: $0 < 6 ? ["Shared by six different records here."] : []) }
    #expect(try Self.findings(six).isEmpty)
    let seven = (0..<700).map { Self.example($0, source: nil, extra: $0 < 7 ? ["Shared by seven different records here."] : []) }
    #expect(try Self.findings(seven).last?.message.contains("7 different sources") == true)
  }

  @Test func linesAreCountedAcrossTheFilesOfARun() throws {
    let train = (0..<100).map { Self.example($0, source: nil, extra: $0 < 3 ? [Self.footer] : []) }
    let validation = (100..<110).map { Self.example($0, source: nil, extra: $0 < 102 ? ["# " + Self.footer] : []) }
    let trainPath = try Support.temporaryFile(train.joined(separator: "\n") + "\n", name: "train.jsonl")
    let validationPath = try Support.temporaryFile(validation.joined(separator: "\n") + "\n", name: "validation.jsonl")
    let validator = DatasetValidator(schemaLookup: { FormatSchemas.schema(for: $0) })
    try validator.validate(path: trainPath)
    try validator.validate(path: validationPath)
    let found = validator.finish().findings.filter { $0.check == .boilerplate }
    #expect(found.last?.file == trainPath)
    #expect(found.last?.message.contains("5 different sources") == true)
    #expect(found.first?.message.contains("5 of 110 examples") == true)
  }

  @Test func theThresholdsAndSeverityAreSettableInTheConfig() throws {
    var options = ValidationOptions()
    try options.apply(
      yaml: "validate:\n  boilerplate_min_sources: 3\n  boilerplate_min_share: 0.02\n  boilerplate_max_lines: 1000\n  rules: {boilerplate: error}\n",
      path: "dataprep.yaml")
    #expect(options.boilerplateMinSources == 3 && options.boilerplateMinShare == 0.02 && options.boilerplateMaxLines == 1000)
    let lines = (0..<120).map { Self.example($0, source: nil, extra: $0 < 3 ? [Self.footer] : []) }
    let found = try Self.findings(lines, options: options)
    #expect(found.count == 2 && found.allSatisfy { $0.severity == .error })

    for bad in ["boilerplate_min_sources: 0", "boilerplate_min_share: 2", "boilerplate_max_lines: -1", "boilerplate_min_sources: many"] {
      var fresh = ValidationOptions()
      #expect(throws: ValidationConfigError.self, "\(bad)") { try fresh.apply(yaml: bad, path: "dataprep.yaml") }
    }
  }

  @Test func theLineCapStopsCountingNewLinesAndSaysSo() throws {
    var options = ValidationOptions()
    options.boilerplateMaxLines = 3
    // The first 3 distinct lines fill the table; the footer, first seen later, is not counted.
    var lines = (0..<10).map { Self.example($0, source: nil) }
    lines += (10..<20).map { Self.example($0, source: nil, extra: [Self.footer]) }
    #expect(try Self.findings(lines, options: options).isEmpty)
    var tracker = BoilerplateLines(minSources: 2, maximumLines: 1)
    let file = tracker.fileIndex("a.jsonl")
    for i in 0..<3 { tracker.add(answer: "The same line in all.\nA second line here too.", source: UInt64(i), file: file, line: i + 1) }
    let result = tracker.result(minShare: 0)
    #expect(result.truncated)
    #expect(result.lines.count == 1 && result.lines[0].sources == 3)
  }

  @Test func linesAreNormalisedAsTheScorecardDoes() {
    var seen: [String] = []
    BoilerplateLines.forEachLine("## Title of the page ##\n| a  table\tcell here |\n> - quoted list item\n```\nin code fence too\n```\nok two\n~~~\nfenced again\n~~~\n  * *bold* words after\n: ```\nin a definition fence\n  ```\n- ```\nin a list item fence\n  ```\n1. ```\nin a numbered item fence\n   ```\n> ```\nin a quoted fence\n> ```\nthe last line here") { text, _ in
      seen.append(text)
    }
    #expect(seen == ["Title of the page", "a table cell here", "quoted list item", "bold* words after", "the last line here"])
  }
}
