import Foundation
import Testing
@testable import DataPrep

/// Builds texts and runs the dedup stages over temporary JSONL files.
enum DedupFixture {
  /// `count` pseudo-random words from a fixed vocabulary (the same for the same seed).
  static func words(_ count: Int, seed: UInt64) -> [String] { RandomWords.words(count, seed: seed) }

  static func text(_ count: Int, seed: UInt64) -> String { RandomWords.text(count, seed: seed) }

  static func line(_ id: String, _ text: String) -> String {
    JSONWriter().string(of: ["id": .string(id), "text": .string(text)])
  }

  static func file(_ lines: [String]) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("dedup-test-\(UUID().uuidString).jsonl").path
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  struct Run {
    var output: [String]
    var result: DedupResult
    var table: SketchTable
    var clusters: [String]
  }

  static func run(_ lines: [String], options: DedupOptions = DedupOptions(), against: [[String]] = []) throws -> Run {
    let input = try file(lines)
    let references = try against.map { try file($0) }
    defer {
      unlink(input)
      for path in references { unlink(path) }
    }
    let outPath = input + ".out"
    defer { unlink(outPath) }
    let run = try Deduplicator(options: options).run(input: input, against: references, output: outPath)
    let (table, result) = (run.table, run.result)
    let output = try String(contentsOfFile: outPath, encoding: .utf8).split(separator: "\n").map(String.init)
    let clusters = result.clusters.map { JSONWriter().string(of: $0.jsonValue(label: table.label)) }
    return Run(output: output, result: result, table: table, clusters: clusters)
  }

  static func ids(_ output: [String]) -> [String] {
    output.compactMap { line in (try? JSONParser().parse(line))?["id"]?.stringValue }
  }
}

@Suite struct DedupTests {
  typealias F = DedupFixture

  @Test func exactDuplicatesAfterNormalisationAreRemoved() throws {
    let base = F.text(60, seed: 1)
    let run = try F.run([
      F.line("a", base), F.line("b", base.uppercased() + "!!"), F.line("c", F.text(60, seed: 2)),
    ])
    #expect(F.ids(run.output) == ["a", "c"])
    #expect(run.result.summary.exactDuplicates == 1)
    #expect(run.clusters.first?.contains(#""kind":"exact","kept":"a""#) == true)
  }

  @Test func nearDuplicatesAreRemovedAndDistinctTextsKept() throws {
    var words = F.words(200, seed: 3)
    words[100] = "changed"
    let run = try F.run([
      F.line("a", F.text(200, seed: 3)), F.line("b", words.joined(separator: " ")), F.line("c", F.text(200, seed: 4)),
    ])
    #expect(F.ids(run.output) == ["a", "c"])
    #expect(run.result.summary.nearDuplicates == 1)
    let cluster = try #require(run.result.clusters.first)
    #expect(cluster.kind == .near)
    #expect(cluster.removed.first?.similarity ?? 0 > 0.85)
  }

  @Test func exactVerificationUsesTrueJaccard() throws {
    var options = DedupOptions()
    options.verification = .exact
    var words = F.words(200, seed: 3)
    words[100] = "changed"
    let run = try F.run([F.line("a", F.text(200, seed: 3)), F.line("b", words.joined(separator: " "))], options: options)
    // 196 shingles each, 5 differ: Jaccard 191 / 201.
    let similarity = try #require(run.result.clusters.first?.removed.first?.similarity)
    #expect(abs(similarity - 191.0 / 201.0) < 1e-9)
  }

  @Test func halfAndHalfPartialCopyIsFound() throws {
    let a = F.words(300, seed: 5)
    let b = F.words(300, seed: 6)
    let partial = (a[150...] + b[..<150]).joined(separator: " ")
    let run = try F.run([F.line("a", a.joined(separator: " ")), F.line("b", b.joined(separator: " ")), F.line("p", partial)])
    #expect(F.ids(run.output) == ["a", "b"])
    #expect(run.result.summary.partialCopies == 1)
    let cluster = try #require(run.result.clusters.first)
    #expect(cluster.kind == .partial)
    let sources = Set(cluster.removed[0].sources.map { run.table.ids[$0.record] })
    #expect(sources == ["a", "b"])
  }

