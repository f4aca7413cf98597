import Foundation
import Testing

@testable import DataPrep

/// Issue 15 in the extraction library: byte paths, folder links, nothing-matched runs, the
/// line limit on written documents, stray Latin-1 bytes in text, linear selection.
@Suite struct Issue15ExtractTests {
  // MARK: File names that are not UTF-8 (point 6)

  @Test func namesThatAreNotUTF8AreEscapedForPrinting() {
    let path = InputPath(bytes: Array("dir/caf".utf8) + [0xE9] + Array(".txt".utf8))
    #expect(path.display == "dir/caf\\xE9.txt")
    #expect(path.isEscaped)
    #expect(InputPath(bytes: Array("été.txt".utf8)).display == "été.txt")
    #expect(!InputPath("été.txt").isEscaped)
  }

  @Test func aFolderWalkReadsFilesWhoseNameIsNotUTF8() throws {
    let folder = try ScratchFolder()
    try folder.write("a.txt", "first")
    let name = Array(folder.url.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8)
    let fd = open(name.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
    try #require(fd >= 0)
    _ = "latin name".withCString { write(fd, $0, 10) }
    close(fd)
    let (documents, failures, summary) = try collect(ExtractionRun(paths: [folder.url.path]))
    #expect(failures.isEmpty)
    #expect(summary.files == 2)
    #expect(documents.map(\.text) == ["first", "latin name"])
    #expect(documents.last?.source == folder.url.path + "/caf\\xE9.txt")
    // Named directly, as bytes, it is read too.
    let direct = try collect(ExtractionRun(inputs: [InputPath(bytes: name)]))
    #expect(direct.documents.map(\.text) == ["latin name"])
  }

  // MARK: Folder links (point 8)

  @Test func folderLinksAreReportedAndCounted() throws {
    let folder = try ScratchFolder()
    try folder.write("real/a.txt", "A")
    try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: "real")
    var notices: [String] = []
    let summary = try ExtractionRun(paths: [folder.url.path]).run(onNotice: { notices.append($0) }) { _ in }
    #expect(notices == ["\(folder.path("link")): a symbolic link to a folder, not followed (name the folder itself to read it)"])
    #expect(summary.linkedFolders == 1)
    #expect(summary.documents == 1)
    #expect(summary.line.contains("1 folder link not followed"))
  }

  // MARK: Runs that failed (points 5 and 7, the record-mode exit status)

  @Test func aRecordModeInputRefusedPartWayFailsTheRunLikeTreeMode() throws {
    let folder = try ScratchFolder()
    let cut = try folder.write("cut.xml", "<r><row a=\"1\"/><row a=\"2\"/><row a=")
    let run = ExtractionRun(paths: [cut], options: ExtractOptions(recordXPath: "//row", fields: [("text", "@a")]))
    let (documents, failures, summary) = try collect(run)
    #expect(!documents.isEmpty)  // the records before the error were given
    #expect(failures.count == 1)
    #expect(run.problem(in: summary) == .everyInputFailed(inputs: 1))
  }

