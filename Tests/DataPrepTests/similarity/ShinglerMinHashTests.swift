import Testing
@testable import DataPrep

@Suite struct ShinglerMinHashTests {
  @Test func wordShinglesCountAndShortTexts() {
    let s = Shingler(n: 3)
    #expect(s.shingles(ofNormalized: "a b c d e").count == 3)
    #expect(s.shingles(ofNormalized: "a b").count == 1)
    #expect(s.shingles(ofNormalized: "").isEmpty)
    #expect(s.shingles(ofNormalized: "a b c") == s.shingles(ofNormalized: "a b c"))
    #expect(s.shingles(ofNormalized: "a b c") != s.shingles(ofNormalized: "a c b"))
  }

  @Test func cjkTextGetsCharacterShingles() {
    let s = Shingler(n: 2)
    // Four characters without spaces: three character bigrams.
    #expect(s.shingles(ofNormalized: "你好世界").count == 3)
    #expect(s.shingles(ofNormalized: "你好世界") == s.shingles(ofNormalized: "你 好 世 界"))
    // Hangul is written with spaces: one word.
    #expect(s.shingles(ofNormalized: "안녕하세요").count == 1)
  }

  @Test func signaturesAreStableAndEstimateJaccard() {
    let hasher = MinHasher(permutations: 256, seed: 42)
    let a = (0..<400).map { XXH64.hash(UInt64($0)) }
    let b = (100..<500).map { XXH64.hash(UInt64($0)) }  // Jaccard 300/500 = 0.6
    let sa = hasher.signature(of: a)
    #expect(sa == MinHasher(permutations: 256, seed: 42).signature(of: a))
    #expect(sa == hasher.signature(of: a.reversed() + a))
    let estimate = MinHasher.estimatedJaccard(sa, hasher.signature(of: b))
    #expect(abs(estimate - 0.6) < 0.1)
    #expect(MinHasher.estimatedJaccard(sa, hasher.signature(of: a)) == 1)
  }

  @Test func bandingKeepsRecallHighAtTheThreshold() {
    let index = LSHIndex(threshold: 0.8, permutations: 128)
    #expect(index.bands * index.rows <= 128)
    #expect(index.candidateProbability(0.8) > 0.99)
    #expect(index.candidateProbability(0.3) < 0.2)
  }

  @Test func lshFindsIdenticalSignaturesAsCandidates() {
    let hasher = MinHasher()
    let x = hasher.signature(of: (0..<50).map { XXH64.hash(UInt64($0)) })
    let y = hasher.signature(of: (1000..<1050).map { XXH64.hash(UInt64($0)) })
    let pairs = LSHIndex(threshold: 0.8, permutations: 128).candidatePairs(signatures: x + y + x, stride: 128, members: [0, 1, 2])
    #expect(pairs == [CandidatePair(0, 2)])
  }

  @Test func unionFindRootIsSmallestMember() {
    var uf = UnionFind(count: 6)
    uf.union(5, 3)
    uf.union(3, 4)
    uf.union(1, 2)
    #expect(uf.find(5) == 3)
    #expect(uf.find(4) == 3)
    #expect(uf.find(2) == 1)
    #expect(uf.union(4, 5) == false)
  }
}

/// ``Shingler/scanWord(_:from:count:)``: where a word of normalised text ends and whether it
/// holds non-ASCII bytes, shared by the shingler and ``NormalizedWords``.
@Suite struct ShinglerScanWordTests {
  private func scan(_ text: String, from start: Int) -> (end: Int, high: UInt8) {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { Shingler.scanWord($0.baseAddress!, from: start, count: $0.count) }
  }

  @Test func aWordEndsAtTheNextSpaceOrTheEnd() {
    #expect(scan("ab cd", from: 0).end == 2)
    #expect(scan("ab cd", from: 3).end == 5)
    #expect(scan("ab cd", from: 2).end == 2)
  }

  @Test func highTellsNonASCIIWords() {
    #expect(scan("ab cd", from: 0).high < 0x80)
    #expect(scan("日本 ab", from: 0).high >= 0x80)
    #expect(scan("日本 ab", from: 7).high < 0x80)
  }
}
