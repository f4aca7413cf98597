import Foundation
import Testing

@testable import DataPrep

/// Partial copies are removed only when the text they hold survives in kept records: chains of
/// containment and cycles of mutual containment never lose text, and short copies are found.
@Suite struct PartialCopyCoverageTests {
  typealias F = DedupFixture

  /// The 5-word shingles of `words` (the fixture's words are already normalised).
  private func shingles(_ words: [String]) -> Set<String> {
    guard words.count >= 5 else { return [words.joined(separator: " ")] }
    return Set((0...(words.count - 5)).map { words[$0..<($0 + 5)].joined(separator: " ") })
  }

  /// For each record removed as a partial copy, the share of its shingles found in kept records.
  private func removedCoverage(_ documents: [(id: String, words: [String])]) throws -> (run: F.Run, coverage: [String: Double]) {
    let run = try F.run(documents.map { F.line($0.id, $0.words.joined(separator: " ")) })
    let kept = Set(F.ids(run.output))
    var held = Set<String>()
    for document in documents where kept.contains(document.id) { held.formUnion(shingles(document.words)) }
    var coverage: [String: Double] = [:]
    for cluster in run.result.clusters where cluster.kind == .partial {
      for member in cluster.removed {
        let id = run.table.ids[member.record]
        guard let document = documents.first(where: { $0.id == id }) else { continue }
        let own = shingles(document.words)
        coverage[id] = Double(own.intersection(held).count) / Double(own.count)
      }
    }
    return (run, coverage)
  }

  @Test func aChainOfContainmentKeepsTheTextOfEveryRemovedRecord() throws {
    // a is the unique tail of b; most of b is in c. Removing a (a copy of b) and then b (a copy
    // of c) would lose a's text. Larger records are decided first: b, made of part of c and of
    // a, goes while both hold it, and a, then held by nothing else, stays.
    let c = F.words(600, seed: 100)
    let tail = F.words(60, seed: 101)
    let b = Array(c[0..<400]) + tail
    let (run, coverage) = try removedCoverage([("c", c), ("b", b), ("a", tail)])
    #expect(F.ids(run.output) == ["c", "a"])
    #expect(coverage.keys.sorted() == ["b"])
    #expect(coverage.values.allSatisfy { $0 >= 0.8 }, "\(coverage)")
  }

  @Test func aMutualPairKeepsTheRecordHoldingAThirdOne() throws {
    // a and b cover each other (87%, Jaccard 0.77: not near duplicates); c is b's own part.
    // Removing c (a copy of b) and then b (a copy of a) would lose c's text. b, wholly held by
    // a and c together, goes first (same size as a, and later in the input); then a and c hold
    // text nothing else holds, and stay.
    let shared = F.words(400, seed: 110)
    let own = F.words(60, seed: 112)
    let a = shared + F.words(60, seed: 111)
    let b = shared + own
    let (run, coverage) = try removedCoverage([("a", a), ("b", b), ("c", own)])
    #expect(F.ids(run.output) == ["a", "c"])
    #expect(coverage.keys.sorted() == ["b"])
    #expect(coverage.values.allSatisfy { $0 >= 0.8 }, "\(coverage)")
  }

  @Test func cyclesOfMutualContainmentKeepEnoughToCoverWhatGoes() throws {
    // Four records of three parts each out of four: each is wholly covered by the others.
    let parts = (0..<4).map { F.words(100, seed: 200 + UInt64($0)) }
    var cycle: [(id: String, words: [String])] = []
    for k in 0..<4 {
      var words: [String] = parts[k]
      words += parts[(k + 1) % 4]
      words += parts[(k + 2) % 4]
      cycle.append((id: "x\(k)", words: words))
    }
    // A soup of records glued from shared segments, in several orders.
    let segments = (0..<12).map { F.words(60, seed: 300 + UInt64($0)) }
    var rng = SplitMix64(seed: 7)
    var soup: [(id: String, words: [String])] = []
    for k in 0..<40 {
      let count = 2 + Int(rng.next() % 3)
      var words: [String] = []
      for _ in 0..<count { words += segments[Int(rng.next() % 12)] }
      soup.append((id: "s\(k)", words: words))
    }
    for documents in [cycle, soup, cycle + soup] {
      let (run, coverage) = try removedCoverage(documents)
      #expect(!coverage.isEmpty)
      #expect(!run.output.isEmpty)
      for (id, share) in coverage.sorted(by: { $0.key < $1.key }) {
        #expect(share >= 0.8, "\(id) removed as a partial copy keeps only \(share) of its shingles")
      }
    }
  }

  @Test func shortPlantedPartialCopiesAreFound() throws {
    // Ten copies of about 60 words: 50 taken from a long document, 10 new (82% contained).
    var lines: [String] = []
    for k in 0..<10 {
      let source = F.words(400, seed: 400 + UInt64(k))
      lines.append(F.line("d\(k)", source.joined(separator: " ")))
      let copy = Array(source[100..<150]) + F.words(10, seed: 500 + UInt64(k))
      lines.append(F.line("copy\(k)", copy.joined(separator: " ")))
    }
    let run = try F.run(lines)
    #expect(F.ids(run.output) == (0..<10).map { "d\($0)" })
    #expect(run.result.summary.partialCopies == 10)
  }

  @Test func shortRecordsBelowTheMinimumAreNeverPartialCopies() throws {
    // 20 words (16 shingles) wholly inside another record: too short to judge.
    let source = F.words(400, seed: 600)
    let run = try F.run([F.line("d", source.joined(separator: " ")), F.line("short", source[50..<70].joined(separator: " "))])
    #expect(F.ids(run.output) == ["d", "short"])
  }
}

/// A one-page view of a chunked manual is a partial copy of its chapters together: it goes,
/// and the chapters, which are then held by nothing else, stay.
@Suite struct CompilationPageTests {
  @Test func aCompilationOfOtherRecordsGoesAndItsPartsStay() throws {
    let chapters = (0..<4).map { DedupFixture.words(120, seed: 300 + UInt64($0)) }
    var lines = [DedupFixture.line("all", chapters.flatMap { $0 }.joined(separator: " "))]
    for (k, chapter) in chapters.enumerated() { lines.append(DedupFixture.line("chapter\(k)", chapter.joined(separator: " "))) }
    let run = try DedupFixture.run(lines)
    #expect(DedupFixture.ids(run.output) == ["chapter0", "chapter1", "chapter2", "chapter3"])
  }
}
