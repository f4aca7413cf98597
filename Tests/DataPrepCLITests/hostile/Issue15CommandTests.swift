import Foundation
import Testing

import DataPrep

/// Issue 15 ("Nothing lost, nothing crashes") through the built `dataprep` binary, where the
/// faults were seen: exit statuses, output left alone by failed runs, messages on stderr.
@Suite struct Issue15CommandTests {
  private static let previous = "{\"previous\":true}\n"

  /// A folder holding a previous output `out.jsonl`.
  private func folderWithOutput() throws -> (ScratchFolder, String) {
    let folder = try ScratchFolder()
    let output = try folder.write("out.jsonl", Self.previous)
    return (folder, output)
  }

  private func contents(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>"
  }

  // MARK: Point 5: a failed run leaves the previous output untouched

  @Test func everyInputFailingLeavesThePreviousOutputUntouched() throws {
    let (folder, output) = try folderWithOutput()
    let empty = try folder.write("empty.txt", "")
    let result = try CommandRunner.run(["extract", empty, "-o", output])
    guard result.status != -1 else { return }
    #expect(result.status == 1)
    #expect(contents(output) == Self.previous)
    #expect(result.stderr.contains("\(empty): empty input, skipped"))
    #expect(result.stderr.contains("nothing written"))
  }

  // MARK: The record-mode exit status, consistent with tree mode

  @Test func aRecordModeInputRefusedPartWayExitsOneLikeTreeMode() throws {
    let (folder, output) = try folderWithOutput()
    let cut = try folder.write("cut.xml", "<r><row a=\"1\"/><row a=\"2\"/><row a=\"3\"/><row a=")
    let record = try CommandRunner.run(["extract", cut, "--record", "//row", "--field", "text=@a", "-o", output])
    guard record.status != -1 else { return }
    let tree = try CommandRunner.run(["extract", cut, "-o", output])
    #expect(tree.status == 1)
    #expect(record.status == tree.status)
    #expect(record.stderr.contains("\(cut):1: malformed XML"))
    #expect(contents(output) == Self.previous)
  }

  // MARK: Point 6: names that are not UTF-8

  @Test func aFileWhoseNameIsNotUTF8IsReadInAWalkAndByName() throws {
    let folder = try ScratchFolder()
    // The shell writes the byte 0xE9 in the name; Foundation cannot create such a name.
    let made = CommandRunner.shell("(printf 'latin name' > \"\(folder.url.path)/caf$(printf '\\351').txt\")")
    try #require(made == 0)
    let walk = try CommandRunner.run(["extract", folder.url.path, "-o", "-"])
    guard walk.status != -1 else { return }
    #expect(walk.status == 0)
    #expect(walk.stdout.contains("\"text\":\"latin name\""))
    #expect(walk.stdout.contains("caf\\\\xE9.txt"))  // `\xE9`, JSON-escaped
    #expect(walk.stderr.contains("1 document from 1 file, 0 skipped"))
    // Named on the command line: the argument's bytes are read back from argv.
    let named = try CommandRunner.run(
      ["extract", "-o", "-"], shellSetup: "set -- \"$@\" \"\(folder.url.path)/caf$(printf '\\351').txt\"")
    #expect(named.status == 0)
    #expect(named.stdout.contains("\"text\":\"latin name\""))
  }

  // MARK: Point 7: XPaths checked first, runs that matched nothing fail

  @Test func anInvalidFieldXPathExitsTwoBeforeAnyWork() throws {
    let (folder, output) = try folderWithOutput()
    let path = try folder.write("p.xml", "<r><row Body=\"x\"/></r>")
    for xpath in ["count(", "nosuchfunction(@Body)", "@@"] {
      let result = try CommandRunner.run(["extract", path, "--record", "//row", "--field", "body=\(xpath)", "-o", output])
      guard result.status != -1 else { return }
      #expect(result.status == 2, "\(xpath)")
      #expect(result.stderr.contains("--field body=\(xpath): not a valid XPath expression"))
      #expect(!result.stderr.contains("extract: 0 documents"))  // refused before reading
    }
    #expect(contents(output) == Self.previous)
  }

  @Test func aRecordPathOrFieldsMatchingNothingExitOneWithAMessage() throws {
    let (folder, output) = try folderWithOutput()
    let path = try folder.write("p.xml", "<r><row Body=\"x\"/><row Body=\"y\"/></r>")
    let noRecord = try CommandRunner.run(["extract", path, "--record", "//item", "--field", "body=@Body", "-o", output])
    guard noRecord.status != -1 else { return }
    #expect(noRecord.status == 1)
    #expect(noRecord.stderr.contains("--record //item matched no element in the input"))
    let noField = try CommandRunner.run(["extract", path, "--record", "//row", "--field", "body=@body", "-o", output])
    #expect(noField.status == 1)
    #expect(noField.stderr.contains("--field body=@body selected nothing in any of the 2 records"))
    #expect(contents(output) == Self.previous)
    let oneField = try CommandRunner.run(
      ["extract", path, "--record", "//row", "--field", "body=@Body", "--field", "id=@Id", "-o", output])
    #expect(oneField.status == 0)
    #expect(oneField.stderr.contains("warning: --field id=@Id selected nothing in any of the 2 records"))
  }

