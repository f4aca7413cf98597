import Foundation
import Testing

import DataPrep

#if canImport(Glibc)
  import Glibc
#endif

/// A disk that fills up while an output is written: the command exits 2 naming the output, the
/// previous file under the final name is intact and no temporary file is left beside it.
///
/// A full disk is simulated without root by a file-size limit (`ulimit -f`, with SIGXFSZ
/// ignored so `write` fails with EFBIG instead of killing the process); as root, a real
/// ENOSPC comes from a small tmpfs when mounting one is allowed, and `/dev/full` always gives it.
@Suite(.serialized) struct DiskFullTests {
  /// `ulimit -f` in blocks (512 bytes in dash, 1024 in bash): at most 256 kB, well under every
  /// output below.
  static let limitSetup = "trap '' XFSZ; ulimit -f 256"

  /// Distinct chat records (so dedup keeps them), about 1.5 MB.
  static func chatLines(_ count: Int = 6000) -> String {
    var text = ""
    for i in 0..<count {
      let words = (0..<24).map { k in "w\((i &* 7919 &+ k &* 104_729) % 1_000_003)" }.joined(separator: " ")
      text += #"{"messages":[{"role":"user","content":"Question \#(i): \#(words)"},{"role":"assistant","content":"Answer \#(i) about \#(words)"}]}"# + "\n"
    }
    return text
  }

  /// Document records with a title and a question section, for instruct.
  static func documentLines(_ count: Int = 1500) -> String {
    var text = ""
    for i in 0..<count {
      let body = (0..<40).map { k in "v\((i &* 31 &+ k &* 7) % 100_003)" }.joined(separator: " ")
      let markdown = "# Title \(i)\\n\\n\(body).\\n\\n## How does part \(i) work?\\n\\n\(body) again."
      text += #"{"id":"d\#(i)","source":"a\#(i).md","format":"markdown","title":"Title \#(i)","text":"\#(markdown)","sections":[],"metadata":{}}"# + "\n"
    }
    return text
  }

  /// `count` HTML pages of about 4 kB in `name/` under `folder`; returns the folder path.
  static func htmlPages(in folder: ScratchFolder, name: String, count: Int) throws -> String {
    for i in 0..<count {
      let paragraphs = (0..<50).map { k in "<p>Paragraph \(k) of page \(i) with words x\((i &* 13 &+ k) % 9973) and more text.</p>" }
      try folder.write("\(name)/page-\(i).html", "<html><head><title>Page \(i)</title></head><body><h1>Page \(i)</h1>\(paragraphs.joined())</body></html>")
    }
    return folder.path(name)
  }

  /// The names in `folder` that are temporaries of an output or a build's working folder.
  static func temporaries(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") || $0.contains(".build-") }
  }

  @Test func everyCommandStopsAtTheFileSizeLimitAndKeepsThePreviousOutput() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let chat = try folder.write("in/chat.jsonl", Self.chatLines())
    let documents = try folder.write("in/documents.jsonl", Self.documentLines())
    let pages = try Self.htmlPages(in: folder, name: "in/pages", count: 200)
    let tokenizer = TokenizerFixtures.rankFile(in: folder.url, name: "tiny.tiktoken").path
    let commands: [(name: String, arguments: [String])] = [
      ("convert", ["convert", chat, "--to", "alpaca", "-o", "OUT"]),
      ("instruct", ["instruct", documents, "--to", "openai-chat", "-o", "OUT"]),
      ("extract", ["extract", pages, "-o", "OUT"]),
      ("dedup", ["dedup", chat, "-o", "OUT"]),
      ("tokens", ["tokens", chat, "--ids", "--format", "jsonl", "--tokenizer", tokenizer, "-o", "OUT"]),
    ]
    let outputs = folder.path("out")
    try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
    for (name, template) in commands {
      let output = outputs + "/\(name).jsonl"
      try Data("previous \(name)\n".utf8).write(to: URL(fileURLWithPath: output))
      let result = try CommandRunner.run(template.map { $0 == "OUT" ? output : $0 }, shellSetup: Self.limitSetup)
      #expect(result.status == 2, "\(name): \(result.stderr)")
      #expect(result.stderr.contains("\(output): write failed: File too large"), "\(name): \(result.stderr)")
      #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous \(name)\n", "\(name)")
      #expect(try Self.temporaries(in: outputs) == [], "\(name) left a temporary")
    }

