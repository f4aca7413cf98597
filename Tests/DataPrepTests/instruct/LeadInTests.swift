import Testing

@testable import DataPrep

/// A sentence ending with a colon introduces what follows it: an answer never ends on one (what
/// it introduced was left out by extract, or is in the next part).
@Suite struct LeadInTests {
  private let counter = TokenCounter(name: "words") { $0.split(whereSeparator: \.isWhitespace).count }

  @Test func aPartNeverEndsOnALeadInWhenItFitsWithWhatItIntroduces() {
    let chunker = SectionChunker(budget: 20, counter: counter)
    let text = [
      "The first paragraph says enough to fill most of a part alone.",
      "The clause can contain these elements:",
      "```\nFROM a JOIN b ON a.id = b.id\n```",
    ].joined(separator: "\n\n")
    let parts = chunker.chunks(of: text)
    #expect(parts.count == 2)
    #expect(parts.first == "The first paragraph says enough to fill most of a part alone.")
    #expect(parts.last?.hasPrefix("The clause can contain these elements:\n\n```") == true, "\(parts)")
    // A lead-in alone in its part stays: there is nothing to move.
    let alone = SectionChunker(budget: 16, counter: counter).chunks(of: "Use one of these options, whichever suits the machine best:\n\n" + (1...14).map { "w\($0)" }.joined(separator: " "))
    #expect(alone.count == 2)
  }

  @Test func aClosingLeadInIsDroppedFromTheAnswer() {
    #expect(
      SectionChunker.droppingTrailingLeadIn("Returns the type number. The following table shows the value for each type:")
        == "Returns the type number.")
    #expect(SectionChunker.droppingTrailingLeadIn("Intro paragraph.\n\nHere is what the form looks like now:") == "Intro paragraph.")
    #expect(SectionChunker.droppingTrailingLeadIn("Each release cycle consists of three parts:") == "")
    // A text that opens with code and ends with a lead-in to the next section's example.
    #expect(
      SectionChunker.droppingTrailingLeadIn("```html\n<form></form>\n```\n\nThe handler logs in. It is configured as follows:")
        == "```html\n<form></form>\n```\n\nThe handler logs in.")
    #expect(SectionChunker.droppingTrailingLeadIn("Django is a framework.\n\nIt offers these tools:\n\nLearn about these functions:") == "Django is a framework.")
    // Not a lead-in: a list item, a table, code, a sentence.
    for text in ["Steps:\n\n- Open the file:", "| a | b |\n|---|---|\n| 1 | 2: |", "```\nkey:\n```", "A sentence."] {
      #expect(SectionChunker.droppingTrailingLeadIn(text) == text, "\(text)")
    }
  }

  @Test func aSectionThatOnlyLeadsInToItsSubsectionsIsNoAnswer() throws {
    let page = Document(
      id: "release", source: "internals/release-process.html", format: "html", title: "Release process",
      text: "## Release cycle\n\nEach release cycle consists of three parts:\n\n### Feature freeze\n\nNo new features land after the freeze, only fixes and documentation.",
      sections: [
        .init(heading: "Release cycle", level: 2, text: "Each release cycle consists of three parts:"),
        .init(heading: "Feature freeze", level: 3, text: "No new features land after the freeze, only fixes and documentation."),
      ])
    let (summary, records) = try InstructFixtures.run([page], InstructOptions(format: .openAIChat, tasks: [.sectionQA]))
    let answers = records.compactMap { $0["messages"]?.value(atPath: "1.content")?.stringValue }
    #expect(answers == ["No new features land after the freeze, only fixes and documentation."])
    #expect(summary.dropped[.notAnAnswer] == 1, "\(summary.dropped)")
  }

  @Test func anAnswerOfMoreThanEightPartsIsADumpNotAnAnswer() throws {
    // 9 paragraphs of about 45 tokens, each a part at an answer budget of 64.
    let paragraph = (1...9).map { n in (1...5).map { "Commit \(n).\($0) fixed a thing." }.joined(separator: " ") }
    func page(_ paragraphs: ArraySlice<String>) -> Document {
      let text = paragraphs.joined(separator: "\n\n")
      return Document(
        id: "log\(paragraphs.count)", source: "RelNotes/\(paragraphs.count).html", format: "html", title: "Changes since v2.39.\(paragraphs.count)",
        text: "## Shortlog\n\n\(text)", sections: [.init(heading: "Shortlog", level: 2, text: text)])
    }
    let options = InstructOptions(format: .openAIChat, tasks: [.sectionQA], answerTokens: 64)
    let (summary, records) = try InstructFixtures.run([page(paragraph[...])], options)
    #expect(records.isEmpty)
    #expect(summary.dropped[.tooManyParts] == 1, "\(summary.dropped)")
    #expect(summary.report.contains("dropped (response over 8 parts of --answer-tokens): 1"), "\(summary.report)")
    let (eight, kept) = try InstructFixtures.run([page(paragraph.prefix(8))], options)
    #expect(kept.count == 8)
    #expect(eight.dropped[.tooManyParts] == nil)
  }
}