  @Test func recordEmbeddedInAnotherIsAPartialCopyAndOnlyOneGoes() throws {
    let inner = F.text(200, seed: 7)
    let outer = F.text(100, seed: 8) + " " + inner + " " + F.text(100, seed: 9)
    let run = try F.run([F.line("outer", outer), F.line("inner", inner)])
    #expect(F.ids(run.output) == ["outer"])
    #expect(run.result.summary.partialCopies == 1)
  }

  @Test func partialDetectionCanBeTurnedOffAndIsOffForExamples() throws {
    let inner = F.text(200, seed: 7)
    let outer = F.text(100, seed: 8) + " " + inner
    var options = DedupOptions()
    options.partial = false
    #expect(try F.run([F.line("o", outer), F.line("i", inner)], options: options).output.count == 2)
    let chat = { (id: String, text: String) in
      JSONWriter().string(of: ["id": .string(id), "messages": [["role": "user", "content": .string(text)]]])
    }
    #expect(try F.run([chat("o", outer), chat("i", inner)]).output.count == 2)
  }

  @Test func keepPolicies() throws {
    let base = F.words(200, seed: 10)
    let lines = [
      F.line("mid", base[..<190].joined(separator: " ")),
      F.line("long", base.joined(separator: " ")),
      F.line("short", base[..<185].joined(separator: " ")),
    ]
    var options = DedupOptions()
    options.partial = false
    options.threshold = 0.9
    #expect(F.ids(try F.run(lines, options: options).output) == ["mid"])
    options.keep = .longest
    #expect(F.ids(try F.run(lines, options: options).output) == ["long"])
    options.keep = .shortest
    #expect(F.ids(try F.run(lines, options: options).output) == ["short"])
  }

  @Test func keepTiesGoToTheEarliestRecord() throws {
    let text = F.text(50, seed: 11)
    var options = DedupOptions()
    options.keep = .longest
    #expect(F.ids(try F.run([F.line("x", text), F.line("y", text)], options: options).output) == ["x"])
  }

  @Test func dropAllRemovesEveryMember() throws {
    let text = F.text(80, seed: 12)
    var options = DedupOptions()
    options.dropAll = true
    let run = try F.run([F.line("a", text), F.line("b", text), F.line("c", F.text(80, seed: 13))], options: options)
    #expect(F.ids(run.output) == ["c"])
    #expect(run.clusters.first?.contains(#""kept":null"#) == true)
  }

  @Test func againstRemovesRecordsDuplicatingAReference() throws {
    let old = F.text(120, seed: 14)
    var near = F.words(120, seed: 14)
    near[60] = "edited"
    let run = try F.run(
      [F.line("new1", near.joined(separator: " ")), F.line("new2", F.text(120, seed: 15))],
      against: [[F.line("old", old)]])
    #expect(F.ids(run.output) == ["new2"])
    #expect(run.result.summary.recordsIn == 2)
    #expect(run.clusters.first?.contains(#""kept":"old""#) == true)
  }

  @Test func againstAlsoRemovesPartialCopiesOfAReference() throws {
    let old = F.text(300, seed: 20)
    let copied = F.words(300, seed: 20)[50..<250].joined(separator: " ")
    let run = try F.run([F.line("new", copied), F.line("other", F.text(200, seed: 21))], against: [[F.line("old", old)]])
    #expect(F.ids(run.output) == ["other"])
    #expect(run.result.summary.partialCopies == 1)
    #expect(run.clusters.first?.contains(#""kind":"partial","kept":"old","kept_file":"#) == true)
  }

  @Test func emptyTextsAreExactDuplicatesOfEachOther() throws {
    let run = try F.run([F.line("a", ""), F.line("b", "  !! "), F.line("c", F.text(20, seed: 22))])
    #expect(F.ids(run.output) == ["a", "c"])
  }

