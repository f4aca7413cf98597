import Foundation
import Testing
import DataPrepTestSupport
@testable import DataPrep

/// c4's rewriting (datatrove's `C4QualityFilter`): a passing document becomes its kept lines,
/// stripped, citations removed, joined with `\n`, the whole stripped; each line rule's effect
/// on that text, and the filter stage writing it (documents only, any `--jobs`).
@Suite struct C4RewriteTests {
  /// The text `text` is rewritten to with the sentence minimum off (so short texts pass).
  private func rewritten(_ text: String, _ configure: (inout C4Settings) -> Void = { _ in }) -> String? {
    var s = C4Settings()
    s.minSentences = nil
    configure(&s)
    return C4Rule(settings: s).evaluate(FilterText(text)).rewritten
  }

  @Test func citationsAreRemovedFromKeptLines() {
    let text = "Rivers flood in spring.[1]\nThe mill [edit] stands still.\nIt was built long ago.[citation needed]\nNumbers [12] and [] go too."
    #expect(rewritten(text) == "Rivers flood in spring.\nThe mill  stands still.\nIt was built long ago.\nNumbers  and  go too.")
    #expect(rewritten(text) { $0.removeCitations = false } == "The mill [edit] stands still.\nNumbers [12] and [] go too.")
  }

  @Test func citationsWithDigitsOfOtherScriptsAreRemovedAsPythonsBackslashDMatchesThem() {
    #expect(rewritten("Arabic digits cite here.[١٢]") == "Arabic digits cite here.")
    #expect(rewritten("Letters are not a citation.[a]\nThis line is kept.") == "This line is kept.")
  }

  @Test func aCitationAfterTheFinalStopLeavesASpaceSoTheLineIsDropped() {
    // datatrove strips the line before removing citations: "Ends here. [1]" becomes "Ends here. ".
    #expect(rewritten("Ends here. [1]\nThis line stays put.") == "This line stays put.")
  }

