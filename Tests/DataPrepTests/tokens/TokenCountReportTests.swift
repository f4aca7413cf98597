import Foundation
import Testing

@testable import DataPrep

/// ``TokenCountReport``: what `dataprep tokens` writes, made by the library.
@Suite struct TokenCountReportTests {
  /// Writes `report` on a JSONL of two texts and one record without text.
  private func written(_ report: TokenCountReport) throws -> (text: String, withoutText: Int, ids: [[Int]?]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("token-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let input = folder.appendingPathComponent("in.jsonl").path
    try #"{"text":"hello world"}"#.appending("\n{\"other\":1}\n{\"text\":\"one\"}\n").write(toFile: input, atomically: true, encoding: .utf8)
    let tokenizer = try TokenizerLocator().load("cl100k_base")
    var ids: [[Int]?] = []
    try DatasetTokenReader().forEachIDs(path: input, format: .auto, tokenizer: tokenizer) { list, _ in ids.append(list) }
    let output = folder.appendingPathComponent("out.txt").path
    let out = try OutputFile(path: output)
    let withoutText = try report.write(path: input, format: .auto, reader: DatasetTokenReader(), tokenizer: tokenizer, to: out)
    try out.commit()
    return (try String(contentsOfFile: output, encoding: .utf8), withoutText, ids)
  }

  @Test func totalIsOneLineWithTheSum() throws {
    let result = try written(.total)
    let sum = result.ids.reduce(0) { $0 + ($1?.count ?? 0) }
    #expect(result.text == "\(sum)\n")
    #expect(result.withoutText == 1)
  }

  @Test func eachIsALinePerRecordWithZeroForNoText() throws {
    let result = try written(.each)
    let lines = result.ids.map { "\($0?.count ?? 0)\n" }.joined()
    #expect(result.text == lines)
    #expect(result.text.split(separator: "\n")[1] == "0")
  }

  @Test func idsIsAJSONArrayPerRecord() throws {
    let result = try written(.ids)
    let lines = result.ids.map { "[" + ($0 ?? []).map(String.init).joined(separator: ",") + "]\n" }.joined()
    #expect(result.text == lines)
    #expect(result.withoutText == 1)
  }
}
