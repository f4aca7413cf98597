import Testing
@testable import DataPrep

@Suite struct TextNormalizerTests {
  @Test func basicFoldsCasePunctuationAndWhitespace() {
    let n = TextNormalizer(level: .basic)
    #expect(n.normalize("  Hello,   World!\n\tIt's  snake_case. ") == "hello world it s snake_case")
  }

  @Test func basicAppliesNFKCAndUnicodeWordRules() {
    let n = TextNormalizer(level: .basic)
    // Fullwidth letters and the "fi" ligature fold to ASCII; curly quotes are punctuation.
    #expect(n.normalize("ＡＢＣ ﬁne \u{201C}quoted\u{201D}") == "abc fine quoted")
    // A combining accent after an ASCII letter composes with it (NFKC), as in Python.
    #expect(n.normalize("Cafe\u{301} CAFÉ") == "café café")
    #expect(n.normalize("Ünïcödé—dash") == "ünïcödé dash")
  }

  @Test func aggressiveAlsoRemovesDiacriticsAndFoldsDigits() {
    let n = TextNormalizer(level: .aggressive)
    #expect(n.normalize("Café 2024, naïve") == "cafe 0000 naive")
  }

  @Test func noneOnlySplitsAtWhitespace() {
    let n = TextNormalizer(level: .none)
    #expect(n.normalize(" Hello,\n  World! ") == "Hello, World!")
  }

  @Test func cjkTextIsKept() {
    #expect(TextNormalizer().normalize("你好，世界。") == "你好 世界")
  }
}
