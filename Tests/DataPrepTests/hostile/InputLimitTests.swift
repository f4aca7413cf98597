import Foundation
import Testing

@testable import DataPrep

/// The input limits (``InputLimits``) and their flags: each one changes the outcome, both in
/// the library and through the commands (`--max-json-depth`, `--max-entity-mb`, `--max-line-mb`).
@Suite(.serialized) struct InputLimitTests {
  // MARK: - Library

  @Test func theDefaultsAreDocumented() {
    let limits = InputLimits.standard
    #expect(limits.maximumJSONDepth == 512)
    #expect(limits.maximumEntityBytes == 16 << 20)
    #expect(limits.maximumLineBytes == 256 << 20)
    #expect(InputLimits(maximumJSONDepth: 0, maximumEntityBytes: -1, maximumLineBytes: 0)
      == InputLimits(maximumJSONDepth: 1, maximumEntityBytes: 0, maximumLineBytes: 1))
  }

  @Test func aLineOverTheLimitIsAnErrorNamingFileAndLine() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("long.jsonl", InputLimitRecords.chatLine + "\n" + InputLimitRecords.longRecord(bytes: 3 << 20) + "\n" + InputLimitRecords.chatLine + "\n")
    let limits = InputLimits(maximumLineBytes: 2 << 20)
    var seen: [Int] = []
    #expect(throws: InputError.lineTooLong(path: path, line: 2, limit: 2 << 20)) {
      try JSONLReader(path: path, limits: limits).forEachRecord { record in
        seen.append(record.line)
        return true
      }
    }
    #expect(seen == [1])
    #expect(InputError.lineTooLong(path: path, line: 2, limit: 2 << 20).localizedDescription
      == "\(path):2: line longer than 2 MiB; split the record or raise `maximumLineBytes`")
    var count = 0
    try JSONLReader(path: path, limits: InputLimits(maximumLineBytes: 4 << 20)).forEachRecord { _ in
      count += 1
      return true
    }
    #expect(count == 3)
  }

  @Test func aLineIsRefusedBeforeItIsReadWhole() throws {
    // A 64 MB line without a newline, limit 1 MiB: the reader stops after a few chunks.
    let folder = try ScratchFolder()
    let path = try folder.write("one-line.jsonl", [UInt8](repeating: 0x61, count: 64 << 20))
    let source = try ByteSource(path: path)
    #expect(throws: InputError.lineTooLong(path: path, line: 1, limit: 1 << 20)) {
      try LineReader(source, chunkSize: 1 << 16, maximumLineBytes: 1 << 20).forEachLine { _, _ in true }
    }
    // The rest is still unread: the reader held about the limit (its buffer stops growing at
    // limit + 2 bytes), never the whole 64 MB line.
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
    defer { chunk.deallocate() }
    var rest = 0
    while true {
      let n = try source.read(into: chunk)
      if n == 0 { break }
      rest += n
    }
    #expect(rest >= (64 << 20) - (1 << 20) - (1 << 16) - 2)
  }

  @Test func aLineExactlyAtTheLimitIsRead() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("exact.txt", String(repeating: "b", count: 1000) + "\r\n" + String(repeating: "c", count: 1000))
    var lengths: [Int] = []
    try LineReader(try ByteSource(path: path), chunkSize: 64, maximumLineBytes: 1000).forEachLine { line, _ in
      lengths.append(line.count)
      return true
    }
    #expect(lengths == [1000, 1000])
  }

  @Test func theDepthLimitComesFromTheLimits() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("deep.jsonl", InputLimitRecords.deepRecord(depth: 600) + "\n")
    let error = #expect(throws: InputError.self) {
      try JSONLReader(path: path, limits: .standard).forEachRecord { _ in true }
    }
    #expect(error?.localizedDescription.contains("\(path):1:") == true)
    var records = 0
    try JSONLReader(path: path, limits: InputLimits(maximumJSONDepth: 1000)).forEachRecord { _ in
      records += 1
      return true
    }
    #expect(records == 1)
  }

  @Test func theEntityBudgetComesFromTheOptionsInTreeAndRecordMode() throws {
    let folder = try ScratchFolder()
    let tree = try folder.write("tree.xml", InputLimitRecords.entityDocument(records: false))
    let records = try folder.write("records.xml", InputLimitRecords.entityDocument(records: true))
    var small = ExtractOptions()
    small.limits = InputLimits(maximumEntityBytes: 1 << 20)
    var documents = 0
    try XMLExtractor().forEachDocument(path: tree, source: "tree.xml") { _ in documents += 1 }
    #expect(documents == 1)
    #expect(throws: ExtractError.self) {
      try XMLExtractor(options: small).forEachDocument(path: tree, source: "tree.xml") { _ in }
    }
    var recordMode = ExtractOptions(recordXPath: "//rec")
    documents = 0
    try XMLExtractor(options: recordMode).forEachDocument(path: records, source: "records.xml") { _ in documents += 1 }
    #expect(documents == 1000)
    recordMode.limits = small.limits
    #expect(throws: ExtractError.self) {
      try XMLExtractor(options: recordMode).forEachDocument(path: records, source: "records.xml") { _ in }
    }
  }
}
