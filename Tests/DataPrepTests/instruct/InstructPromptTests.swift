import Testing
@testable import DataPrep

/// The prompts of `instruct` on reference-documentation shapes: terms asked by their shape and
/// page, cleaned titles and headings, navigation skipped, collisions told apart.
@Suite struct InstructPromptTests {
  private func chat(_ documents: [Document], tasks: [InstructTask], answerTokens: Int? = nil) throws -> (Instructor.Summary, [JSONValue]) {
    try InstructFixtures.run(documents, InstructOptions(format: .openAIChat, tasks: tasks, answerTokens: answerTokens))
  }

  private func prompts(_ records: [JSONValue]) -> [String] {
    records.compactMap { $0["messages"]?.value(atPath: "0.content")?.stringValue }
  }

  private func answers(_ records: [JSONValue]) -> [String] {
    records.compactMap { $0["messages"]?.value(atPath: "1.content")?.stringValue }
  }

  private static func page(
    _ id: String, title: String, sections: [Document.Section] = [], qa: [(String, String)] = [], source: String? = nil
  ) -> Document {
    let text = sections.map { ($0.heading.isEmpty ? "" : "## \($0.heading)\n\n") + $0.text }.joined(separator: "\n\n")
    let pairs = JSONValue.array(qa.map { ["question": .string($0.0), "answer": .string($0.1)] })
    return Document(
      id: id, source: source ?? "\(id).html", format: "html", title: title, text: text, sections: sections,
      metadata: InstructFixtures.object(["qa": pairs]))
  }

  /// Whether `text` is a question, or a request opening with one of the verbs the prompts use.
  private func isQuestionOrRequest(_ text: String) -> Bool {
    let verbs: Set<String> = ["explain", "describe", "give", "summarize", "suggest", "write", "continue", "condense"]
    let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { !$0.isEmpty }
    let first = words.first.map { $0.lowercased() } ?? ""
    return words.count >= 3 && (text.hasSuffix("?") || verbs.contains(first))
  }

  @Test func termsAreAskedByTheirShapeNamingThePage() throws {
    let definition = "Prints the flags the C compiler was given when the server was built."
    let document = Self.page(
      "pgconfig", title: "pg_config",
      qa: [
        ("--cflags", definition), ("new_owner", "The user name of the new owner of the sequence."),
        ("PQdescribePortal(conn, name)¶", "Submits a request to obtain information about a portal."),
        ("IF EXISTS", "Do not throw an error if the sequence does not exist."),
        ("Undo a merge", "Run the reset command with the merge option to go back."),
      ])
    let asked = prompts(try chat([document], tasks: [.faq]).1)
    #expect(asked.count == 5)
    #expect(asked[0].contains("`--cflags` option") && asked[0].contains("pg_config"), "\(asked[0])")
    #expect(asked[1].contains("`new_owner`") && asked[1].contains("pg_config"), "\(asked[1])")
    #expect(asked[2].contains("`PQdescribePortal(conn, name)`") && !asked[2].contains("¶"), "\(asked[2])")
    #expect(asked[3].contains("`IF EXISTS`"), "\(asked[3])")
    #expect(asked[4].contains("Undo a merge") && asked[4].contains("pg_config") && !asked[4].contains("`"), "\(asked[4])")
    #expect(asked.allSatisfy(isQuestionOrRequest), "\(asked)")
  }

  @Test func termShapes() {
    #expect(TermQuestion.shape(of: "-p port --port=port", subject: "pg_dump") == .option)
    #expect(TermQuestion.shape(of: "ECPG_INFORMIX_ENOTDMY", subject: "Informix") == .code)
    #expect(TermQuestion.shape(of: "DATA", subject: "COPY") == .code)
    #expect(TermQuestion.shape(of: "column.ui", subject: "git-config(1)") == .code)
    #expect(TermQuestion.shape(of: "ordering", subject: "Mixins") == .code)
    #expect(TermQuestion.shape(of: "ANSI", subject: "Glossary") == .glossary)
    #expect(TermQuestion.shape(of: "Message Digest", subject: "Glossary") == .glossary)
    #expect(TermQuestion.shape(of: "Message Digest", subject: "Security tips") == .phrase)
    #expect(TermQuestion.shape(of: "Apache Portable Runtime (APR)", subject: "Glossary") == .glossary)
    #expect(TermQuestion.shape(of: "class sphinx.builders.Builder", subject: "Builders") == .code)
    #expect(TermQuestion.shape(of: "Version 2.4 notes", subject: "News") == .phrase)
    #expect(TermQuestion.clean("`post(request)`[source]¶") == "post(request)")
    #expect(TermQuestion.clean("¶") == "¶")
  }