    // Without `trap '' XFSZ`: dataprep ignores SIGXFSZ itself, so the limit is a write error
    // and not a kill that would leave the temporary behind.
    let output = outputs + "/untrapped.jsonl"
    try Data("previous\n".utf8).write(to: URL(fileURLWithPath: output))
    let untrapped = try CommandRunner.run(["convert", chat, "--to", "alpaca", "-o", output], shellSetup: "ulimit -f 256")
    #expect(untrapped.status == 2, "\(untrapped.stderr)")
    #expect(untrapped.stderr.contains("\(output): write failed: File too large"), "\(untrapped.stderr)")
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous\n")
    #expect(try Self.temporaries(in: outputs) == [])

    // split: a folder of outputs; the previous train.jsonl stays and nothing else appears.
    let splitFolder = folder.path("split")
    try FileManager.default.createDirectory(atPath: splitFolder, withIntermediateDirectories: true)
    try Data("previous split\n".utf8).write(to: URL(fileURLWithPath: splitFolder + "/train.jsonl"))
    let split = try CommandRunner.run(["split", chat, "-o", splitFolder, "--force"], shellSetup: Self.limitSetup)
    #expect(split.status == 2, "split: \(split.stderr)")
    #expect(split.stderr.contains("write failed: File too large"), "split: \(split.stderr)")
    #expect(try String(contentsOfFile: splitFolder + "/train.jsonl", encoding: .utf8) == "previous split\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: splitFolder) == ["train.jsonl"])
  }

  @Test func buildStopsAtTheFileSizeLimitAndKeepsThePreviousDataset() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let small = try Self.htmlPages(in: folder, name: "small", count: 4)
    let large = try Self.htmlPages(in: folder, name: "large", count: 200)
    let parent = folder.path("datasets")
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    let dataset = parent + "/ds"
    let first = try CommandRunner.run(["build", small, "-o", dataset, "--quiet"], timeout: 300)
    #expect(first.status == 0 || first.status == 1, "\(first.stderr)")
    let before = try Self.snapshot(dataset)
    #expect(before.keys.contains("manifest.json"))

    let result = try CommandRunner.run(
      ["build", large, "-o", dataset, "--force", "--quiet"], timeout: 300, shellSetup: Self.limitSetup)
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("\(dataset): cannot write: writing documents.jsonl failed: File too large"), "\(result.stderr)")
    #expect(try Self.snapshot(dataset) == before)
    #expect(try Self.temporaries(in: parent) == [])
  }

  @Test func aFullFileSystemIsReportedAndThePreviousOutputKept() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let chat = try folder.write("chat.jsonl", Self.chatLines())
    let mountPoint = folder.path("small-disk")
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
    guard getuid() == 0, CommandRunner.shell("mount -t tmpfs -o size=256k dataprep-test '\(mountPoint)'") == 0 else {
      return print("DiskFullTests: not root or mounting a tmpfs is not allowed here: skipping the real ENOSPC case (the file-size limit and /dev/full cases still run)")
    }
    defer { _ = CommandRunner.shell("umount '\(mountPoint)'") }
    let output = mountPoint + "/out.jsonl"
    try Data("previous\n".utf8).write(to: URL(fileURLWithPath: output))
    let result = try CommandRunner.run(["convert", chat, "--to", "alpaca", "-o", output])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("\(output): write failed: No space left on device"), "\(result.stderr)")
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: mountPoint) == ["out.jsonl"])
  }

  @Test func devFullAsTheOutputOrStandardOutputIsAClearError() throws {
    guard CommandRunner.isAvailable() else { return }
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return print("no /dev/full: skipping") }
    let folder = try ScratchFolder()
    let chat = try folder.write("chat.jsonl", Self.chatLines(50))
    let named = try CommandRunner.run(["convert", chat, "--to", "alpaca", "-o", "/dev/full"])
    #expect(named.status == 2, "\(named.stderr)")
    #expect(named.stderr.contains("/dev/full: write failed: No space left on device"), "\(named.stderr)")
    let piped = try CommandRunner.run(["convert", chat, "--to", "alpaca", "-o", "-"], shellSetup: "exec >/dev/full")
    #expect(piped.status == 2, "\(piped.stderr)")
    #expect(piped.stderr.contains("standard output: write failed: No space left on device"), "\(piped.stderr)")
    var info = stat()
    #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
  }

  /// Every file in `folder` with its bytes.
  static func snapshot(_ folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }
    return files
  }
}