  @Test func aRecordPathMatchingNothingIsAProblem() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("p.xml", "<r><row a=\"1\"/></r>")
    let run = ExtractionRun(paths: [path], options: ExtractOptions(recordXPath: "//item", fields: [("text", "@a")]))
    let (_, _, summary) = try collect(run)
    #expect(run.problem(in: summary) == .recordMatchedNothing(xpath: "//item", inputs: 1))
  }

  @Test func fieldsMatchingNothingAreAProblemOrAWarning() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("p.xml", "<r><row a=\"1\"/><row a=\"2\"/></r>")
    let none = ExtractionRun(
      paths: [path], options: ExtractOptions(recordXPath: "//row", fields: [("text", "@b"), ("title", "c")]))
    let (_, _, summary) = try collect(none)
    #expect(summary.records == 2)
    #expect(summary.fieldMatches == [0, 0])
    #expect(none.problem(in: summary) == .fieldsMatchedNothing(fields: ["text=@b", "title=c"], records: 2))
    let some = ExtractionRun(
      paths: [path], options: ExtractOptions(recordXPath: "//row", fields: [("text", "@a"), ("title", "c")]))
    let (_, _, partial) = try collect(some)
    #expect(some.problem(in: partial) == nil)
    #expect(some.warnings(in: partial) == ["warning: `field` title=c selected nothing in any of the 2 records"])
  }

  @Test func anInvalidPredicateIsRefusedBeforeAnyWork() {
    let run = ExtractionRun(paths: ["/nonexistent"], options: ExtractOptions(recordXPath: "//row[count(]"))
    #expect(throws: ExtractError.self) { try run.validateOptions() }
  }

  // MARK: The line limit on what is written (point 16)

  @Test func aRecordOverTheLineLimitIsRefusedNamingFileAndRecord() throws {
    let folder = try ScratchFolder()
    let big = String(repeating: "word ", count: 100_000)  // 500 kB
    let path = try folder.write("dump.xml", "<r><row>small</row><row>\(big)</row><row>after</row></r>")
    var options = ExtractOptions(recordXPath: "//row", fields: [("text", ".")])
    options.limits = InputLimits(maximumLineBytes: 256 << 10)
    let (documents, failures, _) = try collect(ExtractionRun(paths: [path], options: options))
    #expect(documents.map(\.text) == ["small"])
    #expect(failures.count == 1)
    #expect(failures.first?.hasPrefix("\(path)#1: the document would be a JSONL line of") == true)
    #expect(failures.first?.contains("(`maximumLineBytes`)") == true)
  }

  @Test func aTextInputOverTheLineLimitIsRefusedBeforeItIsHeld() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("big.txt", String(repeating: "x", count: 1 << 20))
    var options = ExtractOptions()
    options.limits = InputLimits(maximumLineBytes: 256 << 10)
    let (documents, failures, summary) = try collect(ExtractionRun(paths: [path], options: options))
    #expect(documents.isEmpty)
    #expect(failures == [ExtractError.textOverLineLimit(path: path, limit: 256 << 10).localizedDescription])
    // Refused at the limit: the 1 MiB was not all read.
    #expect(summary.bytesRead < 1 << 20)
  }

  @Test func documentsUnderTheLimitAreNotSerialisedTwice() {
    let document = Document(id: "1", source: "s", format: "text", title: "", text: "short", sections: [])
    #expect(DocumentLineLimit.stringBytes(document) * 6 < InputLimits.defaultMaximumLineBytes)
    #expect(throws: ExtractError.self) { try DocumentLineLimit.check(document, limit: 64) }
  }

  // MARK: Stray Latin-1 bytes in text files (point 19)

  @Test func strayLatin1BytesInUTF8TextChangeOnlyThemselves() throws {
    // Three stray bytes outnumber the two valid sequences: before, all of it was windows-1252.
    let bytes = Array("été ".utf8) + [0xE0, 0x20, 0xE7, 0x61, 0x20, 0x93] + Array("ok".utf8) + [0x94]
    let decoded = try TextDecoding.decode(bytes)
    #expect(decoded.text == "été à ça “ok”")
    #expect(decoded.encoding == "windows-1252")
    let mostly = try TextDecoding.decode(Array("Grüße über Straße ".utf8) + [0xE9])
    #expect(mostly.text == "Grüße über Straße é")
    #expect(mostly.encoding == "utf-8")
  }

  // MARK: Linear main-content selection (point 15)

  @Test func theLookaheadAnswersLikeAScan() throws {
    let page = "<div><p>© 2024 Site</p></div><div><span> </span><b>text</b><time>1 May</time></div><div><p>plain</p></div>"
    let tree = try HTMLParser().parse(Array(page.utf8)).tree
    let lookahead = HTMLSubtreeLookahead(tree)
    let divs = tree.elements(named: "div")
    #expect(divs.map { lookahead.startsWithCopyright($0) } == [true, false, false])
    #expect(divs.map { lookahead.containsTime($0) } == [false, true, false])
  }

  @Test func twentyThousandNestedTablesExtractInLinearTime() throws {
    let depth = 20_000
    let page = "<html><body>" + String(repeating: "<table><tr><td>", count: depth) + "deep"
      + String(repeating: "</td></tr></table>", count: depth) + "</body></html>"
    let start = Self.threadCPUSeconds()
    let document = try HTMLExtractor(contentScope: .mainContent).document(from: Array(page.utf8), source: "nested.html")
    // Before, the main-content selector alone took 114 s of CPU on this input (debug build);
    // linear now, about 2 s. CPU time of this thread, so other tests running do not count.
    #expect(Self.threadCPUSeconds() - start < 15)
    #expect(document.text.contains("deep"))
  }

  private static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
