import Foundation
import Testing

@testable import DataPrep

@Suite struct DedupJobTests {
  typealias F = DedupFixture

  @Test func bandRangesAreFirstDashLastInclusive() {
    #expect(DedupJob.bandRange(parsing: "0-12") == 0..<13)
    #expect(DedupJob.bandRange(parsing: "3-3") == 3..<4)
    for bad in ["", "3", "5-2", "a-b", "1-2-3", "1..4"] {
      #expect(DedupJob.bandRange(parsing: bad) == nil, "\(bad)")
    }
  }

  /// Near-duplicate records: 40 texts, each written three times with one word changed.
  private func lines() -> [String] {
    (0..<120).map { i in
      var words = F.words(100, seed: UInt64(i % 40))
      words[i % 100] = "x\(i)"
      return F.line("r\(i)", words.joined(separator: " "))
    }
  }

  @Test func separateJobsWriteWhatOneRunWrites() throws {
    let input = try F.file(lines())
    let base = input + ".job"
    defer {
      for path in [input, base + ".all", base + ".all.clusters", base + ".sigs", base + ".pairs-a", base + ".pairs-b",
                   base + ".staged", base + ".staged.clusters"] { unlink(path) }
    }
    let dedup = Deduplicator(options: DedupOptions())
    let whole = try #require(try dedup.run(.all(input: input), output: base + ".all", clusters: base + ".all.clusters"))
    #expect(whole.result.summary.nearDuplicates > 0)
    #expect(try dedup.run(.signatures(input: input), output: base + ".sigs") == nil)
    let bands = DedupOptions().lshIndex.bands
    #expect(try dedup.run(.candidates(signatures: base + ".sigs", bandRange: 0..<(bands / 2)), output: base + ".pairs-a") == nil)
    #expect(try dedup.run(.candidates(signatures: base + ".sigs", bandRange: (bands / 2)..<bands), output: base + ".pairs-b") == nil)
    let staged = try #require(try dedup.run(
      .clusters(input: input, signatures: base + ".sigs", pairs: [base + ".pairs-b", base + ".pairs-a"]),
      output: base + ".staged", clusters: base + ".staged.clusters"))
    #expect(staged.result.kept == whole.result.kept)
    #expect(try Data(contentsOf: URL(fileURLWithPath: base + ".staged")) == Data(contentsOf: URL(fileURLWithPath: base + ".all")))
    #expect(try Data(contentsOf: URL(fileURLWithPath: base + ".staged.clusters"))
      == Data(contentsOf: URL(fileURLWithPath: base + ".all.clusters")))
  }

  @Test func theWholeRunKeepsRecordsByteForByteAndRemovesThoseOfTheReferences() throws {
    let text = F.text(60, seed: 1)
    let input = try F.file([F.line("a", text), F.line("b", F.text(60, seed: 2)), F.line("c", F.text(60, seed: 3))])
    let reference = try F.file([F.line("ref", F.text(60, seed: 2))])
    let output = input + ".kept"
    defer { for path in [input, reference, output] { unlink(path) } }
    let run = try Deduplicator(options: DedupOptions()).run(input: input, against: [reference], output: output)
    #expect(run.result.summary.recordsIn == 3 && run.result.summary.recordsOut == 2)
    #expect(try String(contentsOfFile: output, encoding: .utf8)
      == F.line("a", text) + "\n" + F.line("c", F.text(60, seed: 3)) + "\n")
    #expect(run.table.files.count == 2)
  }

  @Test func clustersOfAnotherInputAreRefused() throws {
    let input = try F.file(lines())
    let other = try F.file(Array(lines().prefix(50)))
    let sigs = input + ".sigs"
    let pairs = input + ".pairs"
    let out = input + ".out"
    defer { for path in [input, other, sigs, pairs, out] { unlink(path) } }
    let dedup = Deduplicator(options: DedupOptions())
    _ = try dedup.run(.signatures(input: input), output: sigs)
    _ = try dedup.run(.candidates(signatures: sigs), output: pairs)
    #expect(throws: DedupError.self) {
      try dedup.run(.clusters(input: other, signatures: sigs, pairs: [pairs]), output: out)
    }
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
