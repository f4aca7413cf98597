import Testing

@testable import DataPrep

/// Markdown and reStructuredText read as their rendered page: a paragraph is one line, HTML
/// comments are gone, and every break Markdown keeps stays.
@Suite struct SoftLineBreaksTests {
  @Test func aWrappedParagraphIsOneLine() {
    #expect(SoftLineBreaks.joined("This paragraph is\nwrapped at a\nnarrow width.") == "This paragraph is wrapped at a narrow width.")
    #expect(SoftLineBreaks.joined("One.\n\nTwo\nlines.") == "One.\n\nTwo lines.")
  }

  @Test func listItemsAndQuotesJoinTheirOwnContinuations() {
    #expect(SoftLineBreaks.joined("- an item that\n  wraps\n- the next\n  - nested\n    too") == "- an item that wraps\n- the next\n  - nested too")
    #expect(SoftLineBreaks.joined("1. first\n   step\n2) second") == "1. first step\n2) second")
    #expect(SoftLineBreaks.joined("> a quote\n> that wraps\n>\n> and goes on") == "> a quote that wraps\n>\n> and goes on")
  }

  @Test func breaksMarkdownKeepsStay() {
    let kept = [
      "# Heading\nText under it.",
      "Title\n=====\nText.",
      "Hard break  \nnext line",
      "Hard break\\\nnext line",
      "| a | b |\n|---|---|\n| 1 | 2 |",
      "a | b\n--|--\n1 | 2",
      "Text\n<div>html</div>",
      "Text\n***\nMore",
      "`term`\n: its definition",
    ]
    for text in kept { #expect(SoftLineBreaks.joined(text) == text, "\(text)") }
    // A pipe in a code span is no column.
    #expect(SoftLineBreaks.joined("Use `A | B` to\ncombine flags.") == "Use `A | B` to combine flags.")
  }

  @Test func reStructuredTextIndentationIsNoCode() {
    // Converted reStructuredText has its literal blocks fenced: indentation is a definition's body.
    let text = "`serial`\n\n    A serial number, incremented on each\n    call to malloc."
    #expect(SoftLineBreaks.joined(text, indentedCode: false) == "`serial`\n\n    A serial number, incremented on each call to malloc.")
    #expect(SoftLineBreaks.joined(text) == text)
  }

  @Test func codeIsLeftAsWritten() {
    let fenced = "Intro\nline.\n\n```\nlet a = 1\nlet b = 2\n```\n\nAfter\ncode."
    #expect(SoftLineBreaks.joined(fenced) == "Intro line.\n\n```\nlet a = 1\nlet b = 2\n```\n\nAfter code.")
    let indented = "Intro.\n\n    code line one\n    code line two\nText again\nhere."
    #expect(SoftLineBreaks.joined(indented) == "Intro.\n\n    code line one\n    code line two\nText again here.")
    // An indented line inside a paragraph continues it (indented code cannot interrupt one).
    #expect(SoftLineBreaks.joined("Some text\n     indented more") == "Some text indented more")
    #expect(SoftLineBreaks.joined("```\n<!-- kept in code -->\n```") == "```\n<!-- kept in code -->\n```")
  }

  @Test func htmlCommentsGoWhereverTheyAre() {
    let yaml = "## Event\n\n<!-- YAML\nadded: v0.1.90\nchanges:\n  - version: v18\n-->\n\nEmitted when data\nis received."
    #expect(SoftLineBreaks.joined(yaml) == "## Event\n\nEmitted when data is received.")
    #expect(SoftLineBreaks.joined("Kept <!-- hidden --> text.") == "Kept  text.")
    #expect(SoftLineBreaks.joined("Open <!-- never closed\nstill hidden") == "Open ")
  }

  @Test func chineseAndJapaneseLinesJoinWithoutASpace() {
    #expect(SoftLineBreaks.joined("这是一个\n段落。") == "这是一个段落。")
    #expect(SoftLineBreaks.joined("日本語の\nテキスト") == "日本語のテキスト")
    #expect(SoftLineBreaks.joined("English and\n中文") == "English and 中文")
  }

  @Test func markdownAndReStructuredTextDocumentsAreUnwrapped() throws {
    let markdown = try TextExtractor().document(
      from: Array("# Guide\n\nWrapped\nprose.\n\n<!-- note -->\n".utf8), markdown: true, source: "guide.md")
    #expect(markdown.text == "# Guide\n\nWrapped prose.")
    #expect(markdown.sections.map(\.text) == ["Wrapped prose."])
    let rst = try TextExtractor().document(
      from: Array("Guide\n=====\n\nWrapped\nprose.\n\n::\n\n   code\n   lines\n".utf8), markdown: false, source: "guide.rst")
    #expect(rst.text.contains("Wrapped prose."), "\(rst.text)")
    #expect(rst.text.contains("code\nlines"), "\(rst.text)")
    // Plain text keeps its lines: its breaks may be meant.
    let plain = try TextExtractor().document(from: Array("Name\nAddress\nTown".utf8), markdown: false, source: "card.txt")
    #expect(plain.text == "Name\nAddress\nTown")
  }

  @Test func aHugeParagraphIsJoinedInLinearTime() {
    // 300,000 lines of one paragraph: joining by copying would move terabytes.
    let text = Array(repeating: "word", count: 300_000).joined(separator: "\n")
    let joined = SoftLineBreaks.joined(text)
    #expect(joined.utf8.count == 300_000 * 5 - 1)
    #expect(!joined.contains("\n"))
    // An unclosed comment of many lines, and many comments on one line, stay linear too.
    let comments = String(repeating: "a <!-- b --> ", count: 100_000)
    #expect(SoftLineBreaks.joined(comments + "\n<!--\n" + text).hasPrefix("a  a  a"))
  }
}
