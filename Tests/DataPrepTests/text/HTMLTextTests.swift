import Testing
@testable import DataPrep

@Suite struct HTMLTextTests {
  @Test func htmlEscapesEntitiesAndReplacesForbiddenControls() {
    #expect(HTMLText.escape("<a title=\"x\" alt='y'>&</a>") == "&lt;a title=&quot;x&quot; alt=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
    #expect(HTMLText.escape("tab\tline\ncr\rnul\u{0}del\u{7F}c1\u{85}") == "tab\tline\ncr\u{FFFD}nul\u{FFFD}del\u{FFFD}c1\u{FFFD}")
    #expect(HTMLText.escape("nonchar\u{FFFE}é") == "nonchar\u{FFFE}é")
  }

  @Test func xmlUsesAposAndDropsWhatXMLCannotHold() {
    #expect(HTMLText.escape("<a title=\"x\" alt='y'>&</a>", for: .xml) == "&lt;a title=&quot;x&quot; alt=&apos;y&apos;&gt;&amp;&lt;/a&gt;")
    #expect(HTMLText.escape("tab\tline\ncr\rnul\u{0}esc\u{1B}", for: .xml) == "tab\tline\ncr\rnulesc")
    #expect(HTMLText.escape("a\u{FFFE}b\u{FFFF}c\u{7F}\u{85}é", for: .xml) == "abc\u{7F}\u{85}é")
  }
}
