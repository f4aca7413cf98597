import Foundation
import Testing
@testable import DataPrep

/// `special-token` is what the target tokenizer treats as special; literal `<s>` in real
/// documentation (Perl's `C<s>`, HTML strikethrough, C code) is at most a `template-marker` note.
@Suite struct SpecialTokenTests {
  typealias Support = ValidationTestSupport

  static func chat(_ user: String, _ answer: String) -> String {
    func quoted(_ s: String) -> String { JSONWriter().string(of: .string(s)) }
    return #"{"messages":[{"role":"user","content":\#(quoted(user))},{"role":"assistant","content":\#(quoted(answer))}]}"#
  }

  static let literal: [String] = ChatLines.literalTemplateMarkers

  @Test func literalTemplateMarkersAreNotesNotErrors() throws {
    var lines = Support.cleanChatLines(120)
    for (i, line) in Self.literal.enumerated() { lines[10 * i] = line }
    let report = try Support.run(lines)
    #expect(report.findings.allSatisfy { $0.check != .specialToken }, "\(report.findings)")
    let notes = report.findings.filter { $0.check == .templateMarker }
    #expect(notes.map(\.line) == [1, 11, 21, 31])
    #expect(notes.allSatisfy { $0.severity == .note })
    #expect(notes.first?.message.contains("'<s>'") == true)
    #expect(!report.failed(strict: true))  // notes never fail, even with --strict
  }

  @Test(arguments: ["<|endoftext|>", "<|endofprompt|>", "<|im_start|>", "<|eot_id|>"])
  func tokensTheTokenizerTreatsAsSpecialAreErrors(_ token: String) throws {
    var lines = Support.cleanChatLines(120)
    lines[5] = Self.chat("Explain the end of a document.", "The text ends here\(token)")
    let report = try Support.run(lines)
    let hits = report.findings.filter { $0.check == .specialToken }
    #expect(hits.map(\.line) == [6])
    #expect(hits.first?.severity == .error)
    #expect(hits.first?.message.contains(token) == true)
    #expect(report.failed(strict: false))
  }

  @Test func aTokenizerJSONsDeclaredSpecialTokensAreErrors() throws {
    var options = ValidationOptions()
    options.tokenizerSpecialTokens = ["<s>", "</s>", "<unk>"]
    var lines = Support.cleanChatLines(120)
    lines[0] = Self.literal[1]
    lines[1] = Self.chat("Explain unknown words.", "An unknown word becomes <unk> in the vocabulary.")
    let report = try Support.run(lines, options: options)
    #expect(report.findings.filter { $0.check == .specialToken }.map(\.line) == [1, 2])
    #expect(report.findings.allSatisfy { $0.check != .templateMarker })  // reported once, as the error
  }

  @Test func configuredSpecialTokensAndMarkersApply() throws {
    var options = ValidationOptions()
    try options.apply(yaml: "special_tokens: [\"<sep>\"]\ntemplate_markers: [\"<eos>\"]\n", path: "dataprep.yaml")
    var lines = Support.cleanChatLines(120)
    lines[0] = Self.chat("Explain the separator.", "Fields are split by <sep> here.")
    lines[1] = Self.chat("Explain the marker.", "Texts end with <eos> in that corpus.")
    lines[2] = Self.literal[1]  // <s> is no longer a marker: the list was replaced
    let report = try Support.run(lines, options: options)
    #expect(report.findings.filter { $0.check == .specialToken }.map(\.line) == [1])
    #expect(report.findings.filter { $0.check == .templateMarker }.map(\.line) == [2])
  }


}
