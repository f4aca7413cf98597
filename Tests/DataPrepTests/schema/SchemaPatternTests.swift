import Foundation
import Testing
@testable import DataPrep

@Suite struct SchemaPatternTests {
  static let patterns = [
    "^[a-zA-Z0-9_-]{1,64}$", "^[a-z]+$", "^[0-9]*$", "^[A-F0-9]{4}$", "^[a-z.\\-]{2,}$", "^[-a-z]{1,3}$",
  ]
  static let samples = [
    "", "a", "abc", "get_weather", "get-weather", "bad name!", "ABCD", "AB12", "12", "x.y-z", "-a", "a-",
    "é", "tool\n", String(repeating: "a", count: 64), String(repeating: "a", count: 65), "A_B", "0000",
  ]

  @Test(arguments: patterns)
  func anchoredClassAgreesWithTheRegexEngine(_ pattern: String) throws {
    let fast = try #require(SchemaPattern.parseAnchoredClass(pattern), "\(pattern) should take the fast path")
    let regex = try NSRegularExpression(pattern: pattern)
    for sample in Self.samples where !sample.hasSuffix("\n") {
      let expected = regex.firstMatch(in: sample, range: NSRange(location: 0, length: sample.utf16.count)) != nil
      #expect(fast.matches(sample) == expected, "\(pattern) on \(sample.debugDescription)")
    }
  }

  @Test func dollarDoesNotMatchBeforeATrailingNewline() throws {
    let pattern = try #require(SchemaPattern("^[a-z]+$"))
    #expect(!pattern.matches("tool\n"))
  }

  @Test func otherShapesUseTheRegexEngine() throws {
    for pattern in ["^[^a]+$", "^[a-z]+[0-9]$", "a|b", "^[\\d]+$", "^[a-z]{2,1}$"] {
      #expect(SchemaPattern.parseAnchoredClass(pattern) == nil, "\(pattern)")
    }
    let unanchored = try #require(SchemaPattern("[0-9]{2}"))
    #expect(unanchored.matches("ab12cd"))
    #expect(!unanchored.matches("ab1cd"))
  }
}
