import Foundation
import Testing
@testable import DataPrep

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct JSONLReaderTests {
  func records(_ path: String) throws -> [(line: Int, value: JSONValue)] {
    var out: [(Int, JSONValue)] = []
    try JSONLReader(path: path).forEachRecord { record in
      out.append((record.line, record.value))
      return true
    }
    return out
  }

  func readError(_ path: String) -> InputError? {
    do {
      _ = try records(path)
      return nil
    } catch {
      return error as? InputError
    }
  }

  @Test func skipsBlankLinesAcceptsCRLFAndAFinalLineWithoutNewline() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("a.jsonl", "{\"a\":1}\r\n\r\n   \n{\"a\":2}\n\t\n{\"a\":3}")
    let read = try records(path)
    #expect(read.map(\.line) == [1, 4, 6])
    #expect(read.map(\.value) == [["a": 1], ["a": 2], ["a": 3]])
  }

  @Test func anEmptyOrBlankFileHasNoRecords() throws {
    let directory = try TemporaryDirectory()
    #expect(try records(directory.write("empty.jsonl", "")).isEmpty)
    #expect(try records(directory.write("blank.jsonl", "\n \r\n\t\n")).isEmpty)
  }

  @Test func scalarsAndStringsAreNotRecords() throws {
    let directory = try TemporaryDirectory()
    let strings = try directory.write("s.jsonl", "\"text\"\n")
    let numbers = try directory.write("n.jsonl", "{}\n\n12\n")
    #expect(readError(strings) == .notAnObject(path: strings, line: 1, type: "string"))
    #expect(readError(numbers) == .notAnObject(path: numbers, line: 3, type: "integer"))
    #expect(readError(numbers)?.errorDescription == "\(numbers):3: expected a JSON object, found integer")
  }

  @Test func badJSONNamesFileLineAndColumn() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("bad.jsonl", "{\"a\":1}\n{\"a\":01}\n")
    let error = try #require(readError(path))
    guard case .badJSON(let errorPath, let line, let column, let message) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(errorPath == path && line == 2 && column == 6)
    #expect(message.contains("leading zeros"))
    #expect(error.errorDescription == "\(path):2:6: invalid JSON: \(message)")
  }

  @Test func aLineThatIsNotAnObjectIsAnError() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("array.jsonl", "{}\n[1]\n")
    #expect(readError(path) == .notAnObject(path: path, line: 2, type: "array"))
  }

  @Test func invalidUTF8IsAnErrorWithItsColumn() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("utf8.jsonl", Array("{\"t\":\"ab".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8))
    let error = try #require(readError(path))
    guard case .badJSON(_, 1, 9, let message) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(message.contains("invalid UTF-8"))
  }

  @Test func aByteOrderMarkBeforeTheFirstLineIsIgnored() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("bom.jsonl", [0xEF, 0xBB, 0xBF] + Array("{\"a\":1}\n{\"b\":2}".utf8))
    #expect(try records(path).map(\.value) == [["a": 1], ["b": 2]])
  }

  @Test func rawLinesComeWithoutLineEndsOrByteOrderMark() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("raw.jsonl", [0xEF, 0xBB, 0xBF] + Array("{\"b\":1,\"a\":2}\r\n\n{\"x\":\"\\u00e9\"}".utf8))
    var raw: [String] = []
    try JSONLReader(path: path).forEachRecordWithRawLine { _, line in
      raw.append(String(decoding: line, as: UTF8.self))
      return true
    }
    #expect(raw == [#"{"b":1,"a":2}"#, #"{"x":"\u00e9"}"#])
  }

  @Test func stopsWhenTheBodyReturnsFalse() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("stop.jsonl", "{}\n{}\n{}\nnot json\n")
    var count = 0
    try JSONLReader(path: path).forEachRecord { _ in
      count += 1
      return count < 2
    }
    #expect(count == 2)
  }

  @Test func readsGzipInputTransparently() throws {
    let directory = try TemporaryDirectory()
    var text = ""
    for index in 0..<5000 { text += "{\"i\":\(index),\"t\":\"record number \(index) é\"}\n" }
    try directory.write("big.jsonl", text)
    let gz = try directory.gzip("big.jsonl")
    let read = try records(gz)
    #expect(read.count == 5000)
    #expect(read.last?.value == ["i": 4999, "t": "record number 4999 é"])
  }

  @Test func aTruncatedGzipFileIsAClearError() throws {
    let directory = try TemporaryDirectory()
    var text = ""
    for index in 0..<2000 { text += "{\"i\":\(index)}\n" }
    try directory.write("cut.jsonl", text)
    let gz = try directory.gzip("cut.jsonl")
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: gz)))
    let truncated = try directory.write("cut2.jsonl.gz", Array(bytes.prefix(bytes.count / 2)))
    let error = try #require(readError(truncated))
    guard case .readFailed(let path, let reason) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(path == truncated)
    #expect(reason.contains("truncated") && reason.contains("unexpected end of file"), "\(reason)")
  }

  @Test func corruptGzipDataIsAClearError() throws {
    let directory = try TemporaryDirectory()
    try directory.write("bad.jsonl", String(repeating: "{\"a\":\"some text\"}\n", count: 500))
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory.gzip("bad.jsonl"))))
    for index in 20..<40 { bytes[index] ^= 0x5A }
    let corrupt = try directory.write("corrupt.jsonl.gz", bytes)
    let error = try #require(readError(corrupt))
    guard case .readFailed(_, let reason) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(reason.contains("corrupt gzip data") || reason.contains("truncated"), "\(reason)")
  }

  @Test func aDirectoryIsAClearError() throws {
    let directory = try TemporaryDirectory()
    #expect(readError(directory.url.path) == .isDirectory(path: directory.url.path))
    #expect(InputError.isDirectory(path: "d").errorDescription == "d: is a directory, expected a file")
  }

  @Test func aMissingFileIsAClearError() throws {
    let directory = try TemporaryDirectory()
    let missing = directory.path("missing.jsonl")
    #expect(readError(missing) == .cannotOpen(path: missing, reason: "No such file or directory"))
  }

  @Test func dashReadsStandardInput() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("stdin.jsonl", "{\"from\":\"stdin\"}\n")
    let file = open(path, O_RDONLY)
    let saved = dup(STDIN_FILENO)
    dup2(file, STDIN_FILENO)
    let source = try ByteSource(path: "-")  // takes its own copy of descriptor 0
    dup2(saved, STDIN_FILENO)
    close(saved)
    close(file)
    var read: [JSONValue] = []
    try JSONLReader(source).forEachRecord { record in
      read.append(record.value)
      return true
    }
    #expect(read == [["from": "stdin"]])
  }

  @Test func linesLongerThanTheChunkAreReadWhole() throws {
    let directory = try TemporaryDirectory()
    let long = String(repeating: "x", count: 1000)
    let path = try directory.write("long.txt", "a\n\(long)\r\nb\n\(long)")
    var lines: [String] = []
    try LineReader(ByteSource(path: path), chunkSize: 16).forEachLine { line, _ in
      lines.append(String(decoding: line, as: UTF8.self))
      return true
    }
    #expect(lines == ["a", long, "b", long])
  }

  @Test func batchesGiveTheSameRecordsAndErrors() throws {
    let directory = try TemporaryDirectory()
    var text = ""
    for index in 0..<300 { text += index % 7 == 0 ? "\n" : "{\"i\":\(index)}\n" }
    let path = try directory.write("batch.jsonl", text)
    var batched: [(Int, JSONValue)] = []
    var batchCount = 0
    try JSONLReader(path: path).forEachBatch(targetBytes: 100) { batch in
      batchCount += 1
      batched += try batch.records().map { ($0.line, $0.value) }
      return true
    }
    let direct = try records(path)
    #expect(batchCount > 10)
    #expect(batched.map(\.0) == direct.map(\.line))
    #expect(batched.map(\.1) == direct.map(\.value))

    let bad = try directory.write("badbatch.jsonl", text + "{\"i\":}\n")
    var batchError: InputError?
    try JSONLReader(path: bad).forEachBatch(targetBytes: 100) { batch in
      do throws(InputError) { _ = try batch.records() } catch { batchError = error }
      return true
    }
    #expect(batchError == readError(bad))
    #expect(batchError != nil)
  }
}