  @Test func resultsDoNotDependOnJobs() throws {
    var lines: [String] = []
    for i in 0..<400 {
      let seed = UInt64(i % 150)
      var words = F.words(80 + Int(seed % 7) * 20, seed: seed)
      if i >= 150 { words[i % words.count] = "edit\(i)" }
      lines.append(F.line("r\(i)", words.joined(separator: " ")))
    }
    var one = DedupOptions()
    one.jobs = 1
    var four = DedupOptions()
    four.jobs = 4
    let a = try F.run(lines, options: one)
    let b = try F.run(lines, options: four)
    #expect(a.output == b.output)
    #expect(a.clusters == b.clusters)
    #expect(a.table.signatures == b.table.signatures)
    #expect(a.result.summary.recordsOut < 400)
  }

  @Test func bandRangeStagesGiveTheSameClustersAsOneRun() throws {
    var lines: [String] = []
    for i in 0..<120 {
      var words = F.words(100, seed: UInt64(i % 40))
      words[i % 100] = "x\(i)"
      lines.append(F.line("r\(i)", words.joined(separator: " ")))
    }
    let path = try F.file(lines)
    defer { unlink(path) }
    let dedup = Deduplicator(options: DedupOptions())
    let table = try dedup.sketch(input: path)
    let bands = DedupOptions().lshIndex.bands
    let whole = dedup.resolve(table, edges: dedup.verify(dedup.candidatePairs(table), in: table))
    let split = (0..<bands).chunked(3).flatMap { range in
      dedup.verify(dedup.candidatePairs(table, bandRange: range), in: table)
    }
    let staged = dedup.resolve(table, edges: split.reversed())
    #expect(whole.kept == staged.kept)
    #expect(whole.clusters.map { JSONWriter().string(of: $0.jsonValue(label: table.label)) }
      == staged.clusters.map { JSONWriter().string(of: $0.jsonValue(label: table.label)) })
    #expect(whole.summary.nearDuplicates > 0)
  }

  @Test func cjkNearDuplicatesAreFoundWithCharacterShingles() throws {
    let base = "数据清洗是训练语言模型之前最重要的步骤之一重复的文本会让模型记住训练数据而不是学会泛化所以需要去除完全相同和几乎相同的文档"
    let edited = base.replacingOccurrences(of: "最重要", with: "很重要")
    var options = DedupOptions()
    options.threshold = 0.7
    let run = try F.run([F.line("a", base), F.line("b", edited), F.line("c", String(base.reversed()))], options: options)
    #expect(F.ids(run.output) == ["a", "c"])
    #expect(run.result.summary.nearDuplicates == 1)
  }

  @Test func recordsAreWrittenByteForByte() throws {
    let line = #"{"z":1,"text":"Some text here that is kept","a":{"b":[1,2.50,"x\/y"]}}"#
    #expect(try F.run([line]).output == [line])
  }

  @Test func idsFallBackToMetadataIdThenLine() {
    #expect(SketchBuilder.recordID(o(["metadata": ["id": "m"]]), line: 3, path: nil) == "m")
    #expect(SketchBuilder.recordID(o(["id": 7]), line: 3, path: nil) == "7")
    #expect(SketchBuilder.recordID(o(["text": "t"]), line: 3, path: nil) == "line:3")
    #expect(SketchBuilder.recordID(o(["text": "t"]), line: 3, path: "old.jsonl") == "old.jsonl:line:3")
  }

  @Test func badJSONLineIsReportedWithFileAndLine() throws {
    let path = try F.file([F.line("a", "x y z"), "{\"id\": oops}"])
    defer { unlink(path) }
    #expect {
      _ = try Deduplicator(options: DedupOptions()).sketch(input: path)
    } throws: { error in
      guard case InputError.badJSON(let p, let line, _, _) = error else { return false }
      return p == path && line == 2
    }
  }

  @Test func nonObjectAndTextlessLinesAreReported() throws {
    let path = try F.file(["[1,2]"])
    defer { unlink(path) }
    #expect(throws: InputError.notAnObject(path: path, line: 1, type: "array")) {
      _ = try Deduplicator(options: DedupOptions()).sketch(input: path)
    }
    let noText = try F.file([#"{"id":"a","body":"x"}"#])
    defer { unlink(noText) }
    #expect(throws: DedupError.noText(path: noText, line: 1, field: nil)) {
      _ = try Deduplicator(options: DedupOptions()).sketch(input: noText)
    }
    var options = DedupOptions()
    options.field = "body.missing"
    #expect(throws: DedupError.noText(path: noText, line: 1, field: "body.missing")) {
      _ = try Deduplicator(options: options).sketch(input: noText)
    }
  }

  @Test func fieldPathSelectsTheText() throws {
    var options = DedupOptions()
    options.field = "meta.body"
    let text = F.text(40, seed: 16)
    let line = { (id: String, body: String) in
      JSONWriter().string(of: ["id": .string(id), "text": "same", "meta": ["body": .string(body)]])
    }
    #expect(F.ids(try F.run([line("a", text), line("b", F.text(40, seed: 17))], options: options).output) == ["a", "b"])
  }

  @Test func signaturePartsRoundTripAndCheckSettings() throws {
    let path = try F.file([F.line("a", F.text(50, seed: 18)), F.line("b", F.text(50, seed: 18))])
    let part = path + ".sig"
    defer { unlink(path); unlink(part) }
    let options = DedupOptions()
    let table = try Deduplicator(options: options).sketch(input: path)
    let out = try OutputFile(path: part)
    try SignaturePartFile.write(table, settings: options.fileSettings, to: out)
    try out.commit()
    let file = try SignaturePartFile(path: part, settings: options.fileSettings)
    #expect(file.count == 2 && file.permutations == table.permutations && file.hasSets)
    #expect(try file.read(.signatures, 0..<(2 * table.permutations), as: UInt32.self) == table.signatures)
    #expect(try file.read(.exactHashes, 0..<2, as: UInt64.self) == table.exactHashes)
    #expect(try file.read(.shingleSets, 0..<table.shingleSets.count, as: UInt64.self) == table.shingleSets)
    #expect(try file.read(.samples, 0..<table.samples.count, as: UInt64.self) == table.samples)
    // A read past the part is an error, not a crash.
    #expect(throws: DedupError.self) { _ = try file.read(.lines, 1..<3, as: Int32.self) }
    var other = options
    other.ngram = 3
    #expect(throws: DedupError.self) { _ = try SignaturePartFile(path: part, settings: other.fileSettings) }
    #expect(throws: DedupError.badIntermediate(path: path, reason: "not a dedup signatures part")) {
      _ = try SignaturePartFile(path: path, settings: options.fileSettings)
    }
  }
}

