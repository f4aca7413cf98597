import Foundation
import Testing

@testable import DataPrep

/// Runs every dedup stage as `count` shards into folders under one scratch folder, merges the
/// filter parts, and gives what the run wrote.
struct ShardedDedupRun {
  var kept: String
  var clusters: String
  var summary: DedupSummary
  var folder: String

  static func run(input: String, against: [String] = [], count: Int, options: DedupOptions, folder: String) throws -> ShardedDedupRun {
    let dedup = Deduplicator(options: options)
    let shards = try (0..<count).map { try Shard(index: $0, count: count) }
    for shard in shards {
      _ = try dedup.run(.signatures(input: input, against: against), output: folder + "/sigs", stage: DedupStageSettings(shard: shard))
    }
    for shard in shards {
      _ = try dedup.run(.candidates(signatures: folder + "/sigs"), output: folder + "/pairs", stage: DedupStageSettings(shard: shard))
    }
    let decided = try dedup.run(
      .clusters(signatures: folder + "/sigs", pairs: folder + "/pairs"), output: folder + "/decisions",
      clusters: folder + "/clusters.jsonl")
    for shard in shards {
      _ = try dedup.run(.filter(input: input, decisions: folder + "/decisions"), output: folder + "/kept", stage: DedupStageSettings(shard: shard))
    }
    let merger = try ShardPartsMerger(paths: [folder + "/kept"])
    let out = try OutputFile(path: folder + "/kept.jsonl")
    try merger.merge(into: out)
    try out.commit()
    return ShardedDedupRun(
      kept: try String(contentsOfFile: folder + "/kept.jsonl", encoding: .utf8),
      clusters: try String(contentsOfFile: folder + "/clusters.jsonl", encoding: .utf8),
      summary: try #require(decided.summary), folder: folder)
  }
}

@Suite struct DedupJobTests {
  typealias F = DedupFixture

  /// 240 records: unique texts, exact copies, near copies (one word in 100 changed), partial
  /// copies (half of one record glued to half of another), a few with no words, blank lines.
  static func corpus() -> [String] {
    var lines: [String] = []
    for i in 0..<240 {
      let id = "r\(i)"
      switch i % 8 {
      case 1: lines.append(F.line(id, F.text(100, seed: UInt64(i / 8 % 11))))
      case 2:
        var words = F.words(120, seed: UInt64(i / 8 % 13))
        words[i % 120] = "x\(i)"
        lines.append(F.line(id, words.joined(separator: " ")))
      case 3:
        let a = F.words(300, seed: UInt64(1000 + i / 8))
        let b = F.words(300, seed: UInt64(2000 + i / 8))
        lines.append(F.line(id, (Array(a[..<150]) + Array(b[150...])).joined(separator: " ")))
        if i % 16 == 3 { lines.append("") }
      case 4: lines.append(F.line(id, F.words(300, seed: UInt64(1000 + i / 8)).joined(separator: " ")))
      case 5: lines.append(F.line(id, i % 40 == 5 ? "!!" : F.text(60 + i % 50, seed: UInt64(5000 + i))))
      default: lines.append(F.line(id, F.text(80 + i % 40, seed: UInt64(i / 8 % 13))))
      }
    }
    return lines
  }

