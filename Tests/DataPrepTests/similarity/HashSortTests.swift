import Testing
@testable import DataPrep

@Suite struct HashSortTests {
  @Test func sortUniqueMatchesSortedDistinctValues() {
    var scratch: [UInt64] = []
    var counts: [Int] = []
    for (count, modulus) in [(0, 1), (1, 1), (2, 3), (165, 1000), (5000, 50), (70000, 1 << 40)] {
      var rng = SplitMix64(seed: UInt64(count))
      // Hash values, with repeats (small moduli) and skewed ones (the low end only).
      var values = (0..<count).map { _ in XXH64.hash(rng.next() % UInt64(modulus)) }
      values += values.prefix(count / 3).map { $0 >> 20 }
      let expected = Array(Set(values)).sorted()
      HashSort.sortUnique(&values, scratch: &scratch, counts: &counts)
      #expect(values == expected)
    }
  }

  @Test func sortByKeyOrdersByKeyThenMember() {
    var rng = SplitMix64(seed: 9)
    var entries: [(key: UInt64, member: Int32)] = (0..<3000).map { i in
      (XXH64.hash(rng.next() % 700), Int32(3000 - i))
    }
    let expected = entries.sorted { $0.key != $1.key ? $0.key < $1.key : $0.member < $1.member }
    HashSort.sortByKey(&entries)
    #expect(entries.map(\.key) == expected.map(\.key))
    #expect(entries.map(\.member) == expected.map(\.member))
  }
}
