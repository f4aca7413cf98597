import Foundation
import Testing

@testable import DataPrep

/// The pieces of `validate --shard`: what a shard records per record reads back whole, and the
/// summaries of the checks across records join into what one pass computes.
@Suite struct ValidationShardTests {
  @Test func recordEventsReadBackWhole() throws {
    let hashes = ExampleHashes(whole: 1, prompt: UInt64.max, response: 1 << 63)
    var event = ValidationEvent(line: 12)
    event.before = [.init(check: .schema, severity: nil, message: "bad \"value\""), .init(check: .tooFewExamples, severity: .note, message: "n")]
    event.repeats = .init(hashes: hashes, passesSchema: true, hasPromptAndResponse: false, signature: [0, UInt32.max, 5])
    event.after = [.init(check: .tooLong, severity: .warning, message: "long")]
    event.answer = .init(source: nil, lines: [(digest: UInt64(9), text: Array("a line here".utf8)), (digest: UInt64.max, text: nil)])
    let back = try #require(ValidationEvent(json: try JSONParser().parse(JSONWriter().string(of: event.json))))
    #expect(back.line == 12 && back.before.map(\.message) == ["bad \"value\"", "n"] && back.before.map(\.severity) == [nil, .note])
    #expect(back.after.map(\.check) == [.tooLong])
    #expect(back.repeats?.hashes.whole == 1 && back.repeats?.hashes.prompt == UInt64.max && back.repeats?.hashes.response == 1 << 63)
    #expect(back.repeats?.signature == [0, UInt32.max, 5] && back.repeats?.passesSchema == true)
    #expect(back.answer?.source == nil && back.answer?.lines.map(\.digest) == [UInt64(9), UInt64.max])
    #expect(back.answer?.lines.map(\.text) == [Array("a line here".utf8), nil])
    #expect(ValidationEvent(json: ["l": 1, "f": [["no-such-check", nil, "m"]]]) == nil)
    #expect(ValidationEvent(json: ["l": 1, "d": [1, 2]]) == nil)
    #expect(ValidationEvent(line: 3).isEmpty)
  }

  @Test func distinctCountRegistersJoinedEstimateTheUnion() {
    var whole = DistinctCountEstimator()
    var left = DistinctCountEstimator()
    var right = DistinctCountEstimator()
    for i in 0..<5000 as Range<UInt64> {
      whole.add(i &* 0x9E37_79B9)
      if i % 3 == 0 { left.add(i &* 0x9E37_79B9) } else { right.add(i &* 0x9E37_79B9) }
    }
    left.merge(registers: right.registerBytes)
    #expect(left.registerBytes == whole.registerBytes)
    #expect(left.estimate == whole.estimate)
  }

  @Test func aSignatureAddedLaterIndexesAsTheWordsWould() {
    var byWords = NearDuplicateIndex(similarity: 0.8)
    var bySignature = NearDuplicateIndex(similarity: 0.8)
    let texts = (0..<6).map { i in (0..<40).map { UInt64(($0 + (i % 2)) * 7919) } }
    for (line, words) in texts.enumerated() {
      byWords.add(wordHashes: words, line: line + 1)
      if let signature = bySignature.signature(ofWordHashes: words) { bySignature.add(signature: signature, line: line + 1) }
    }
    #expect(bySignature.signature(ofWordHashes: []) == nil)
    let a = byWords.result()
    let b = bySignature.result()
    #expect(a.records == b.records && a.nearCopies == b.nearCopies && a.nearCopies > 0)
  }

  @Test func answerLinesReplayedAsDigestsCountAsTheAnswers() {
    let answers = (0..<12).map { "The same footer line here.\nanswer \($0) words vary a lot" }
    var whole = BoilerplateLines(minSources: 3)
    var replayed = BoilerplateLines(minSources: 3)
    let file = whole.fileIndex("a.jsonl")
    _ = replayed.fileIndex("a.jsonl")
    var given: Set<UInt64> = []
    for (i, answer) in answers.enumerated() {
      whole.add(answer: answer, source: UInt64(i % 6), file: file, line: i + 1)
      var lines: [(digest: UInt64, text: [UInt8]?)] = []
      BoilerplateLines.forEachLine(answer) { text, digest in lines.append((digest, given.insert(digest).inserted ? text : nil)) }
      replayed.add(lines: lines, source: UInt64(i % 6), file: file, line: i + 1)
    }
    let a = whole.result(minShare: 0)
    let b = replayed.result(minShare: 0)
    #expect(replayed.digestsMissingText(minShare: 0).count == 1)
    var digest: UInt64 = 0
    BoilerplateLines.forEachLine("The same footer line here.") { _, d in digest = d }
    replayed.setText(Array("The same footer line here.".utf8), digest: digest)
    let c = replayed.result(minShare: 0)
    #expect(b.lines.first?.text == "")
    #expect(c.lines.map(\.text) == a.lines.map(\.text) && c.lines.map(\.sources) == a.lines.map(\.sources))
    #expect(c.affectedExamples == a.affectedExamples && c.examples == a.examples)
  }

  @Test func aPieceStartingMidFileTakesTheFormatOfTheFirstRecordBeforeIt() throws {
    let path = try ValidationTestSupport.temporaryFile(
      "\u{FEFF}\n{not json\n" + #"{"prompt":"Why?","completion":"Because."}"# + "\n" + #"{"messages":[]}"# + "\n")
    let validator = DatasetValidator()
    #expect(try validator.format(of: path, before: 0) == nil)
    #expect(try validator.format(of: path, before: 15) == nil)
    #expect(try validator.format(of: path, before: 60) == .example(.promptCompletion))
  }

  @Test func hexBytesAndValuesReadBack() {
    #expect(HexBytes.encode([0, 15, 255] as [UInt8]) == "000fff")
    #expect(HexBytes.decode("000fff") == [0, 15, 255])
    #expect(HexBytes.encode([1, UInt32.max] as [UInt32]) == "00000001ffffffff")
    #expect(HexBytes.decodeValues("00000001ffffffff") == [1, UInt32.max])
    for bad in ["0", "0g", "ABCD"] { #expect(HexBytes.decode(bad) == nil) }
    #expect(HexBytes.decodeValues("0001") == nil)
  }

  @Test func pieceSummariesReadBackAndRefuseDamage() throws {
    var summary = ValidationPieceSummary()
    summary.records = 4
    summary.bytes = 99
    summary.format = .example(.openAIChat)
    summary.diversitySampled = 17
    summary.diversityRegisters = [0, 1, 255, 16]
    summary.events = 3
    #expect(ValidationPieceSummary(json: try JSONParser().parse(JSONWriter().string(of: summary.json))) == summary)
    #expect(ValidationPieceSummary(json: ["records": 1, "bytes": 1, "trigrams": 0, "registers": "0g", "events": 0]) == nil)
    #expect(ValidationPieceSummary(json: ["records": 1, "bytes": 1, "format": "nope", "trigrams": 0, "registers": "", "events": 0]) == nil)
  }
}