  /// Runs one process and the sharded stages over `corpus()` for each setting; both must write
  /// the same kept bytes, clusters file and summary.
  static func compareShardedWithOneProcess(count: Int, settings names: [String]) throws {
    let scratch = try TemporaryDirectory()
    let input = scratch.url.path + "/in.jsonl"
    let reference = scratch.url.path + "/ref.jsonl"
    try (corpus().joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
    try (corpus().prefix(40).joined(separator: "\n") + "\n").write(toFile: reference, atomically: true, encoding: .utf8)
    var longest = DedupOptions()
    longest.keep = .longest
    var estimate = DedupOptions()
    estimate.verification = .estimate
    estimate.keep = .shortest
    let cases: [String: (DedupOptions, [String])] = [
      "default": (DedupOptions(), []), "longest": (longest, []), "against": (DedupOptions(), [reference]),
      "estimate": (estimate, [reference]),
    ]
    for name in names {
      guard let (options, against) = cases[name] else { continue }
      let folder = scratch.url.path + "/\(name)"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let one = try Deduplicator(options: options).run(
        input: input, against: against, output: folder + "/one.jsonl", clusters: folder + "/one-clusters.jsonl")
      let sharded = try ShardedDedupRun.run(input: input, against: against, count: count, options: options, folder: folder)
      #expect(sharded.kept == (try String(contentsOfFile: folder + "/one.jsonl", encoding: .utf8)), "\(name) N=\(count)")
      #expect(sharded.clusters == (try String(contentsOfFile: folder + "/one-clusters.jsonl", encoding: .utf8)), "\(name) N=\(count)")
      #expect(sharded.summary == one.result.summary, "\(name) N=\(count)")
      let summary = one.result.summary
      #expect(summary.exactDuplicates > 0 && summary.nearDuplicates > 0 && summary.partialCopies > 0, "\(name): \(summary)")
    }
  }

  @Test func threeShardsMergeToOneProcess() throws {
    try Self.compareShardedWithOneProcess(count: 3, settings: ["default"])
  }

  @Test func aRerunSkipsFinishedShardsAndTheFilterRefusesAnotherInput() throws {
    let scratch = try TemporaryDirectory()
    let input = scratch.url.path + "/in.jsonl"
    let other = scratch.url.path + "/other.jsonl"
    try (Self.corpus().joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
    try (Self.corpus().reversed().joined(separator: "\n") + "\n").write(toFile: other, atomically: true, encoding: .utf8)
    _ = try ShardedDedupRun.run(input: input, count: 2, options: DedupOptions(), folder: scratch.url.path)
    let dedup = Deduplicator(options: DedupOptions())
    let again = try dedup.run(.candidates(signatures: scratch.url.path + "/sigs"), output: scratch.url.path + "/pairs",
                              stage: DedupStageSettings(shard: try Shard(index: 1, count: 2)))
    guard case .skipped? = again.stage else {
      Issue.record("a finished shard ran again")
      return
    }
    #expect(throws: DedupError.inputMismatch(path: other)) {
      _ = try dedup.run(.filter(input: other, decisions: scratch.url.path + "/decisions"), output: scratch.url.path + "/kept-other")
    }
    #expect(!FileManager.default.fileExists(atPath: scratch.url.path + "/kept-other/part-00000-of-00001.jsonl"))
  }

  @Test func aStageGivenPartsOfAnotherJobIsRefused() throws {
    let scratch = try TemporaryDirectory()
    let one = scratch.url.path + "/one.jsonl"
    let two = scratch.url.path + "/two.jsonl"
    try (Self.corpus().joined(separator: "\n") + "\n").write(toFile: one, atomically: true, encoding: .utf8)
    try (Self.corpus().prefix(100).joined(separator: "\n") + "\n").write(toFile: two, atomically: true, encoding: .utf8)
    let dedup = Deduplicator(options: DedupOptions())
    for (name, input) in [("one", one), ("two", two)] {
      _ = try dedup.run(.signatures(input: input), output: scratch.url.path + "/sigs-\(name)")
      _ = try dedup.run(.candidates(signatures: scratch.url.path + "/sigs-\(name)"), output: scratch.url.path + "/pairs-\(name)")
    }
    // Pairs made from other signatures.
    #expect(throws: DedupError.self) {
      _ = try dedup.run(.clusters(signatures: scratch.url.path + "/sigs-one", pairs: scratch.url.path + "/pairs-two"), output: scratch.url.path + "/d")
    }
    // A folder of another stage given as signatures or as pairs.
    #expect(throws: DedupError.self) {
      _ = try dedup.run(.candidates(signatures: scratch.url.path + "/pairs-one"), output: scratch.url.path + "/p")
    }
    #expect(throws: DedupError.self) {
      _ = try dedup.run(.clusters(signatures: scratch.url.path + "/sigs-one", pairs: scratch.url.path + "/sigs-one"), output: scratch.url.path + "/d")
    }
    #expect(throws: DedupError.self) {
      _ = try dedup.run(.filter(input: one, decisions: scratch.url.path + "/pairs-one"), output: scratch.url.path + "/k")
    }
    // Signatures made with other settings.
    var other = DedupOptions()
    other.ngram = 3
    #expect(throws: DedupError.self) {
      _ = try Deduplicator(options: other).run(.candidates(signatures: scratch.url.path + "/sigs-one"), output: scratch.url.path + "/p")
    }
    // Parts of two jobs in one folder.
    let mixed = scratch.url.path + "/mixed"
    _ = try dedup.run(.signatures(input: one), output: mixed, stage: DedupStageSettings(shard: try Shard(index: 0, count: 2)))
    _ = try dedup.run(.signatures(input: two), output: scratch.url.path + "/sigs-two-2", stage: DedupStageSettings(shard: try Shard(index: 1, count: 2)))
    for name in ["part-00001-of-00002.done.json", "part-00001-of-00002.signatures.bin"] {
      try FileManager.default.copyItem(atPath: scratch.url.path + "/sigs-two-2/" + name, toPath: mixed + "/" + name)
    }
    #expect(throws: ShardError.self) { _ = try dedup.run(.candidates(signatures: mixed), output: scratch.url.path + "/p") }
    #expect(!FileManager.default.fileExists(atPath: scratch.url.path + "/p/part-00000-of-00001.pairs.bin"))
    #expect(!FileManager.default.fileExists(atPath: scratch.url.path + "/d/part-00000-of-00001.removed.bin"))
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
}

