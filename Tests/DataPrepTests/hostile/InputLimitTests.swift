import Foundation
import Testing

@testable import DataPrep

/// The input limits (``InputLimits``) and their flags: each one changes the outcome, both in
/// the library and through the commands (`--max-json-depth`, `--max-entity-mb`, `--max-line-mb`).
@Suite(.serialized) struct InputLimitTests {
  static let chatLine = #"{"messages":[{"role":"user","content":"Hi there"},{"role":"assistant","content":"Hello, how can I help?"}]}"#

  /// A chat record with `depth` levels of nested arrays under an extra key.
  static func deepRecord(depth: Int) -> String {
    #"{"messages":[{"role":"user","content":"Deep"},{"role":"assistant","content":"Nested"}],"extra":"#
      + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
  }

  /// A chat record about `bytes` long.
  static func longRecord(bytes: Int) -> String {
    #"{"messages":[{"role":"user","content":""# + String(repeating: "long words ", count: bytes / 11)
      + #""},{"role":"assistant","content":"ok"}]}"#
  }

  /// An XML document whose one 2 kB entity is referenced 1,000 times (2 MB of entity text);
  /// with `records`, each reference sits in its own `<rec>` element.
  static func entityDocument(records: Bool) -> String {
    let entity = String(repeating: "lorem ipsum dolor sit amet ", count: 80)
    let body = (0..<1000).map { records ? "<rec><p>&e; \($0)</p></rec>" : "<p>&e; \($0)</p>" }.joined()
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE doc [<!ENTITY e \"\(entity)\">]>\n<doc><title>T</title>\(body)</doc>\n"
  }

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
    let path = try folder.write("long.jsonl", Self.chatLine + "\n" + Self.longRecord(bytes: 3 << 20) + "\n" + Self.chatLine + "\n")
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
    let path = try folder.write("deep.jsonl", Self.deepRecord(depth: 600) + "\n")
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
    let tree = try folder.write("tree.xml", Self.entityDocument(records: false))
    let records = try folder.write("records.xml", Self.entityDocument(records: true))
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

  // MARK: - Commands

  @Test func everyCommandReadingJSONLOrXMLTakesTheLimitFlags() throws {
    guard CommandRunner.binary != nil else { return print(CommandRunner.skipMessage) }
    for command in ["convert", "instruct", "validate", "tokens", "stats", "dedup", "split", "leakage", "extract", "build"] {
      let help = try CommandRunner.run([command, "--help"])
      for flag in ["--max-json-depth", "--max-entity-mb", "--max-line-mb"] {
        #expect(help.stdout.contains(flag), "\(command) --help lacks \(flag)")
      }
    }
    let bad = try CommandRunner.run(["convert", "-", "--to", "alpaca", "-o", "-", "--max-line-mb", "0"])
    #expect(bad.status != 0 && bad.stderr.contains("--max-line-mb must be at least 1"), "\(bad.stderr)")
  }

  @Test func maxJSONDepthChangesTheOutcome() throws {
    guard CommandRunner.binary != nil else { return print(CommandRunner.skipMessage) }
    let folder = try ScratchFolder()
    let input = try folder.write("deep.jsonl", Self.chatLine + "\n" + Self.deepRecord(depth: 600) + "\n")
    let output = folder.path("kept.jsonl")
    let refused = try CommandRunner.run(["dedup", input, "-o", output])
    #expect(refused.status == 2, "\(refused.stderr)")
    #expect(refused.stderr.contains("\(input):2:") && refused.stderr.contains("nesting deeper than 512"), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
    let accepted = try CommandRunner.run(["dedup", input, "-o", output, "--max-json-depth", "1000"])
    #expect(accepted.status == 0, "\(accepted.stderr)")
    #expect(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count == 2)
  }

  @Test func maxLineMBChangesTheOutcome() throws {
    guard CommandRunner.binary != nil else { return print(CommandRunner.skipMessage) }
    let folder = try ScratchFolder()
    let input = try folder.write("long.jsonl", Self.chatLine + "\n" + Self.longRecord(bytes: 3 << 20) + "\n")
    let output = folder.path("out.jsonl")
    let accepted = try CommandRunner.run(["convert", input, "--to", "alpaca", "-o", output])
    #expect(accepted.status == 0, "\(accepted.stderr)")
    for arguments in [["convert", input, "--to", "alpaca", "-o", output], ["validate", input], ["dedup", input, "-o", output]] {
      let refused = try CommandRunner.run(arguments + ["--max-line-mb", "2"])
      #expect(refused.status == 2, "\(arguments[0]): \(refused.stderr)")
      #expect(refused.stderr.contains("\(input):2: line longer than 2 MiB"), "\(arguments[0]): \(refused.stderr)")
    }
  }

  @Test func aOneGigabyteLineIsRefusedByDefaultWithoutBeingHeld() throws {
    // 1 GiB of one JSONL line streamed through a pipe (never on disk): the reader stops at the
    // 256 MiB default, so the run ends early, with a clear error and no output.
    guard CommandRunner.binary != nil else { return print(CommandRunner.skipMessage) }
    let folder = try ScratchFolder()
    let output = folder.path("out.jsonl")
    let generator =
      "{ printf '{\"text\":\"'; head -c 1073741824 /dev/zero | tr '\\000' a; printf '\"}\\n'; }"
    let result = try CommandRunner.run(
      ["convert", "-", "--to", "alpaca", "-o", output], timeout: 300,
      shellSetup: "\(generator) | \"$0\" \"$@\"; exit $?")
    #expect(!result.timedOut)
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains(":1: line longer than 256 MiB"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func maxEntityMBChangesTheOutcome() throws {
    guard CommandRunner.binary != nil else { return print(CommandRunner.skipMessage) }
    let folder = try ScratchFolder()
    let tree = try folder.write("tree.xml", Self.entityDocument(records: false))
    let records = try folder.write("records.xml", Self.entityDocument(records: true))
    let output = folder.path("out.jsonl")
    for (input, extra) in [(tree, [String]()), (records, ["--record", "//rec"])] {
      let accepted = try CommandRunner.run(["extract", input, "-o", output, "--strict"] + extra)
      #expect(accepted.status == 0, "\(accepted.stderr)")
      let refused = try CommandRunner.run(["extract", input, "-o", output, "--strict", "--max-entity-mb", "1"] + extra)
      #expect(refused.status != 0, "\(refused.stderr)")
      #expect(refused.stderr.contains("entity references expand to more than"), "\(refused.stderr)")
    }
  }
}