  @Test func keywordsAndIdentifiersAreNotQuestions() throws {
    for heading in ["WHERE Clause", "IS DOCUMENT", "DO", "can_delete", "has_changed()", "is operator", "Why"] {
      #expect(!QuestionHeading.isQuestion(heading), "\(heading)")
    }
    #expect(!ExampleGenerator.isRealQuestion("%G?"))
    #expect(ExampleGenerator.isRealQuestion("Has patch?"))
    #expect(ExampleGenerator.isRealQuestion("How do I reset it"))
    // A short question names its page.
    let document = Self.page("next", title: "git-rebase(1)", sections: [.init(heading: "What next?", level: 2, text: "Run the continue command once every conflict is resolved.")])
    #expect(prompts(try chat([document], tasks: [.faq]).1) == ["What next (in git-rebase(1))?"])
  }

  @Test func glossaryTermsAreAskedPlainly() throws {
    let document = Self.page("glossary", title: "Appendix M. Glossary — Example Docs", qa: [("ANSI", "The American National Standards Institute, which publishes standards.")])
    let asked = prompts(try chat([document], tasks: [.faq]).1)
    #expect(asked.count == 1)
    #expect(["What is ANSI?", "What does ANSI mean?", "Give the definition of ANSI.", "What is meant by ANSI?"].contains(asked[0]), "\(asked)")
  }

  @Test func titlesLoseNumberingSiteSuffixesAndMarks() {
    var cleaner = TitleCleaner()
    #expect(cleaner.clean(title: "F.18.1. hstore External Representation") == "hstore External Representation")
    #expect(cleaner.clean(title: "Chapter 5. Data Definition") == "Data Definition")
    #expect(cleaner.clean(title: "Appendix M. Glossary") == "Glossary")
    #expect(cleaner.clean(title: "1.1 Console basics:") == "Console basics")
    #expect(cleaner.clean(title: "Models — Django 3.2 documentation") == "Models")
    #expect(cleaner.clean(title: "Issue 4 | The Estuary Courier") == "Issue 4")
    #expect(TitleCleaner.cleanHeading("PY_MAJOR_VERSION¶") == "PY_MAJOR_VERSION")
    #expect(TitleCleaner.cleanHeading("Introduction ¶") == "Introduction")
    #expect(TitleCleaner.cleanHeading("A. Smith") == "A. Smith")
    #expect(TitleCleaner.cleanHeading("2024 in review") == "2024 in review")
    #expect(TitleCleaner.cleanHeading("Wait...") == "Wait...")
    // A weak separator is a site suffix only once several titles share it.
    #expect(cleaner.clean(title: "apxs - APache eXtenSion tool") == "apxs - APache eXtenSion tool")
    for title in ["mod_ssl - Apache HTTP Server", "mod_rewrite - Apache HTTP Server", "Glossary - Apache HTTP Server"] {
      cleaner.learn(title)
    }
    #expect(cleaner.clean(title: "mod_ssl - Apache HTTP Server") == "mod_ssl")
    #expect(cleaner.clean(title: "apxs - APache eXtenSion tool - Apache HTTP Server") == "apxs - APache eXtenSion tool")
  }