  // MARK: Point 8: folder links

  @Test func aFolderLinkIsReportedAndCounted() throws {
    let folder = try ScratchFolder()
    try folder.write("docs/real/a.txt", "A")
    try FileManager.default.createSymbolicLink(atPath: folder.path("docs/link"), withDestinationPath: "real")
    let result = try CommandRunner.run(["extract", folder.path("docs"), "-o", "-"])
    guard result.status != -1 else { return }
    #expect(result.status == 0)
    #expect(result.stderr.contains("\(folder.path("docs/link")): a symbolic link to a folder, not followed"))
    #expect(result.stderr.contains("1 folder link not followed"))
  }

  // MARK: Point 16: the line limit applies to what is written

  @Test func aDocumentOverTheLineLimitIsRefusedNamingFileAndRecord() throws {
    let folder = try ScratchFolder()
    let big = String(repeating: "word ", count: 300_000)  // 1.5 MB in one record
    let path = try folder.write("dump.xml", "<r><row>small</row><row>\(big)</row></r>")
    let other = try folder.write("other.xml", "<r><row>other</row></r>")
    let output = folder.path("out.jsonl")
    let record = try CommandRunner.run(
      ["extract", path, other, "--record", "//row", "--field", "text=.", "--max-line-mb", "1", "-o", output])
    guard record.status != -1 else { return }
    #expect(record.status == 0)  // one of the two inputs was read whole
    #expect(record.stderr.contains("\(path)#1: the document would be a JSONL line of"))
    #expect(record.stderr.contains("over the line limit of 1.0 MiB (--max-line-mb)"))
    let lines = contents(output).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.utf8.count < 1 << 20 })
    // A gzip bomb of text is refused the same way, before it is read whole.
    let bomb = folder.path("bomb.txt.gz")
    try #require(CommandRunner.shell("(head -c 50000000 /dev/zero | tr '\\0' x | gzip -1 > \(bomb))") == 0)
    let text = try CommandRunner.run(["extract", bomb, "--max-line-mb", "1", "-o", "-"])
    #expect(text.status == 1)
    #expect(text.stdout.isEmpty)
    #expect(text.stderr.contains("\(bomb): more than 1.0 MiB of text"))
  }

  // MARK: Point 21: help paragraphs wrapped by the formatter

  /// Every subcommand's `--help`, at two widths, has no line broken inside a paragraph: when a
  /// line is followed by another of the same paragraph, the next word would not have fitted.
  @Test func helpParagraphsHaveNoHardLineBreaks() throws {
    let commands = ["extract", "dedup", "instruct", "convert", "split", "leakage", "validate", "tokens", "stats", "build", "init"]
    for width in [80, 132] {
      for command in commands {
        let result = try CommandRunner.run([command, "--help"], environment: ["COLUMNS": "\(width)", "LINES": "50"])
        guard result.status != -1 else { return }
        let problems = Self.hardBreaks(in: result.stdout, width: width)
        #expect(problems.isEmpty, "dataprep \(command) --help at \(width) columns: \(problems)")
      }
    }
  }

  /// Lines that end although the next line's first word would have fitted on them.
  static func hardBreaks(in help: String, width: Int) -> [String] {
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var problems: [String] = []
    for (line, next) in zip(lines, lines.dropFirst()) {
      let indent = next.prefix { $0 == " " }.count
      let body = next.dropFirst(indent)
      guard !line.trimmingCharacters(in: .whitespaces).isEmpty, !body.isEmpty else { continue }
      // A command example, a new option or section: not a continuation.
      if line.trimmingCharacters(in: .whitespaces).hasPrefix("dataprep ") || body.hasPrefix("dataprep ") { continue }
      if body.hasPrefix("-") || body.hasPrefix("<") || body.hasSuffix(":") || line.hasSuffix(":") { continue }
      // An option or argument label alone on its line (its help starts on the next).
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("-") || trimmed.hasPrefix("<"), !trimmed.contains("  ") { continue }
      // The next line continues this one only when it starts where this one's text does.
      let chars = Array(line)
      guard indent < chars.count || indent == 0 else { continue }
      let continues = indent == 0 ? !line.hasPrefix(" ") : (chars[indent] != " " && chars[indent - 1] == " ")
      guard continues else { continue }
      let word = body.prefix { $0 != " " }
      if line.count + 1 + word.count < width - 1 { problems.append(line) }
    }
    return problems
  }
}
