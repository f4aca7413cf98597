import Testing
@testable import DataPrep

/// The branch-free ASCII path of ``TextNormalizer`` that dedup runs on every record.
@Suite struct NormalizerFastPathTests {
  @Test func asciiEdgeCasesCollapseAndTrimSeparators() {
    let n = TextNormalizer(level: .basic)
    #expect(n.normalize("") == "")
    #expect(n.normalize("!!! ,,, \n") == "")
    #expect(n.normalize("x") == "x")
    #expect(n.normalize("...x") == "x")
    #expect(n.normalize("x...") == "x")
    #expect(n.normalize("A--B  c\t\nD!") == "a b c d")
    #expect(TextNormalizer(level: .aggressive).normalize(" Route 66, exit 12. ") == "route 00 exit 00")
  }
}
