import Testing

@testable import DataPrep

/// Piece boundaries of the hand-written scanners, case by case, without any rank file.
@Suite struct PieceScannerTests {
  func pieces(_ text: String, _ pattern: SplitPattern) -> [String] {
    let bytes = Array(text.utf8)
    var out: [String] = []
    ScalarClass.table.withUnsafeBufferPointer { table in
      bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress, let table = table.baseAddress else { return }
        let scanner = PieceScanner(bytes: base, count: buffer.count, table: table, pattern: pattern)
        var start = 0
        while start < buffer.count {
          let end = scanner.pieceEnd(from: start)
          out.append(String(decoding: buffer[start..<end], as: UTF8.self))
          start = end
        }
      }
    }
    return out
  }

  @Test func cl100kSplitsWordsNumbersPunctuationAndSpace() {
    #expect(pieces("Hello, world! 12345 it's", .cl100k) == ["Hello", ",", " world", "!", " ", "123", "45", " it", "'s"])
    #expect(pieces("a  b", .cl100k) == ["a", " ", " b"])
    #expect(pieces("x\n\n  y", .cl100k) == ["x", "\n\n", " ", " y"])
    #expect(pieces("IT'S 'LL", .cl100k) == ["IT", "'S", " '", "LL"])
    #expect(pieces("\tword", .cl100k) == ["\tword"])
  }

  @Test func cl100kTakesTrailingWhiteSpaceWholeButLlama3DoesNot() {
    #expect(pieces("a \n  ", .cl100k) == ["a", " \n  "])
    #expect(pieces("a \n  ", .llama3) == ["a", " \n", "  "])
  }

  @Test func o200kSplitsCaseChangesAndKeepsContractions() {
    #expect(pieces("helloWorld HTTPServer", .o200k) == ["hello", "World", " HTTPServer"])
    #expect(pieces("don't DON'T", .o200k) == ["don't", " DON'T"])
    #expect(pieces("path/to\n", .o200k) == ["path", "/to", "\n"])
    #expect(pieces("...//\n\nx", .o200k) == ["...//\n\n", "x"])
    #expect(pieces("日本語のテキスト", .o200k) == ["日本語のテキスト"])
  }

  @Test func o200kCombiningMarksJoinWords() {
    // U+0301 is a mark (in both o200k letter classes), so it stays in the word.
    #expect(pieces("cafe\u{301} ok", .o200k) == ["cafe\u{301}", " ok"])
  }

  @Test func gpt2HasNoNewlineAlternativeAndCaseSensitiveContractions() {
    #expect(pieces("a\n\nb", .gpt2) == ["a", "\n", "\n", "b"])
    #expect(pieces("it's IT'S", .gpt2) == ["it", "'s", " IT", "'", "S"])
    #expect(pieces("1234567", .gpt2) == ["1234567"])
    #expect(pieces("  x", .gpt2) == [" ", " x"])
  }

  @Test func knownRegexesAreRecognised() {
    #expect(SplitPattern.recognise(#"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#) == .gpt2)
    #expect(SplitPattern.recognise(#"\p{N}"#) == nil)
  }
}