@Suite struct DedupStagePartsTests {
  @Test func bandSlotsCoverEveryBandAndTheExactHashOnce() throws {
    for bands in [1, 9, 18] {
      for count in 1...30 {
        var seen: [Int] = []
        for index in 0..<count { seen += Array(DedupStages.slots(bands: bands, shard: try Shard(index: index, count: count))) }
        #expect(seen == Array(0...bands), "bands \(bands), \(count) shards")
      }
    }
  }

  @Test func aBandKeepsOnlyTheFirstRecordOfEachExactGroup() {
    // Records 0, 2 and 3 share an exact hash and so a bucket; 1 is another text in that bucket.
    let hashes: [UInt64] = [7, 8, 7, 7, 9]
    let entries: [(key: UInt64, member: Int32)] = [(1, 0), (1, 1), (1, 2), (1, 3), (2, 4)]
    let kept = DedupStages.firstOfEachExactGroup(entries, hashes: hashes)
    #expect(kept.map(\.member) == [0, 1, 4])
  }

  @Test(arguments: [0, 64, 1024])
  func theStreamedPartialFinderDecidesAsTheWholeTableInAnyNumberOfPasses(wholeBelow: Int) throws {
    let scratch = try TemporaryDirectory()
    let input = scratch.url.path + "/in.jsonl"
    try (DedupJobTests.corpus().joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
    var options = DedupOptions()
    options.partialWholeBelow = wholeBelow
    options.keep = .longest
    let dedup = Deduplicator(options: options)
    let table = try dedup.sketch(input: input)
    let alive = (0..<table.count).map { $0 % 5 != 0 }
    let expected = PartialCopyFinder(options: options, table: table).find(alive: alive) { dedup.prefers(table, $0, $1) }
    #expect(!expected.isEmpty)
    for count in 1...3 {
      _ = try dedup.run(.signatures(input: input), output: scratch.url.path + "/sigs", stage: DedupStageSettings(shard: try Shard(index: count - 1, count: 3)))
    }
    let store = try DedupSignatureStore(folder: scratch.url.path + "/sigs", options: options)
    for budget in [1 << 30, 1 << 18, 1 << 16] {
      var finder = StreamedPartialCopyFinder(options: options, store: store)
      finder.budget = budget
      let found = try finder.find(alive: alive) { dedup.prefers(table, $0, $1) }
      #expect(found.map { JSONWriter().string(of: $0.jsonValue(label: table.label)) }
        == expected.map { JSONWriter().string(of: $0.jsonValue(label: table.label)) }, "budget \(budget)")
    }
  }

  @Test func theClusterResolverAsksOnlyForLinkedRecords() {
    var asked: [Int] = []
    let resolution = PairClusterResolver(options: DedupOptions()).resolve(
      exactLinks: [CandidatePair(1_000_000, 5)], edges: [SimilarityEdge(first: 5, second: 900, similarity: 0.9)],
      facts: { record in
        asked.append(record)
        return DedupRecordFacts(isReference: false, textLength: 10, exactHash: record == 900 ? 2 : 1)
      }, similarity: { _, _ in 0.9 })
    #expect(asked == [5, 900, 1_000_000])
    #expect(resolution.clusters.count == 1 && resolution.clusters[0].kept == 5)
    #expect(resolution.exactDuplicates == 1 && resolution.nearDuplicates == 1)
  }
}

/// The cases of ``DedupJobTests`` that take over about 5 seconds: tagged `.long`, and named so that
/// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
extension DedupJobTests {
  @Suite(.tags(.long)) struct LongTests {
    @Test(arguments: [1, 2, 4, 7])
    func shardedStagesMergeToOneProcess(count: Int) throws {
      try DedupJobTests.compareShardedWithOneProcess(count: count, settings: ["default", "longest", "against", "estimate"])
    }
  }
}
