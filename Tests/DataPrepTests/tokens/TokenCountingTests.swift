import Foundation
import Testing

@testable import DataPrep

@Suite struct TokenCountingTests {
  /// The tiny tokenizer: single bytes, plus "ab", "cd", "abcd".
  func tiny() throws -> Tokenizer {
    let folder = TokenizerFixtures.folder()
    return try Tokenizer(tiktokenFile: TokenizerFixtures.rankFile(in: folder, name: "x.tiktoken").path, encoding: .o200kBase)
  }

  func object(_ json: String) throws -> JSONObject {
    guard case .object(let object) = try JSONParser().parse(json) else { throw JSONParseError(column: 1, message: "not an object") }
    return object
  }

  @Test func chatExamplesCountThePerMessageOverhead() throws {
    let counter = ExampleTokenCounter(tokenizer: try tiny())
    // 3 + "user" (4) + "ab" (1), then 3 priming.
    let one = try #require(counter.count(try object(#"{"messages":[{"role":"user","content":"ab"}]}"#)))
    #expect(one.total == 11)
    #expect(one.byRole == [.init(role: "user", tokens: 1)])
    // A name costs its tokens plus 1.
    let named = try #require(counter.count(try object(#"{"messages":[{"role":"user","name":"cd","content":"ab"}]}"#)))
    #expect(named.total == 13)
    // ShareGPT turns count like messages.
    let shareGPT = try #require(counter.count(try object(#"{"conversations":[{"from":"gpt","value":"abcd"}]}"#)))
    #expect(shareGPT.total == 3 + 3 + 1 + 3)
  }

  @Test func otherFormatsCountTheirTextWithoutOverhead() throws {
    let counter = ExampleTokenCounter(tokenizer: try tiny())
    let completion = try #require(counter.count(try object(#"{"prompt":"ab","completion":"cd x"}"#)))
    #expect(completion.total == 1 + 3)
    #expect(completion.byRole.map(\.role) == ["prompt", "completion"])
    #expect(counter.count(try object(#"{"text":"abcd"}"#))?.total == 1)
    #expect(counter.count(try object(#"{"nothing":"here"}"#)) == nil)
  }