  @Test func sectionPromptsUseCleanTitleAndHeadingAndThePageIntro() throws {
    let document = Self.page(
      "constraints", title: "5.4. Constraints — Example Docs",
      sections: [
        .init(heading: "5.4. Constraints", level: 1, text: "Data types are a way to limit the kind of data that can be stored in a table."),
        .init(heading: "5.4.1. Check Constraints¶", level: 2, text: "A check constraint is the most generic constraint type there is in the system."),
        .init(heading: "Note", level: 3, text: "Check constraints are not checked again when the rows they hold change elsewhere."),
      ])
    let asked = prompts(try chat([document], tasks: [.sectionQA]).1)
    #expect(asked.count == 3)
    #expect(asked[2].contains("\"Note\" in \"Check Constraints\""), "\(asked[2])")
    #expect(asked[0].contains("\"Constraints\"") && !asked[0].contains("5.4") && !asked[0].contains("Example Docs"), "\(asked[0])")
    #expect(asked[1].contains("\"Check Constraints\"") && asked[1].contains("\"Constraints\"") && !asked[1].contains("¶"), "\(asked[1])")
    #expect(asked.allSatisfy(isQuestionOrRequest), "\(asked)")
  }

  @Test func navigationLinkListsAndFewWordsMakeNoExample() throws {
    let document = Self.page(
      "chapter", title: "Chapter 5. Data Definition",
      sections: [
        .init(heading: "Table of Contents", level: 2, text: "- 5.1. Table Basics\n- 5.2. Default Values\n- 5.3. Generated Columns\n- 5.4. Constraints\n- 5.5. System Columns"),
        .init(heading: "See also", level: 2, text: "- CREATE TABLE\n- ALTER TABLE\n- DROP TABLE\n- Privileges"),
        .init(heading: "Heading only", level: 2, text: "### Sub heading"),
        .init(heading: "Short", level: 2, text: "Unused."),
        .init(heading: "Basics", level: 2, text: "A table in a relational database is much like a table on paper: rows and columns."),
      ],
      qa: [("sqltypename", "Unused."), ("S", "skip-worktree")])
    let (_, out) = try chat([document], tasks: [.faq, .sectionQA])
    #expect(answers(out) == ["A table in a relational database is much like a table on paper: rows and columns."])
    #expect(!AnswerCheck.isAnswer("## Heading\n\n### Another", minWords: 1))
    #expect(!AnswerCheck.isAnswer("```\nls\n```", minWords: 8))
    #expect(!AnswerCheck.isAnswer("Home | Table of contents | Index | Modules\n\n« previous | up | next »", minWords: 6))
    #expect(AnswerCheck.isAnswer("Pick one of the two modes | or | both, as the tables below show.", minWords: 6))
    #expect(AnswerCheck.isAnswer("```\nDROP VIEW name [ CASCADE ]\n```", minWords: 8), "a one-line synopsis")
    #expect(!AnswerCheck.isAnswer("| CREATE TABLE |  |  |\n| --- | --- | --- |\n| Prev | Up | SQL Commands Home Next |\n\n---", minWords: 8))
    #expect(AnswerCheck.isAnswer("Use this:\n\n```\nSELECT 1 FROM t WHERE a = b;\n```", minWords: 8))
    #expect(AnswerCheck.isAnswer("| name | type |\n|---|---|\n| oid | oid |\n| relname | name |\n| relkind | char |", minWords: 8))
  }

  @Test func longSectionsAreCutAtParagraphsKeepingCodeWhole() throws {
    let paragraph = Array(repeating: "Every sentence here tells the reader one more thing about tables.", count: 6).joined(separator: " ")
    let code = "```\n" + (1...8).map { "SELECT \($0) FROM numbers WHERE n = \($0);" }.joined(separator: "\n") + "\n```"
    let text = [paragraph, paragraph, code, paragraph].joined(separator: "\n\n")
    let document = Self.page("long", title: "Tables", sections: [.init(heading: "Usage", level: 2, text: text)])
    let (_, out) = try chat([document], tasks: [.sectionQA], answerTokens: 150)
    let parts = answers(out)
    #expect(parts.count >= 3)
    #expect(parts.joined(separator: "\n\n") == text)
    #expect(parts.contains(code), "the code block is one part, whole")
    let asked = prompts(out)
    #expect(asked[1].contains("(part 2 of \(parts.count))"), "\(asked[1])")
    #expect(asked.allSatisfy(isQuestionOrRequest), "\(asked)")
    #expect(Set(asked).count == asked.count)
  }

