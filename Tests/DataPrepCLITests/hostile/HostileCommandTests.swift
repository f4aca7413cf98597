import Foundation
import Testing

import DataPrep

#if canImport(Glibc)
  import Glibc
#endif

/// Every command that reads a file, given something hostile: exit status 2 (could not run)
/// with a message naming the file (and line where there is one), no hang, and no output file
/// (not even a partial one) left behind.
@Suite(.serialized) struct HostileCommandTests {
  static let chatLine = #"{"messages":[{"role":"user","content":"Hi there"},{"role":"assistant","content":"Hello, how can I help?"}]}"#
  static let documentLine = ##"{"id":"d1","source":"a.html","format":"html","title":"T","text":"# T\n\nSome body text that is long enough to use.","sections":[],"metadata":{}}"##

  /// The commands that read one JSONL input, with the arguments around it (`IN`, `OUT` replaced).
  static func commands(tokenizer: String) -> [(name: String, arguments: [String])] {
    [
      ("convert", ["convert", "IN", "--to", "alpaca", "-o", "OUT"]),
      ("instruct", ["instruct", "IN", "--to", "openai-chat", "-o", "OUT"]),
      ("validate", ["validate", "IN", "--report-file", "OUT"]),
      ("tokens", ["tokens", "IN", "--format", "jsonl", "--tokenizer", tokenizer, "-o", "OUT"]),
      ("stats", ["stats", "IN", "--tokenizer", tokenizer, "-o", "OUT"]),
      ("extract", ["extract", "IN", "--strict", "-o", "OUT"]),
      ("dedup", ["dedup", "IN", "-o", "OUT"]),
    ]
  }

  private struct Setup {
    let folder: ScratchFolder
    let tokenizer: String
    init() throws {
      folder = try ScratchFolder()
      tokenizer = TokenizerFixtures.rankFile(in: folder.url, name: "tiny.tiktoken").path
    }
  }

  private func arguments(_ template: [String], input: String, output: String) -> [String] {
    template.map { $0 == "IN" ? input : $0 == "OUT" ? output : $0 }
  }

