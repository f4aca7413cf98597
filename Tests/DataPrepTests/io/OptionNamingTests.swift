import DataPrep
import Foundation
import Testing

/// Library errors carry the setting at fault as data (``OptionName``) and name it as a property;
/// a front end binds its own wording with ``OptionName/naming``.
@Suite struct OptionNamingTests {
  @Test func libraryMessagesNameSettingsAsProperties() {
    #expect(OutputError.exists(path: "out.jsonl").localizedDescription == "out.jsonl: already exists; pass `force` to overwrite it")
    #expect(DedupError.badOption(.ngram, requirement: "must be at least 1").localizedDescription == "`ngram` must be at least 1")
    #expect(SplitError.needsFile(.stratifyBy).localizedDescription == "`stratifyBy` reads the input twice: give a file, not standard input")
  }

  @Test func noLibraryMessageNamesAFlag() throws {
    let errors: [any OptionNamingError] = [
      OutputError.exists(path: "o"), InputError.lineTooLong(path: "i", line: 1, limit: 1 << 20),
      SplitError.emptySplit(name: "validation", records: 3), SplitError.noText(path: "i", line: 1),
      SplitError.badRatio(text: "2", problem: "expected 0.9 or 0.8,0.1,0.1"),
      DedupError.bandsExceedPermutations(product: 300, permutations: 128),
      DedupError.noText(path: "i", line: 1, field: nil), DedupError.inputMismatch(path: "i"),
      DedupError.staleCandidates(path: "p", storedDigest: "a", signaturesDigest: "b"),
      LeakageError.noText(path: "i", line: 1, field: "x"), InstructError.overlapNotBelowChunk,
      InstructError.textFormatTasks(others: ["faq"]), InstructError.systemPromptNeedsConversational,
      BuildError.recipeExists(path: "r"), BuildError.previousOutputChanged(path: "p"),
      TokenizerError.notFound(name: "x", searched: []), FormatError.unknownShape(keys: []),
      ExtractError.badFieldSpec("x"), ExtractError.textOverLineLimit(path: "t", limit: 1 << 20),
      ExtractionProblem.recordMatchedNothing(xpath: "//a", inputs: 1),
    ]
    for error in errors {
      let message = error.localizedDescription
      #expect(!message.contains(" --"), "\(message)")
    }
  }

  @Test func aFrontEndWordsSettingsItsOwnWay() {
    let error = SplitError.emptySplit(name: "validation", records: 3)
    let worded = error.message(naming: { "<\($0.rawValue)>" })
    #expect(worded == "validation would get none of the 3 record(s): change <ratio> (or <seed>), or pass <allowEmpty> to write an empty validation.jsonl")
  }
}