  @Test func linesWithoutTerminalPunctuationOrEndingInAnEllipsisAreRemoved() {
    let text = "A heading without a stop\nThis line trails off...\nShe said \"it is fine.\"\nHe wrote 'all done'\nIs this kept?\nYes it is kept!"
    // `"` and `'` end a line as `.`, `?` and `!` do (datatrove's END_PUNCTUATION).
    #expect(rewritten(text) == "She said \"it is fine.\"\nHe wrote 'all done'\nIs this kept?\nYes it is kept!")
    #expect(rewritten(text) { $0.requireTerminalPunctuation = false }
      == "A heading without a stop\nThis line trails off...\nShe said \"it is fine.\"\nHe wrote 'all done'\nIs this kept?\nYes it is kept!")
  }

  @Test func linesOfTooFewWordsAreRemoved() {
    #expect(rewritten("Two words.\nThree words here.\nOne.") == "Three words here.")
    #expect(rewritten("Two words.\nThree words here.") { $0.minWordsPerLine = nil } == "Two words.\nThree words here.")
  }

  @Test func linesWithATooLongWordAreRemoved() {
    let long = String(repeating: "x", count: 1001)
    #expect(rewritten("A word \(long) here.\nThis line is fine.") == "This line is fine.")
    #expect(rewritten("A word \(long) here.\nThis line is fine.") { $0.maxWordLength = nil } == "A word \(long) here.\nThis line is fine.")
  }

  @Test func javascriptAndPolicyLinesAreRemoved() {
    let text = "Please enable JavaScript to view this.\nThis site uses cookies to work.\nRead our Privacy Policy first.\nThe mill turns on weekends."
    #expect(rewritten(text) == "The mill turns on weekends.")
    #expect(rewritten(text) {
      $0.dropJavascriptLines = false
      $0.dropPolicyLines = false
    } == text)
  }

  @Test func linesAreStrippedBlankLinesGoAndBreaksBecomeNewlines() {
    let text = "\n  The first line is here.  \r\n\r\n\tThe second line is here.\u{2028}The third line is here.\n\n"
    #expect(rewritten(text) == "The first line is here.\nThe second line is here.\nThe third line is here.")
  }

  @Test func onlyTheWholeTextIsStrippedAfterJoiningAsDatatroveDoes() {
    // A citation at a line's start leaves a space: kept inside the text, stripped at its start.
    #expect(rewritten("[1] The first line is here.\n[2] The second line is here.") == "The first line is here.\n The second line is here.")
  }

  @Test func aFailingTextIsNotRewrittenAndRewriteOffDecidesOnly() {
    var strict = C4Settings()
    strict.minSentences = 5
    let failing = C4Rule(settings: strict).evaluate(FilterText("Only one sentence here.\nmenu"))
    #expect(failing.failure == "too_few_sentences")
    #expect(failing.rewritten == nil)
    #expect(FilterTestTexts.value(failing, "lines_removed") == 0)
    let off = C4Rule(settings: { var s = C4Settings(); s.minSentences = nil; s.rewrite = false; return s }()).evaluate(FilterText("Kept line is here.\nmenu"))
    #expect(off.failure == nil)
    #expect(off.rewritten == nil)
    #expect(FilterTestTexts.value(off, "lines_removed") == nil)
  }

  @Test func linesRemovedCountsEveryLineLeftOut() {
    var s = C4Settings()
    s.minSentences = nil
    let outcome = C4Rule(settings: s).evaluate(FilterText("Kept line is here.\nmenu\n\nAnother kept line here."))
    #expect(FilterTestTexts.value(outcome, "lines_removed") == 2)
    #expect(FilterTestTexts.value(outcome, "kept_lines") == 2)
  }

  // MARK: the filter stage

  private static let page = FilterTestTexts.prose + "\nHome | About | Contact\nShare this page"

  private func filter(_ lines: [String], jobs: Int = 1, _ configure: (inout QualityFilterOptions) -> Void = { _ in }) throws -> String {
    let folder = try TemporaryDirectory()
    let input = try folder.write("in.jsonl", lines.joined(separator: "\n") + "\n")
    var options = QualityFilterOptions()
    options.rules = [.c4]
    options.jobs = jobs
    configure(&options)
    let writer = try JSONLWriter(path: folder.path("out.jsonl"))
    _ = try QualityFilter(options: options).run(inputs: [input], to: writer)
    try writer.finish()
    return try String(contentsOfFile: folder.path("out.jsonl"), encoding: .utf8)
  }

  private func line(_ object: JSONValue) -> String { JSONWriter().string(of: object) }

  @Test func aKeptDocumentIsWrittenAsItsKeptLines() throws {
    let document = line(["id": "d", "text": .string(Self.page)])
    #expect(try filter([document]) == line(["id": "d", "text": .string(FilterTestTexts.prose)]) + "\n")
    #expect(try filter([document]) { $0.c4.rewrite = false } == document + "\n")
    // Another rule set first: every rule set judges the text as read, the output is rewritten.
    #expect(try filter([document]) { $0.rules = [.fineweb, .c4] } == line(["id": "d", "text": .string(FilterTestTexts.prose)]) + "\n")
  }

  @Test func examplesAreJudgedButNeverRewritten() throws {
    let example = line(["messages": [["role": "user", "content": "Hi."], ["role": "assistant", "content": .string(Self.page)]]])
    #expect(try filter([example]) == example + "\n")
    let annotated = try filter([example]) { $0.annotate = true }
    #expect(annotated.contains("\"lines_removed\":0"))
  }

  @Test func annotateRecordsTheLinesRemovedAndWritesTheKeptText() throws {
    let output = try filter([line(["text": .string(Self.page)])]) { $0.annotate = true }
    let record = try #require(try JSONParser().parse(Array(output.utf8.dropLast())).objectValue)
    #expect(record["text"] == .string(FilterTestTexts.prose))
    #expect(record["metadata"]?["quality"]?["c4"]?["values"]?["lines_removed"] == .integer(2))
  }

  @Test func theRewrittenOutputIsTheSameBytesAtOneAndFourJobs() throws {
    var lines: [String] = []
    for i in 0..<600 {
      let extra = i % 3 == 0 ? "\nmenu \(i)" : (i % 3 == 1 ? "\nA citation follows here.[\(i)]" : "")
      lines.append(line(["id": .integer(Int64(i)), "text": .string(FilterTestTexts.prose + extra)]))
    }
    let one = try filter(lines, jobs: 1)
    let four = try filter(lines, jobs: 4)
    #expect(one == four)
    #expect(one.contains("A citation follows here.\""))
    #expect(!one.contains("menu "))
  }
}