  @Test func maxTokensSetsTheAnswerBudgetSoLongAnswersArePartsNotDrops() throws {
    let words = TokenCounter(name: "words") { $0.split(whereSeparator: \.isWhitespace).count }
    // 24 sentences of 10 words: 6 parts of 4 sentences (within ExampleGenerator.maxAnswerParts).
    let longAnswer = Array(repeating: "The widget keeps working in every room of the house.", count: 24).joined(separator: " ")
    let document = Self.page("rooms", title: "Widget", qa: [("Where does it work?", longAnswer)])
    let options = InstructOptions(format: .openAIChat, tasks: [.faq], tokenCounter: words, maxTokens: 100)
    let (summary, out) = try InstructFixtures.run([document], options)
    #expect(summary.dropped.isEmpty)
    #expect(out.count > 1)
    #expect(answers(out).joined(separator: " ") == longAnswer)
    #expect(answers(out).allSatisfy { words.count($0) <= 50 })
  }

  @Test func anAnswerBudgetTooSmallToHoldASentenceIsRefused() {
    #expect(throws: InstructError.badOption(.answerTokens, requirement: "must be at least 16")) {
      try InstructOptions(format: .openAIChat, answerTokens: 15).check()
    }
    #expect(throws: Never.self) { try InstructOptions(format: .openAIChat, answerTokens: 16).check() }
    #expect(ExampleGenerator(options: InstructOptions(format: .openAIChat)).answerBudget == 2048)
    #expect(ExampleGenerator(options: InstructOptions(format: .openAIChat, maxTokens: 1000)).answerBudget == 500)
  }

  @Test func overlongBlocksAndSentencesStillFitTheBudget() {
    let counter = TokenCounter(name: "words") { $0.split(whereSeparator: \.isWhitespace).count }
    let chunker = SectionChunker(budget: 20, counter: counter)
    let code = "```sh\n" + (1...30).map { "echo line \($0)" }.joined(separator: "\n") + "\n```"
    let codeParts = chunker.chunks(of: code)
    #expect(codeParts.count > 1)
    #expect(codeParts.allSatisfy { $0.hasPrefix("```sh\n") && $0.hasSuffix("\n```") && counter.count($0) <= 20 })
    let table = "| a | b |\n|---|---|\n" + (1...30).map { "| \($0) | x |" }.joined(separator: "\n")
    #expect(chunker.chunks(of: table).allSatisfy { $0.hasPrefix("| a | b |\n|---|---|\n") && counter.count($0) <= 20 })
    let sentences = (1...10).map { "Sentence number \($0) is short." }.joined(separator: " ")
    let sentenceParts = chunker.chunks(of: sentences)
    #expect(sentenceParts.allSatisfy { $0.hasPrefix("Sentence") && $0.hasSuffix("short.") && counter.count($0) <= 20 })
    let words = (1...100).map { "w\($0)" }.joined(separator: " ")
    #expect(chunker.chunks(of: words).allSatisfy { counter.count($0) <= 20 })
  }

  @Test func aPromptRepeatedWithAnotherAnswerGetsMoreContext() throws {
    let first = Self.page("a", title: "Glossary", qa: [("Index", "A structure that speeds up finding rows in a table.")], source: "a/glossary.html")
    // The same id picks the same phrasing: the prompts collide.
    let second = Self.page("a", title: "Glossary", qa: [("Index", "The alphabetical list of terms at the end of a printed book.")], source: "b/glossary.html")
    let same = Self.page("c", title: "Glossary", qa: [("Index", "A structure that speeds up finding rows in a table.")], source: "c/glossary.html")
    let (summary, out) = try chat([first, second, same, second], tasks: [.faq])
    let pairs = zip(prompts(out), answers(out)).map { ($0, $1) }
    var answersByPrompt: [String: Set<String>] = [:]
    for (prompt, answer) in pairs { answersByPrompt[prompt, default: []].insert(answer) }
    #expect(answersByPrompt.values.allSatisfy { $0.count == 1 }, "\(answersByPrompt)")
    #expect(pairs.count == 4 - summary.dropped[.conflictingPrompt, default: 0])
    #expect(pairs.count >= 3)
    #expect(pairs.contains { $0.0.contains("(in Glossary)") && $0.1.hasPrefix("The alphabetical") }, "\(pairs)")
  }

  @Test func aCollisionNoContextTellsApartIsDroppedAndCounted() throws {
    let first = Self.page("a", title: "Glossary", qa: [("Index", "A structure that speeds up finding rows in a table.")], source: "glossary.html")
    let second = Self.page("a", title: "Glossary", qa: [("Index", "The alphabetical list of terms at the end of a printed book.")], source: "glossary.html")
    let third = Self.page("a", title: "Glossary", qa: [("Index", "A list of every page of the site, for search engines.")], source: "glossary.html")
    let fourth = Self.page("a", title: "Glossary", qa: [("Index", "The page that lists the chapters of the manual in order.")], source: "glossary.html")
    let (summary, out) = try chat([first, second, third, fourth], tasks: [.faq])
    // The second is told apart by its page, the third by its source; the fourth has nothing left.
    #expect(prompts(out).count == 3)
    #expect(prompts(out).contains { $0.contains("(from glossary.html)") }, "\(prompts(out))")
    #expect(summary.dropped == [.conflictingPrompt: 1])
    #expect(summary.report.contains("dropped (prompt already asked with another answer): 1"))
  }

  @Test func promptsAreDeterministicAndVaried() throws {
    let documents = (1...12).map { index in
      Self.page(
        "cmd\(index)", title: "command\(index)",
        sections: [.init(heading: "Description", level: 2, text: "This command does the thing number \(index) in a careful and repeatable way.")],
        qa: [("--verbose", "Prints every step the command \(index) takes while it runs.")])
    }
    let options = InstructOptions(format: .openAIChat, tasks: [.faq, .sectionQA])
    let first = try InstructFixtures.outputText(documents, options)
    #expect(try first == InstructFixtures.outputText(documents, options))
    let asked = prompts(try InstructFixtures.run(documents, options).1)
    let shapes = Set(asked.map { $0.replacingOccurrences(of: #"\d+"#, with: "N", options: .regularExpression) })
    #expect(shapes.count >= 4, "\(shapes)")
  }
}

/// A page that says more than its lead paragraph also gives the lead as a short answer to
/// "what is X, in short?"; a page of one paragraph, or one opening with code, does not.
@Suite struct PageLeadTests {
  @Test func theLeadParagraphIsAShortAnswerBesideTheWholePage() throws {
    let lead = "Starts the else portion of an if block in a build script."
    let text = lead + "\n\n```\nelse([<condition>])\n```\n\nSee the if command."
    let document = Document(
      id: "else", source: "else.html", format: "html", title: "else", text: text,
      sections: [Document.Section(heading: "", level: 0, text: text)], metadata: InstructFixtures.object([:]))
    let (_, records) = try InstructFixtures.run([document], InstructOptions(format: .openAIChat, tasks: [.sectionQA]))
    let pairs = records.compactMap { record -> (String, String)? in
      guard let q = record["messages"]?.value(atPath: "0.content")?.stringValue,
            let a = record["messages"]?.value(atPath: "1.content")?.stringValue else { return nil }
      return (q, a)
    }
    #expect(pairs.count == 2)
    #expect(pairs.contains { $0.1 == text })
    let short = pairs.first { $0.1 == lead }
    #expect(short != nil)
    #expect(short.map { $0.0.hasSuffix("?") || $0.0.hasPrefix("Summarize") } == true)
    #expect(short.map { $0.0.contains("\"else\"") } == true)
  }

  @Test func noLeadForOneParagraphOrCodeFirst() {
    #expect(ExampleGenerator.leadParagraph(of: "Only one paragraph here, and nothing else.") == nil)
    #expect(ExampleGenerator.leadParagraph(of: "```\ncode\n```\n\nThen prose follows here.") == nil)
    #expect(ExampleGenerator.leadParagraph(of: "- a list item\n\nThen prose.") == nil)
    #expect(ExampleGenerator.leadParagraph(of: "A lead without an end\n\nmore") == nil)
    #expect(ExampleGenerator.leadParagraph(of: "A lead sentence.\n\nmore") == "A lead sentence.")
  }
}
