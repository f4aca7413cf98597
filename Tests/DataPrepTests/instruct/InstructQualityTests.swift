import Testing

@testable import DataPrep

/// Examples nobody should train on, found by reading real builds: a source-listing page asked
/// about, a dated archive heading or a piece of advice asked as a question.
@Suite struct InstructQualityTests {
  /// A page as Sphinx viewcode writes one (`_modules/x.html`): a heading, then one code block.
  private static let listing = Document(
    id: "listing", source: "_modules/shop/cart.html", format: "html", title: "shop.cart — Shop documentation",
    text: """
      # Source code for shop.cart

      ```
      from shop.models import Item


      [docs]class Cart:
          \"\"\"A cart holds the items a customer picked.\"\"\"

          def __init__(self):
              self.items = []

          def add(self, item):
              self.items.append(item)
      ```
      """,
    sections: [
      .init(
        heading: "Source code for shop.cart", level: 1,
        text: "```\nfrom shop.models import Item\n\n\n[docs]class Cart:\n    \"\"\"A cart holds the items a customer picked.\"\"\"\n\n    def __init__(self):\n        self.items = []\n\n    def add(self, item):\n        self.items.append(item)\n```")
    ],
    metadata: InstructFixtures.object(["description": "The source of the shop.cart module, as the documentation shows it."]))

  /// A how-to: a snippet with sentences around it.
  private static let howTo = Document(
    id: "howto", source: "topics/cart.html", format: "html", title: "Using the cart",
    text: """
      # Using the cart

      ## Adding an item

      To add an item to the cart, create the cart once per session and call its add method:

      ```
      cart = Cart()
      cart.add(item)
      ```

      The cart keeps the items in the order they were added, so the checkout lists them that way.
      """,
    sections: [
      .init(heading: "Using the cart", level: 1, text: ""),
      .init(
        heading: "Adding an item", level: 2,
        text: "To add an item to the cart, create the cart once per session and call its add method:\n\n```\ncart = Cart()\ncart.add(item)\n```\n\nThe cart keeps the items in the order they were added, so the checkout lists them that way."),
    ])

  @Test func aPageThatIsOnlyCodeIsACodeListing() {
    #expect(AnswerCheck.isCodeListing(Self.listing.text))
    #expect(AnswerCheck.isCodeListing("```\nls -l\n```"))
    #expect(!AnswerCheck.isCodeListing(Self.howTo.text))
    #expect(!AnswerCheck.isCodeListing("A page of prose only, with no code in it at all."))
    #expect(!AnswerCheck.isCodeListing(""))
    // 19 code words and 1 prose word: the prose share is 1 in 20, not under it.
    let code = "```\n" + (1...19).map { "w\($0)" }.joined(separator: " ") + "\n```"
    #expect(!AnswerCheck.isCodeListing("Example:\n\n" + code))
    #expect(AnswerCheck.isCodeListing("Example:\n\n" + code.replacingOccurrences(of: "w19", with: "w19 w20")))
    // Headings are not prose; an unclosed fence runs to the end.
    #expect(AnswerCheck.isCodeListing("# Source code for a.b\n\n## Module a.b\n\n```\nimport os\nprint(os.sep)"))
  }

  @Test func aCodeListingMakesNoQuestionTitleOrSummaryButCountsThem() throws {
    let options = InstructOptions(format: .openAIChat, tasks: [.faq, .sectionQA, .summary, .title])
    let (summary, records) = try InstructFixtures.run([Self.listing], options)
    #expect(records.isEmpty)
    #expect(summary.dropped[.codeListing] == 2, "\(summary.dropped)")  // the page question and the title
    #expect(summary.report.contains("dropped (page only code (a source listing)): 2"))
  }

  @Test func aCodeListingStillMakesCompletionText() throws {
    let (summary, records) = try InstructFixtures.run([Self.listing], InstructOptions(format: .text, tasks: [.completion]))
    #expect(records.count == 1)
    #expect(summary.dropped[.codeListing] == nil)
  }

  @Test func aHowToWithASnippetKeepsItsExamples() throws {
    let (summary, records) = try InstructFixtures.run([Self.howTo], InstructOptions(format: .openAIChat, tasks: [.sectionQA]))
    #expect(summary.dropped[.codeListing] == nil)
    let answers = records.compactMap { $0["messages"]?.value(atPath: "1.content")?.stringValue }
    #expect(answers.contains { $0.contains("cart.add(item)") && $0.contains("To add an item") }, "\(answers)")
  }

  @Test func aShardsCandidatesKeepTheCodeListingReason() throws {
    let options = InstructOptions(format: .openAIChat, tasks: [.sectionQA, .title])
    let candidates = DocumentCandidates(
      document: Self.listing, generator: ExampleGenerator(options: options), titles: TitleCleaner(),
      rendering: ExampleRendering(options: options), joinsPosts: false)
    let read = try DocumentCandidates(json: .object(candidates.json), where: "test")
    #expect(read.examples.map { $0.rejection } == [ExampleFilter.Reason.codeListing, .codeListing])
  }

  @Test func datedHeadingsAreNotQuestions() throws {
    for heading in ["May 20, 2015 - CVE-2015-3982", "May 2015", "20 May 2015 - CVE-2015-3982", "1. May 4, 2021 - CVE-2021-31542"] {
      #expect(!QuestionHeading.isQuestion(heading), "\(heading)")
    }
    for heading in ["May I reuse a cart", "May 20, 2015: is it fixed?", "Can I add items"] {
      #expect(QuestionHeading.isQuestion(heading), "\(heading)")
    }
    #expect(!ExampleGenerator.isRealQuestion("May 20, 2015 - CVE-2015-3982"))
    let archive = Document(
      id: "security", source: "releases/security.html", format: "html", title: "Archive of security issues",
      text: "## May 20, 2015 - CVE-2015-3982\n\nFixed session flushing in the cached_db backend, which could let an attacker fill the cache.",
      sections: [.init(heading: "May 20, 2015 - CVE-2015-3982", level: 2, text: "Fixed session flushing in the cached_db backend, which could let an attacker fill the cache.")])
    let (_, records) = try InstructFixtures.run([archive], InstructOptions(format: .openAIChat, tasks: [.faq]))
    #expect(records.isEmpty)
  }

  @Test func adviceOpeningWithDontIsNotAQuestion() {
    #expect(!QuestionHeading.isQuestion("Don’t order results if you don’t care"))
    #expect(!QuestionHeading.isQuestion("Don't invent a programming language"))
    #expect(QuestionHeading.isQuestion("Don't I need a key?"))
    #expect(QuestionHeading.isQuestion("Doesn't it work with SQLite"))
  }
}