@Suite struct DedupRecordShapeTests {
  @Test func onlyDocumentsAndTextExamplesCountAsDocuments() {
    #expect(RecordText.isDocument(o(["text": "doc"])))
    #expect(!RecordText.isDocument(o(["messages": [["role": "user", "content": "hi"]]])))
    #expect(!RecordText.isDocument(o(["prompt": "p", "completion": "c", "text": "t"])))
    #expect(!RecordText.isDocument(o(["other": 1])))
  }
}

@Suite struct RecordTextDedupShapeTests {
  @Test func textOfEachShape() {
    #expect(RecordText.text(of: o(["text": "doc"])) == "doc")
    let chat = o(["messages": [["role": "user", "content": "hi"], ["role": "assistant", "content": "yo"]]])
    #expect(RecordText.text(of: chat) == "hi\nyo")
    #expect(RecordText.text(of: o(["prompt": "p", "completion": "c"])) == "p\nc")
    #expect(RecordText.text(of: o(["instruction": "i", "input": "", "output": "o"])) == "i\no")
    #expect(RecordText.text(of: o(["conversations": [["from": "human", "value": "q"], ["from": "gpt", "value": "a"]]])) == "q\na")
    #expect(RecordText.text(of: o(["other": 1])) == nil)
    #expect(RecordText.text(of: o(["a": ["b": "deep"]]), field: "a.b") == "deep")
  }
}

/// The object of a JSON literal (tests only).
func o(_ value: JSONValue) -> JSONObject { value.objectValue! }

extension Range where Bound == Int {
  /// Consecutive sub-ranges of `size` elements (the last may be shorter).
  func chunked(_ size: Int) -> [Range<Int>] {
    stride(from: lowerBound, to: upperBound, by: size).map { $0..<Swift.min($0 + size, upperBound) }
  }
}
