import Foundation
import Testing

@testable import DataPrep

@Suite struct ExtractionRunTests {
  /// gzip of `text` (via /bin/gzip is not needed: zlib through a tiny deflate writer is not
  /// public, so the test writes a gzip member by hand with a stored deflate block).
  static func gzip(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
    // One final stored block (bytes.count < 65536).
    let n = UInt16(bytes.count)
    out += [0x01, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)]
    out += bytes
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
    }
    crc = ~crc
    let size = UInt32(bytes.count)
    for value in [crc, size] { out += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)] }
    return out
  }

  @Test func foldersAreWalkedInSortedOrderSkippingHiddenAndAssets() throws {
    let folder = try ScratchFolder()
    try folder.write("b.txt", "B")
    try folder.write("a/z.md", "# Z")
    try folder.write("a/y.txt", "Y")
    try folder.write(".hidden.txt", "H")
    try folder.write(".git/config.txt", "G")
    try folder.write("logo.png", [0x89, 0x50])
    let (documents, failures, summary) = try collect(ExtractionRun(paths: [folder.url.path]))
    let names = documents.map { String($0.source.dropFirst(folder.url.path.count + 1)) }
    #expect(names == ["a/y.txt", "a/z.md", "b.txt"])
    #expect(failures.isEmpty)
    #expect(summary.ignored == 1)
    #expect(summary.files == 3)
  }

  @Test func eachBadInputIsReportedAndTheRunGoesOn() throws {
    let folder = try ScratchFolder()
    let good = try folder.write("good.txt", "fine")
    let empty = try folder.write("empty.txt", "")
    let binary = try folder.write("data.txt", [0x41, 0x00, 0x42])
    let truncated = try folder.write("cut.txt.gz", Array(Self.gzip(Array("hello world".utf8)).dropLast(6)))
    let malformed = try folder.write("bad.xml", "<a><b></a>")
    let missing = folder.path("missing.txt")
    let run = ExtractionRun(paths: [empty, binary, truncated, malformed, missing, good])
    let (documents, failures, summary) = try collect(run)
    #expect(documents.map(\.source) == [good])
    #expect(failures.count == 5)
    #expect(failures[0] == "\(empty): empty input, skipped")
    #expect(failures[1].hasPrefix("\(binary): binary data"))
    #expect(failures[2].hasPrefix("\(truncated): read failed"))
    #expect(failures[3].hasPrefix("\(malformed):1: malformed XML"))
    #expect(failures[4].hasPrefix("\(missing): cannot open"))
    #expect(summary.skipped == 5)
    #expect(summary.documents == 1)
    #expect(summary.line.hasPrefix("extract: 1 document from 1 file, 5 skipped"))
  }

  @Test func directoryGivenAsAFileIsRefused() throws {
    let folder = try ScratchFolder()
    #expect(throws: InputError.isDirectory(path: folder.url.path)) {
      try XMLExtractor().forEachDocument(path: folder.url.path, source: folder.url.path) { _ in }
    }
  }

  @Test func unreadableFileIsReported() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("locked.txt", "secret")
    chmod(path, 0)
    defer { chmod(path, 0o644) }
    if access(path, R_OK) == 0 {
      // Running as root: permissions do not block reading, so there is nothing to observe.
      print("unreadableFileIsReported: skipped, permissions do not apply to this user (root)")
      return
    }
    let (_, failures, _) = try collect(ExtractionRun(paths: [path]))
    #expect(failures.count == 1)
    #expect(failures.first?.contains("Permission denied") == true)
  }

  @Test func gzipInputsAreReadTransparently() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("notes.md.gz", Self.gzip(Array("# Title\n\nBody".utf8)))
    let (documents, failures, _) = try collect(ExtractionRun(paths: [path]))
    #expect(failures.isEmpty)
    #expect(documents.first?.format == "markdown")
    #expect(documents.first?.title == "Title")
  }

  @Test func strictStopsAtTheFirstFailure() throws {
    let folder = try ScratchFolder()
    let first = try folder.write("1.txt", "one")
    let empty = try folder.write("2.txt", "")
    let third = try folder.write("3.txt", "three")
    let (documents, failures, summary) = try collect(ExtractionRun(paths: [first, empty, third], strict: true))
    #expect(documents.map(\.source) == [first])
    #expect(failures.count == 1)
    #expect(summary.stoppedByFailure?.path == empty)
    _ = third
  }

  @Test func outputThatIsAnInputIsRefused() throws {
    let folder = try ScratchFolder()
    let input = try folder.write("in.txt", "x")
    let run = ExtractionRun(paths: [folder.url.path])
    #expect(throws: ExtractError.outputIsInput(path: input)) { try run.checkOutput(input) }
    try run.checkOutput(folder.path("out.jsonl"))
  }

  private func jsonl(_ paths: [String], jobs: Int, into file: String) throws -> [UInt8] {
    let writer = try JSONLWriter(path: file)
    _ = try ExtractionRun(paths: paths, jobs: jobs).run(writer: writer)
    try writer.finish()
    return Array(try Data(contentsOf: URL(fileURLWithPath: file)))
  }

  @Test func outputIsIdenticalWhateverTheJobs() throws {
    let folder = try ScratchFolder()
    for index in 0..<40 {
      try folder.write("in/\(index).txt", "Document \(index)\n\n" + String(repeating: "text \(index) ", count: index * 50))
    }
    try folder.write("in/feed.rss", "<rss><channel>" + (0..<30).map { "<item><title>i\($0)</title></item>" }.joined() + "</channel></rss>")
    try folder.write("in/empty.txt", "")
    let one = try jsonl([folder.path("in")], jobs: 1, into: folder.path("one.jsonl"))
    let four = try jsonl([folder.path("in")], jobs: 4, into: folder.path("four.jsonl"))
    #expect(one == four)
    #expect(one.filter { $0 == 0x0A }.count == 70)
  }

  @Test func pipelineBoundsMemoryWithATinyQueue() throws {
    // A queue of 1 byte forces every worker to wait for the consumer after each document.
    let pipeline = ExtractionPipeline(count: 5, workers: 3, queueBytes: 1) { index, emit in
      for n in 0..<20 {
        try? emit(Document(id: "\(index)-\(n)", source: "s", format: "text", title: "", text: "t", sections: []))
      }
      return .finished(bytesRead: 1, failure: nil)
    }
    var ids: [String] = []
    pipeline.run { _, event in
      if case .document(let document) = event { ids.append(document.id) }
      return true
    }
    #expect(ids == (0..<5).flatMap { index in (0..<20).map { "\(index)-\($0)" } })
  }

  @Test func sampleRecordsMatchTheDocumentSchema() throws {
    let samples = SharedData.packageRoot.appendingPathComponent("samples").path
    guard FileManager.default.fileExists(atPath: samples) else {
      SharedData.missing("\(samples) is absent (the samples/ folder of the repository)", at: #_sourceLocation)
      return
    }
    let (documents, failures, _) = try collect(ExtractionRun(paths: [samples], jobs: 2))
    #expect(failures.isEmpty)
    #expect(documents.count >= 10)
    var formats = Set<String>()
    for document in documents {
      // Round-trip through the JSONL writer and parser: the bytes on disk are what is checked.
      var line: [UInt8] = []
      JSONWriter().write(document.jsonValue, into: &line)
      let parsed = try JSONParser().parse(String(decoding: line, as: UTF8.self))
      #expect(schemaProblems(parsed) == [], "\(document.source)")
      formats.insert(document.format)
    }
    #expect(formats.isSuperset(of: ["html", "docbook", "jats", "rss", "xml", "text", "markdown"]))
    let records = try collect(
      ExtractionRun(
        paths: [samples + "/Posts.xml"],
        options: ExtractOptions(recordXPath: "//row", fields: [("title", "@Title"), ("body", "@Body")])))
    #expect(records.documents.count == 6)
    for document in records.documents { #expect(schemaProblems(document.jsonValue) == []) }
  }
}
