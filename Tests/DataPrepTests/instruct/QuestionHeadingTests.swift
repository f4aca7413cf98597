import Testing

@testable import DataPrep

/// Headings asked as questions the way a reader asks them, found by reading the Django and
/// PostgreSQL builds: "How to X" asked "How do I X?", an indirect question made a request,
/// advice and labels opened by an auxiliary left out.
@Suite struct QuestionHeadingTests {
  /// The prompts `task` writes for `page` alone.
  private static func prompts(of page: Document, task: InstructTask) throws -> [String] {
    let (_, records) = try InstructFixtures.run([page], InstructOptions(format: .openAIChat, tasks: [task]))
    return records.compactMap { $0["messages"]?.value(atPath: "0.content")?.stringValue }
  }

  @Test func anAuxiliaryOpensAQuestionOnlyBeforeItsSubject() {
    for heading in ["Can I add items", "Does the cache expire", "Is Django fast enough", "Should you pin versions", "Are there limits"] {
      #expect(QuestionHeading.isQuestion(heading), "\(heading)")
    }
    // Advice and labels: the word after the auxiliary is no subject.
    for heading in ["Do database work in the database rather than in Python", "Has patch", "Can’t find GEOS library", "Is not null"] {
      #expect(!QuestionHeading.isQuestion(heading), "\(heading)")
    }
    // German keeps its own order.
    #expect(QuestionHeading.isQuestion("Was ist neu"))
    #expect(QuestionHeading.isQuestion("Wie funktioniert das"))
  }

  @Test func aQuestionWordBeforeACommaOpensAStatement() {
    #expect(!QuestionHeading.isQuestion("When testing, more is better"))
    #expect(QuestionHeading.isQuestion("When testing, is more better?"))
    #expect(QuestionHeading.isQuestion("When sessions are saved"))
  }

  @Test func howToHeadingsAreAskedAsAReaderAsks() {
    #expect(QuestionHeading.asQuestion("How to log a user out") == "How do I log a user out?")
    #expect(QuestionHeading.asQuestion("How to Use Pipeline Mode") == "How do I use Pipeline Mode?")
    #expect(QuestionHeading.asQuestion("What to read next") == "What should I read next?")
    #expect(QuestionHeading.asQuestion("Where to Report Bugs") == "Where should I report Bugs?")
    #expect(QuestionHeading.asQuestion("When to use GROUP BY") == "When should I use GROUP BY?")
  }

  @Test func anIndirectQuestionBecomesARequest() {
    #expect(QuestionHeading.asQuestion("How Django stores passwords") == "Explain how Django stores passwords.")
    #expect(QuestionHeading.asQuestion("When QuerySets are evaluated") == "Explain when QuerySets are evaluated.")
    #expect(QuestionHeading.asQuestion("What “stable” means") == "Explain what “stable” means.")
    #expect(QuestionHeading.asQuestion("Why this matters") == "Explain why this matters.")
  }

  @Test func aDirectQuestionOnlyGainsItsMark() {
    #expect(QuestionHeading.asQuestion("What’s new in Django 1.0") == "What’s new in Django 1.0?")
    #expect(QuestionHeading.asQuestion("How does the cache work") == "How does the cache work?")
    #expect(QuestionHeading.asQuestion("Who receives advance notification") == "Who receives advance notification?")
    #expect(QuestionHeading.asQuestion("What Goes Where") == "What Goes Where?")
    #expect(QuestionHeading.asQuestion("Can I add items") == "Can I add items?")
    #expect(QuestionHeading.asQuestion("Q: How is it stored?") == "How is it stored?")
    #expect(QuestionHeading.asQuestion("Wie funktioniert das") == "Wie funktioniert das?")
  }

  @Test func aHeadingPageMakesTheReadersQuestions() throws {
    let text = "Django stores a hash of each password, never the password itself, with the algorithm and salt beside it."
    let page = Document(
      id: "passwords", source: "topics/auth/passwords.html", format: "html", title: "Password management",
      text: "## How Django stores passwords\n\n\(text)\n\n## Has patch\n\nThe ticket has a patch that a reviewer can test and merge.",
      sections: [
        .init(heading: "How Django stores passwords", level: 2, text: text),
        .init(heading: "Has patch", level: 2, text: "The ticket has a patch that a reviewer can test and merge."),
      ])
    let prompts = try Self.prompts(of: page, task: .faq)
    #expect(prompts == ["Explain how Django stores passwords."])
  }

  @Test func aVersionHeadingIsNamedAsAVersion() throws {
    for heading in ["4.1", "1.10", "v2.0.3"] { #expect(ExampleGenerator.isVersionNumber(heading), "\(heading)") }
    for heading in ["4", "4.", "Python 3.8", "1.x", "٤.١"] { #expect(!ExampleGenerator.isVersionNumber(heading), "\(heading)") }
    let text = "These features will be removed in 4.1, after their deprecation period ends."
    let page = Document(
      id: "timeline", source: "internals/deprecation.html", format: "html", title: "Django Deprecation Timeline",
      text: "## 4.1\n\n\(text)", sections: [.init(heading: "4.1", level: 2, text: text)])
    let prompts = try Self.prompts(of: page, task: .sectionQA)
    #expect(prompts.count == 1)
    #expect(prompts.allSatisfy { $0.contains("\"version 4.1\"") }, "\(prompts)")
  }

  @Test func aVagueQuestionNamesItsPage() throws {
    for vague in ["How it works?", "Explain how it works.", "What next?", "Why?", "How does it work?"] {
      #expect(ExampleGenerator.isVague(vague), "\(vague)")
    }
    for named in ["How do I log a user out?", "Explain how Django stores passwords.", "What is a cursor?"] {
      #expect(!ExampleGenerator.isVague(named), "\(named)")
    }
    let text = "Each request is routed to the first handler whose pattern matches its path."
    let page = Document(
      id: "routing", source: "topics/routing.html", format: "html", title: "Request routing",
      text: "## How it works\n\n\(text)", sections: [.init(heading: "How it works", level: 2, text: text)])
    let prompts = try Self.prompts(of: page, task: .faq)
    #expect(prompts == ["Explain how it works (in \"Request routing\")."], "\(prompts)")
  }

  @Test func aTitleIsNotCopiedFromAHeadingOfItsInput() throws {
    let body = "\n\nAdd file contents to the index, so that the next commit records them. The index holds a snapshot of the working tree."
    #expect(ExampleGenerator.droppingLeadingHeading(naming: "git-add(1)", from: "# git-add(1) Manual Page" + body) == TextTrimming.trimmed(body))
    #expect(ExampleGenerator.droppingLeadingHeading(naming: "Content Negotiation", from: "# Content Negotiation" + body) == TextTrimming.trimmed(body))
    // A heading that does not hold the title stays, and so does a first line of prose.
    #expect(ExampleGenerator.droppingLeadingHeading(naming: "git-add(1)", from: "## Synopsis" + body) == "## Synopsis" + body)
    #expect(ExampleGenerator.droppingLeadingHeading(naming: "add", from: "Add file contents." + body) == "Add file contents." + body)
    let page = Document(
      id: "gitadd", source: "git-add.html", format: "html", title: "git-add(1)",
      text: "# git-add(1) Manual Page" + body + " It is updated by every call.",
      sections: [.init(heading: "git-add(1) Manual Page", level: 1, text: TextTrimming.trimmed(body))])
    let prompts = try Self.prompts(of: page, task: .title)
    #expect(prompts.count == 1)
    #expect(prompts.allSatisfy { !$0.contains("git-add(1)") }, "\(prompts)")
  }
}