  /// The names in `folder` other than the inputs made for the test: outputs and temporaries.
  private func leftovers(_ folder: ScratchFolder, inputs: Set<String>) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { !inputs.contains($0) }.sorted()
  }

  @Test func aNamedPipeIsRefusedByEveryCommandWithoutHanging() throws {
    guard CommandRunner.isAvailable() else { return }
    let setup = try Setup()
    let fifo = setup.folder.path("pipe.jsonl")
    #expect(mkfifo(fifo, 0o600) == 0)
    for (name, template) in Self.commands(tokenizer: setup.tokenizer) {
      let output = setup.folder.path("out-\(name)")
      let result = try CommandRunner.run(arguments(template, input: fifo, output: output), timeout: 30)
      #expect(!result.timedOut, "\(name) hung on a FIFO")
      if name == "extract" {
        #expect(result.status == 1, "\(name): \(result.stderr)")
      } else {
        #expect(result.status == 2, "\(name): \(result.stderr)")
      }
      #expect(result.stderr.contains("\(fifo): cannot open: a named pipe (FIFO)"), "\(name): \(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: output), "\(name) wrote an output")
    }
    #expect(try leftovers(setup.folder, inputs: ["pipe.jsonl", "tiny.tiktoken"]) == [])
  }

  @Test func aDirectoryGivenAsTheInputIsRefused() throws {
    guard CommandRunner.isAvailable() else { return }
    let setup = try Setup()
    let directory = setup.folder.path("folder.jsonl")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    for (name, template) in Self.commands(tokenizer: setup.tokenizer) where name != "extract" {
      let output = setup.folder.path("out-\(name)")
      let result = try CommandRunner.run(arguments(template, input: directory, output: output))
      #expect(result.status == 2, "\(name): \(result.stderr)")
      #expect(result.stderr.contains("\(directory): is a directory"), "\(name): \(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: output))
    }
  }

  @Test func anOutputEqualToTheInputIsRefusedAndTheInputKept() throws {
    guard CommandRunner.isAvailable() else { return }
    let setup = try Setup()
    for (name, template) in Self.commands(tokenizer: setup.tokenizer) {
      let contents = name == "instruct" ? Self.documentLine + "\n" : name == "extract" ? "plain text" : Self.chatLine + "\n"
      let input = try setup.folder.write("in-\(name).jsonl", contents)
      // The same file through another spelling of its path.
      let sameFile = setup.folder.url.path + "/./in-\(name).jsonl"
      let result = try CommandRunner.run(arguments(template, input: input, output: sameFile))
      #expect(result.status == 2, "\(name): \(result.stderr)")
      #expect(result.stderr.contains("the output is also an input"), "\(name): \(result.stderr)")
      #expect(try String(contentsOfFile: input, encoding: .utf8) == contents, "\(name) changed its input")
    }
    #expect(try leftovers(setup.folder, inputs: Set(FileManager.default.contentsOfDirectory(atPath: setup.folder.url.path).filter { $0.hasPrefix("in-") || $0 == "tiny.tiktoken" })) == [])
  }

  @Test func splitRefusesAnOutputFolderWhereItWouldOverwriteItsInput() throws {
    guard CommandRunner.isAvailable() else { return }
    let setup = try Setup()
    let contents = Self.chatLine + "\n"
    let input = try setup.folder.write("train.jsonl", contents)
    let result = try CommandRunner.run(["split", input, "--ratio", "0.5", "-o", setup.folder.url.path])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("the output is also an input"), "\(result.stderr)")
    #expect(try String(contentsOfFile: input, encoding: .utf8) == contents)
  }

  @Test func badJSONLStopsConvertAndInstructWithFileAndLineAndNoOutput() throws {
    guard CommandRunner.isAvailable() else { return }
    let setup = try Setup()
    let cases: [(String, [UInt8])] = [
      ("partial", Array((Self.chatLine + "\n" + #"{"messages":[{"role":"us"#).utf8)),
      ("overlong", Array((Self.chatLine + "\n{\"messages\":\"").utf8) + [0xC0, 0xAF] + Array("\"}\n".utf8)),
      ("nul", Array((Self.chatLine + "\n").utf8) + [0] + Array("\n".utf8)),
      ("range", Array((Self.chatLine + "\n{\"n\":1e999}\n").utf8)),
      ("deep", Array((Self.chatLine + "\n").utf8) + HostileBytes.nested("[", "]", depth: 100_000) + [0x0A]),
    ]
    for (caseName, chatBytes) in cases {
      for command in ["convert", "instruct"] {
        // instruct reads documents: the same bad second line after a good document.
        let bytes = command == "convert" ? chatBytes : Array((Self.documentLine + "\n").utf8) + chatBytes.drop { $0 != 0x0A }.dropFirst()
        let input = try setup.folder.write("\(caseName)-\(command).jsonl", bytes)
        let output = setup.folder.path("out.jsonl")
        let template = Self.commands(tokenizer: setup.tokenizer).first { $0.name == command }?.arguments ?? []
        let result = try CommandRunner.run(arguments(template, input: input, output: output))
        #expect(result.status == 2 || result.status == 1, "\(command) \(caseName): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("\(input):2"), "\(command) \(caseName): \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output), "\(command) \(caseName) left an output")
      }
    }
  }

  @Test func validateReportsBadLinesAsFindingsWithExitOne() throws {
    guard CommandRunner.isAvailable() else { return }
    let setup = try Setup()
    let bytes = Array((Self.chatLine + "\n{\"messages\":\"").utf8) + [0xC0, 0xAF] + Array("\"}\n{\"n\":1e999}\n{\"messages\":[".utf8)
    let input = try setup.folder.write("bad.jsonl", bytes)
    let result = try CommandRunner.run(["validate", input])
    #expect(result.status == 1, "\(result.stderr)")
    for line in 2...4 { #expect(result.stdout.contains("\(input):\(line)"), "line \(line): \(result.stdout)") }
  }

  @Test func aTruncatedGzipInputIsAnErrorNamingTheFile() throws {
    guard CommandRunner.isAvailable() else { return }
    let setup = try Setup()
    let plain = try setup.folder.write("data.jsonl", String(repeating: Self.chatLine + "\n", count: 3000))
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
    gzip.arguments = [plain]
    try gzip.run()
    gzip.waitUntilExit()
    let data = try Data(contentsOf: URL(fileURLWithPath: plain + ".gz"))
    let cut = try setup.folder.write("cut.jsonl.gz", Array(data.prefix(data.count * 2 / 3)))
    for (name, template) in Self.commands(tokenizer: setup.tokenizer) where name != "validate" && name != "instruct" {
      let output = setup.folder.path("out-\(name)")
      let result = try CommandRunner.run(arguments(template, input: cut, output: output))
      #expect(result.status == 2 || (name == "extract" && result.status == 1), "\(name): \(result.status) \(result.stderr)")
      #expect(result.stderr.contains("\(cut)"), "\(name): \(result.stderr)")
      #expect(result.stderr.contains("truncated") || result.stderr.contains("read failed"), "\(name): \(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: output), "\(name) left an output")
    }
    let validate = try CommandRunner.run(["validate", cut])
    #expect(validate.status != 0)
    #expect((validate.stdout + validate.stderr).contains(cut))
  }

  @Test func anEmptyInputGivesAnEmptyResultNotACrash() throws {
    guard CommandRunner.isAvailable() else { return }
    let setup = try Setup()
    let input = try setup.folder.write("empty.jsonl", [UInt8]())
    let output = setup.folder.path("out.jsonl")
    let convert = try CommandRunner.run(["convert", input, "--to", "alpaca", "--from", "openai-chat", "-o", output])
    #expect(convert.status == 0, "\(convert.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: output)).isEmpty)
    let validate = try CommandRunner.run(["validate", input])
    #expect(validate.status == 0 || validate.status == 1)
    #expect(!validate.stdout.isEmpty)
    let extract = try CommandRunner.run(["extract", setup.folder.write("empty.html", [UInt8]()), "-o", output])
    #expect(extract.status == 1)
    #expect(extract.stderr.contains("empty.html: empty input"), "\(extract.stderr)")
  }
}