  @Test func preferenceRecordsCountTheLongerOutput() throws {
    let counter = ExampleTokenCounter(tokenizer: try tiny())
    let record = try object(
      #"{"input":{"messages":[{"role":"user","content":"ab"}]},"preferred_output":[{"role":"assistant","content":"ab"}],"non_preferred_output":[{"role":"assistant","content":"a b c"}]}"#)
    // input 3+4+1, output 3+9+content, priming 3; "a b c" is 5 tokens.
    #expect(counter.count(record)?.total == 8 + 3 + 9 + 5 + 3)
  }

  @Test func statisticsReportPercentilesHistogramAndTruncation() {
    var statistics = TokenStatistics()
    for total in 1...100 { statistics.add(ExampleTokenCount(total: total, byRole: [.init(role: "user", tokens: total)])) }
    statistics.addRecordWithoutText()
    let summary = statistics.summary(maxTokens: 90)
    #expect(summary.records == 101 && summary.recordsWithoutText == 1)
    #expect(summary.minimum == 1 && summary.median == 50 && summary.p90 == 90 && summary.p99 == 99 && summary.maximum == 100)
    #expect(summary.totalTokens == 5050)
    #expect(summary.truncation == .init(maxTokens: 90, records: 10, tokensCut: 55))
    #expect(summary.histogram.map(\.records).reduce(0, +) == 100)
    #expect(summary.histogram.last?.upper == nil)
    #expect(summary.roles == [.init(role: "user", tokens: 5050, records: 100)])
    let text = summary.text(title: "data.jsonl", tokenizer: "o200k_base")
    #expect(text.contains("data.jsonl: 101 records (1 without text)"))
    #expect(text.contains("median 50, p90 90, p99 99, max 100"))
    #expect(text.contains("`maxTokens` 90: 10 of 100 records (10.0%) would be truncated, 55 tokens cut"))
    #expect(summary.json["per_record"]?["p99"] == 99)
  }

  @Test func theSameCountsInAnotherOrderGiveTheSameSummary() {
    var forward = TokenStatistics()
    var backward = TokenStatistics()
    let totals = [5, 1, 9, 3, 7]
    for total in totals { forward.add(ExampleTokenCount(total: total, byRole: [])) }
    for total in totals.reversed() { backward.add(ExampleTokenCount(total: total, byRole: [])) }
    #expect(forward.summary() == backward.summary())
  }

  @Test func datasetReaderGivesOneTextPerJSONLLine() throws {
    let folder = TokenizerFixtures.folder()
    let url = folder.appendingPathComponent("data.jsonl")
    try """
      {"text":"abcd"}
      {"messages":[{"role":"user","content":"ab"},{"role":"assistant","content":"cd"}]}
      {"other":1}
      """.write(to: url, atomically: true, encoding: .utf8)
    let tokenizer = try tiny()
    var texts: [String?] = []
    try DatasetTokenReader().forEachText(path: url.path, format: .auto) { text, _ in texts.append(text) }
    #expect(texts == ["abcd", "ab\ncd", nil])
    #expect(texts.compactMap { $0.map { tokenizer.count($0) } } == [1, 3])
    let statistics = try DatasetTokenReader().statistics(path: url.path, counter: ExampleTokenCounter(tokenizer: tokenizer))
    let summary = statistics.summary()
    #expect(summary.records == 3 && summary.recordsWithoutText == 1)
    // 1 for the text; chat: 3+4+1 + 3+9+1 + 3 = 24.
    #expect(summary.totalTokens == 25)
    let byField = try DatasetTokenReader(field: "text").statistics(path: url.path, counter: ExampleTokenCounter(tokenizer: tokenizer))
    #expect(byField.summary().recordsWithoutText == 2)
  }

  @Test func textInputIsOneText() throws {
    let folder = TokenizerFixtures.folder()
    let url = folder.appendingPathComponent("notes.txt")
    try "line one\nline two\n".write(to: url, atomically: true, encoding: .utf8)
    var texts: [String?] = []
    try DatasetTokenReader().forEachText(path: url.path, format: .auto) { text, _ in texts.append(text) }
    #expect(texts == ["line one\nline two\n"])
    #expect(DatasetTokenReader.isJSONL("a.jsonl.gz", format: .auto))
    #expect(!DatasetTokenReader.isJSONL("a.jsonl", format: .text))
  }

  @Test func aBadJSONLLineIsNamed() throws {
    let folder = TokenizerFixtures.folder()
    let url = folder.appendingPathComponent("bad.jsonl")
    try "{\"text\":\"a\"}\n{oops\n".write(to: url, atomically: true, encoding: .utf8)
    let error = #expect(throws: InputError.self) {
      try DatasetTokenReader().forEachText(path: url.path, format: .auto) { _, _ in }
    }
    #expect(error?.localizedDescription.contains("bad.jsonl:2:") == true)
  }

  @Test func resultsAreTheSameWhateverTheThreadCount() throws {
    let folder = TokenizerFixtures.folder()
    let url = folder.appendingPathComponent("many.jsonl")
    var lines: [String] = []
    for i in 0..<300 {
      lines.append(i % 3 == 0 ? #"{"text":"abcd \#(i) ab"}"# : #"{"messages":[{"role":"user","content":"cd \#(i)"}]}"#)
      if i % 50 == 0 { lines.append("") }
    }
    try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    let tokenizer = try tiny()
    var results: [[[Int]?]] = []
    var summaries: [TokenStatisticsSummary] = []
    for jobs in [1, 3] {
      var ids: [[Int]?] = []
      try DatasetTokenReader(jobs: jobs).forEachIDs(path: url.path, format: .auto, tokenizer: tokenizer) { list, _ in ids.append(list) }
      results.append(ids)
      summaries.append(try DatasetTokenReader(jobs: jobs).statistics(path: url.path, counter: ExampleTokenCounter(tokenizer: tokenizer)).summary())
    }
    #expect(results[0].count == 300)
    #expect(results[0] == results[1])
    #expect(summaries[0] == summaries[1])
    var counts: [Int?] = []
    try DatasetTokenReader(jobs: 2).forEachCount(path: url.path, format: .auto, tokenizer: tokenizer) { count, _ in counts.append(count) }
    #expect(counts == results[0].map { $0?.count })
  }

  @Test func theFirstBadLineIsReportedWhateverTheThreadCount() throws {
    let folder = TokenizerFixtures.folder()
    let url = folder.appendingPathComponent("bad-many.jsonl")
    var lines = (0..<100).map { #"{"text":"\#($0)"}"# }
    lines[40] = "[1]"
    lines[70] = "{broken"
    try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    let tokenizer = try tiny()
    for jobs in [1, 4] {
      #expect(throws: InputError.notAnObject(path: url.path, line: 41, type: "array")) {
        try DatasetTokenReader(jobs: jobs).forEachCount(path: url.path, format: .jsonl, tokenizer: tokenizer) { _, _ in }
      }
    }
  }
}
