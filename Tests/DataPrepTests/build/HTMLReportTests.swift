import Foundation
import Testing

@testable import DataPrep

@Suite struct HTMLReportTests {
  @Test func escapeReplacesEveryMarkupCharacter() {
    #expect(HTMLText.escape("<a href=\"x\" onclick='y'>&</a>") == "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
    #expect(HTMLText.escape("tab\tline\nnul\u{0}esc\u{1B}") == "tab\tline\nnul\u{FFFD}esc\u{FFFD}")
    #expect(HTMLText.escape("plain é 中文") == "plain é 中文")
  }

  @Test func hostileTextInSourcesIsEscapedEverywhere() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(8, prefix: "safe", seed: 11)
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'</textarea></pre>"
    // The same hostile page twice, so it shows in a duplicate pair too; and a hostile file name.
    let page = "# How does \(hostile) work?\n\n\(hostile) " + String(repeating: "Several words of ordinary prose follow here. ", count: 20) + "\n"
    try scratch.write("hostile.md", page)
    try scratch.write("hostile-copy-<b>.md", page)
    let output = scratch.root + "/ds"
    _ = try BuildPipeline(recipe: testRecipe([scratch.sources]), output: output).run()
    let html = try scratch.read(output + "/report.html")
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("</textarea>"))
    #expect(!html.contains("<b>.md"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    // Markup the report itself uses stays balanced: every <pre> is closed once.
    #expect(html.components(separatedBy: "<pre>").count == html.components(separatedBy: "</pre>").count)
    // No network: nothing is fetched.
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
    let card = try scratch.read(output + "/README.md")
    #expect(!card.contains("<script"))
  }

  @Test func histogramWidthsRoundUpToOneTwoOrFive() {
    // The report's axis and bins use the token statistics' own rounding.
    #expect(TokenStatistics.roundWidth(7) == 10)
    #expect(TokenStatistics.roundWidth(130) == 200)
    #expect(TokenStatistics.roundWidth(4096) == 5000)
    #expect(TokenStatistics.roundWidth(1000) == 1000)
  }
}
