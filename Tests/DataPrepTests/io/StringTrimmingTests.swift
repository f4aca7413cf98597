import Testing

@testable import DataPrep

/// `trimming(charactersIn:)` with a set given as a string: how the XML readers tidy a parser
/// message or a declaration's attribute name.
@Suite struct StringTrimmingTests {
  @Test func trimsOnlyTheGivenCharactersAtBothEnds() {
    #expect(" \n message \n".trimming(charactersIn: " \n") == "message")
    #expect("/ name\t".trimming(charactersIn: " \t\n\r/") == "name")
    #expect("a / b".trimming(charactersIn: " /") == "a / b")
    #expect("\tkept\t".trimming(charactersIn: " ") == "\tkept\t")
  }

  @Test func aSubstringTrimsTheSameWay() {
    let text = "xx  yy  xx"
    #expect(text.dropFirst(2).dropLast(2).trimming(charactersIn: " ") == "yy")
  }

  @Test func nothingButSetCharactersLeavesNothing() {
    #expect("  \n ".trimming(charactersIn: " \n") == "")
    #expect("".trimming(charactersIn: " ") == "")
  }
}
