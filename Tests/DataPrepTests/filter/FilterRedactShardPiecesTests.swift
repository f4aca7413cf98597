import Foundation
import Testing
import DataPrepTestSupport
@testable import DataPrep

/// The library side of sharded `filter` and `redact`: each shard's byte range run alone, its
/// report read back from JSON and joined in input order, gives one run's report and output.
@Suite struct FilterRedactShardPiecesTests {
  /// 140 records: passing, rewritten, failing for several reasons (more than three of each,
  /// so the samples kept depend on the order), private data.
  static let lines: [String] = (0..<140).map { i in
    let text: String
    switch i % 5 {
    case 0: text = FilterTestTexts.prose
    case 1: text = FilterTestTexts.prose + "\nHome | About [\(i)]\nWrite to ann\(i)@corp.com for more."
    case 2: text = "menu home about \(i)"
    case 3: text = FilterTestTexts.prose + "\nvar x = {\(i)};"
    default: text = "Lorem ipsum dolor sit amet \(i). password = Zq8!rT4mW2xLp\(i)"
    }
    return JSONWriter().string(of: ["id": .integer(Int64(i)), "text": .string(text)])
  }

  /// The byte ranges of `input` that shards `0..<count` read, as sources.
  private static func sources(_ input: String, count: Int) throws -> [ByteSource] {
    try (0..<count).map { index in
      let range = try ShardByteRange.of(path: input, shard: try Shard(index: index, count: count))
      return try ByteSource(path: input, range: range.start..<range.end, firstLine: range.firstLine)
    }
  }

  private static func options() -> QualityFilterOptions {
    var options = QualityFilterOptions()
    options.rules = [.gopherQuality, .c4, .fineweb]
    return options
  }

  @Test func filterShardReportsJoinedInInputOrderAreTheReportOfOneRun() throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write("in.jsonl", Self.lines.joined(separator: "\n") + "\n")
    let filter = QualityFilter(options: Self.options())
    let whole = try JSONLWriter(path: folder.path("whole.jsonl"))
    let one = try filter.run(inputs: [input], to: whole)
    try whole.finish()
    #expect(one.samples.count < one.failed)  // samples are capped, so their choice depends on order
    for count in [1, 2, 4, 7] {
      var joined = FilterReport()
      var bytes: [UInt8] = []
      for (index, source) in try Self.sources(input, count: count).enumerated() {
        let out = folder.path("part-\(count)-\(index).jsonl")
        let writer = try JSONLWriter(path: out)
        var part = FilterReport()
        try filter.run(source: source, to: writer, limits: .standard, report: &part)
        try writer.finish()
        let json = part.json(rules: Self.options().rules, annotated: false)
        let back = try #require(FilterReport(json: json))
        #expect(back == part)
        joined.append(back, samplesPerReason: 3)
        bytes += try Array(Data(contentsOf: URL(fileURLWithPath: out)))
      }
      #expect(joined == one, "\(count) shards")
      #expect(bytes == Array(try Data(contentsOf: URL(fileURLWithPath: folder.path("whole.jsonl")))), "\(count) shards")
    }
  }

  @Test func aDamagedFilterReportIsNotReadBack() {
    #expect(FilterReport(json: ["records": 1]) == nil)
    #expect(FilterReport(json: ["records": 1, "passed": 1, "written": 1, "rules": ["nope": ["failed": 0, "reasons": [:]]], "samples": []]) == nil)
  }

  @Test func redactShardEntriesAndSummariesJoinedInInputOrderAreOneRun() throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write("in.jsonl", Self.lines.joined(separator: "\n") + "\n")
    let run = RedactionRun()
    var oneEntries: [RedactionReportEntry] = []
    var one = RedactionSummary()
    let whole = try JSONLWriter(path: folder.path("whole.jsonl"))
    try run.run(source: try ByteSource(path: input), output: whole, summary: &one) { oneEntries.append($0) }
    try whole.finish()
    #expect(one.counts[.email] == 28 && one.counts[.secret] == 28)
    for count in [1, 2, 4, 7] {
      var joined = RedactionSummary()
      var entries: [RedactionReportEntry] = []
      var bytes: [UInt8] = []
      for (index, source) in try Self.sources(input, count: count).enumerated() {
        let out = folder.path("part-\(count)-\(index).jsonl")
        let writer = try JSONLWriter(path: out)
        var part = RedactionSummary()
        try run.run(source: source, output: writer, summary: &part) { entries.append(try #require(RedactionReportEntry(json: $0.json))) }
        try writer.finish()
        joined.add(try #require(RedactionSummary(json: part.json)))
        bytes += try Array(Data(contentsOf: URL(fileURLWithPath: out)))
      }
      #expect(joined == one, "\(count) shards")
      #expect(entries == oneEntries, "\(count) shards")
      #expect(bytes == Array(try Data(contentsOf: URL(fileURLWithPath: folder.path("whole.jsonl")))), "\(count) shards")
    }
  }

  @Test func aDamagedRedactionSummaryOrEntryIsNotReadBack() {
    #expect(RedactionSummary(json: ["records": 1]) == nil)
    #expect(RedactionSummary(json: ["records": 1, "changed": 0, "dropped": 0, "counts": ["mystery": 1]]) == nil)
    #expect(RedactionReportEntry(json: JSONObject([JSONObject.Member(key: "file", value: "a")])) == nil)
  }
}
