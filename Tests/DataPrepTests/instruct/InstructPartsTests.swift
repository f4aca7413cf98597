import Testing
@testable import DataPrep

@Suite struct InstructPartsTests {
  @Test func questionHeadings() {
    for heading in ["How do I reset it?", "What is a widget", "Why widgets", "1. Can I return it", "Q: Does it float", "Warum ist das so", "Is it safe？", "Where's the manual"] {
      #expect(QuestionHeading.isQuestion(heading), "\(heading)")
    }
    for heading in ["Installation", "Whatever works", "Island hopping", "2. Setup", ""] {
      #expect(!QuestionHeading.isQuestion(heading), "\(heading)")
    }
    #expect(QuestionHeading.asQuestion("Q: Does it float") == "Does it float?")
  }

  @Test func chunksRespectTheBudgetAndOverlap() {
    let text = (1...50).map { "w\($0)" }.joined(separator: " ")
    let chunker = TextChunker(chunkTokens: 10, overlapTokens: 3, counter: TokenCounter(name: "words") { $0.split(separator: " ").count })
    let chunks = chunker.chunks(of: text)
    #expect(chunks.first == "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10")
    #expect(chunks[1].hasPrefix("w8 w9 w10 w11"))
    #expect(chunks.allSatisfy { $0.split(separator: " ").count <= 10 })
    #expect(chunks.last?.hasSuffix("w50") == true)
  }

  @Test func chunksKeepNewlinesInsideAndOverlongWordsAlone() {
    let chunker = TextChunker(chunkTokens: 2, overlapTokens: 0, counter: TokenCounter(name: "words") { $0.split(whereSeparator: \.isWhitespace).count })
    #expect(chunker.chunks(of: "a\n\nb c") == ["a\n\nb", "c"])
    #expect(TextChunker(chunkTokens: 1, overlapTokens: 0).chunks(of: "") == [])
  }

  @Test func wordEstimateIsAboutOneTokenPerShortWord() {
    #expect(TokenCounter.wordEstimate.count("The quick brown fox") == 4)
    #expect(TokenCounter.wordEstimate.count("internationalization") == 4)
    #expect(TokenCounter.wordEstimate.count("  ") == 0)
  }

  @Test func phrasingPickIsStablePerKey() {
    let choices = ["a", "b", "c", "d", "e"]
    #expect(StableHash.pick(choices, for: "doc-1") == StableHash.pick(choices, for: "doc-1"))
    #expect(StableHash.pick([String](), for: "x") == nil)
    #expect(Set((0..<50).compactMap { StableHash.pick(choices, for: "k\($0)") }).count > 1)
  }

  @Test func stackExchangeBodiesAreExtractedAsHTML() {
    let body = "<p>Not dead, just <strong>hungry</strong>.</p>\n<ol>\n<li>Discard most.</li>\n<li>Feed it.</li>\n</ol>\n<p>Then wait.</p>\n"
    let text = EmbeddedHTML.text(body, source: "Posts.xml#0").text
    #expect(text.contains("Not dead, just hungry."))
    #expect(text.contains("1. Discard most.\n2. Feed it."))
    #expect(!text.contains("<"))
    #expect(EmbeddedHTML.text("plain", source: "x").text == "plain")
  }

  @Test func stackExchangeJoinEvictsTheOldestPastItsLimit() {
    var join = StackExchangeJoin(maxPending: 2)
    for id in 1...3 {
      _ = join.consume(InstructFixtures.post("\(id)", type: "1", title: "Q\(id)", body: "b", accepted: "\(id + 100)"))
    }
    #expect(join.evicted == 1)
    #expect(join.consume(InstructFixtures.post("101", type: "2", body: "a")) == nil)
    #expect(join.consume(InstructFixtures.post("103", type: "2", body: "a"))?.question.title == "Q3")
    #expect(join.consume(InstructFixtures.post("103", type: "2", body: "a")) == nil)
  }
}

@Suite struct TextTrimmingTests {
  @Test func trimsUnicodeWhitespace() {
    #expect(TextTrimming.trimmed("\u{00A0} a b \n\t") == "a b")
    #expect(TextTrimming.trimmed(" \n ") == "")
    #expect(TextTrimming.isBlank("\u{2003}\n"))
  }

  @Test func sameWordsIgnoresCaseSpacingAndPunctuation() {
    #expect(TextTrimming.sameWords("What is it?", "what  is it"))
    #expect(TextTrimming.sameWords("Ärger!", "ärger"))
    #expect(!TextTrimming.sameWords("What is it", "What is this"))
    #expect(!TextTrimming.sameWords("abc", "ab"))
  }

  @Test func removesEveryOccurrence() {
    #expect(TextTrimming.removing("ab", from: "xabyabz") == "xyz")
    #expect(TextTrimming.removing("é", from: "café é") == "caf ")
    #expect(TextTrimming.removing("", from: "x") == "x")
  }

  @Test func phrasingsFillTitleAndHeading() {
    #expect(Phrasings.fill("In {title}, {heading}? {x}", title: "T", heading: "H") == "In T, H? {x}")
  }
}
