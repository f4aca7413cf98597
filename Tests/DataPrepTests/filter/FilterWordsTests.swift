import Testing
@testable import DataPrep

/// Words as the rules count them: spaCy-like punctuation splitting, CJK characters one word each.
@Suite struct FilterWordsTests {
  private func words(_ text: String) -> [String] {
    let t = FilterText(text)
    return t.words.ranges.map { r in
      String(String.UnicodeScalarView(t.scalars[r.start..<r.end].compactMap(Unicode.Scalar.init)))
    }
  }

  @Test func punctuationIsSplitOffWordsAsSpaCyDoes() {
    #expect(words("He said \"hello, world.\"") == ["He", "said", "\"", "hello", ",", "world", ".", "\""])
    #expect(words("It's can't (test) a,b") == ["It", "'s", "ca", "n't", "(", "test", ")", "a", ",", "b"])
    #expect(words("e.g. Mr. U.S. NASA. done...") == ["e.g.", "Mr.", "U.S.", "NASA", ".", "done", "..."])
    #expect(words("well-known /usr/share 3,000 b#c") == ["well", "-", "known", "/usr", "/", "share", "3,000", "b#c"])
    #expect(words("see http://x.org/a.html now") == ["see", "http://x.org/a.html", "now"])
  }

  @Test func eachCharacterOfAnUnspacedScriptIsAWord() {
    #expect(words("日本語の文章です。") == ["日", "本", "語", "の", "文", "章", "で", "す", "。"])
    #expect(words("abc漢字def") == ["abc", "漢", "字", "def"])
  }

  @Test func linesAreCutAsPythonSplitlines() {
    let t = FilterText("a\r\nb\rc\u{2028}d\n")
    #expect(t.pythonLines().count == 4)
    #expect(FilterText("").pythonLines().isEmpty)
  }
}
