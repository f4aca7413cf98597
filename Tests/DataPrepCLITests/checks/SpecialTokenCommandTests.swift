import Foundation
import Testing

import DataPrep

/// `special-token` and `template-marker` through the binary: literal markers in documentation
/// pass, what the tokenizer treats as special fails (the checks are tested in SpecialTokenTests).
@Suite struct SpecialTokenCommandTests {
  @Test func cleanDocumentationWithLiteralMarkersPassesTheBinary() throws {
    var lines = ChatLines.clean(120)
    for (i, line) in ChatLines.literalTemplateMarkers.enumerated() { lines[10 * i] = line }
    let path = try ChatLines.temporaryFile(lines.joined(separator: "\n") + "\n")
    let result = try CommandRunner.run(["validate", path])
    guard result.status != -1 else { return }
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("note:"))
    #expect(result.stdout.contains("[template-marker]"))
    #expect(!result.stdout.contains("[special-token]"))

    lines[50] = ChatLines.record("Explain the end of a document.", "The text ends here<|endoftext|>")
    let leaky = try ChatLines.temporaryFile(lines.joined(separator: "\n") + "\n")
    let failed = try CommandRunner.run(["validate", leaky])
    #expect(failed.status == 1)
    #expect(failed.stdout.contains("train.jsonl:51: error:"))
    #expect(failed.stdout.contains("[special-token]"))
  }

  @Test func aTokenizerJSONMakesItsSpecialTokensErrorsThroughTheBinary() throws {
    let folder = TokenizerFixtures.folder()
    let file = TokenizerFixtures.huggingFaceFile(in: folder, merges: [("h", "e")])
    let json = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "<|endoftext|>", with: "<s>")
    try json.write(to: file, atomically: true, encoding: .utf8)
    var lines = ChatLines.clean(120)
    lines[0] = ChatLines.literalTemplateMarkers[1]
    let path = try ChatLines.temporaryFile(lines.joined(separator: "\n") + "\n")
    let result = try CommandRunner.run(["validate", path, "--tokenizer", file.path])
    guard result.status != -1 else { return }
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("train.jsonl:1: error:"))
    #expect(result.stdout.contains("'<s>'"))
  }
}
