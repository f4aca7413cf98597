import Testing

@testable import DataPrep

/// ``KeyTally``: how split numbers its groups and labels in the order first seen.
@Suite struct KeyTallyTests {
  @Test func numbersKeysInOrderFirstSeenAndCountsThem() {
    var tally = KeyTally<String>()
    #expect(tally.count("b") == 0)
    #expect(tally.count("a") == 1)
    #expect(tally.count("b") == 0)
    #expect(tally.count("b") == 0)
    #expect(tally.keys == ["b", "a"])
    #expect(tally.counts == [3, 1])
  }

  @Test func anEmptyTallyHasNoKeys() {
    let tally = KeyTally<UInt64>()
    #expect(tally.keys.isEmpty)
    #expect(tally.counts.isEmpty)
  }
}
