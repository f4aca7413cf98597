import Foundation
import Testing
@testable import DataPrep

@Suite struct SplitTests {
  typealias F = LeakageFixture

  /// Splits `lines` into a fresh folder and returns the result and the files' lines by split name.
  static func split(_ lines: [String], options: SplitOptions, directory: TemporaryDirectory? = nil) throws
    -> (result: SplitResult, files: [String: [String]], directory: TemporaryDirectory)
  {
    let directory = try directory ?? TemporaryDirectory()
    let input = directory.path("input.jsonl")
    try F.write(lines, to: input)
    let result = try Splitter(options: options).run(input: input, directory: directory.path("out"))
    var files: [String: [String]] = [:]
    for name in options.splitNames {
      let text = try String(contentsOfFile: directory.path("out/\(name).jsonl"), encoding: .utf8)
      files[name] = text.split(separator: "\n").map(String.init)
    }
    return (result, files, directory)
  }

  /// Small distinct records, a few words each (no leaks between them at n = 13).
  static func records(_ count: Int, from start: Int = 0, groups: Int? = nil) -> [String] {
    (start..<(start + count)).map { i in
      F.line("r\(i)", F.text(12, seed: UInt64(i) &* 7919), sourceID: groups.map { "g\(i % $0)" })
    }
  }

  static var stable: SplitOptions {
    var o = SplitOptions()
    o.checkLeakage = false
    return o
  }

  @Test func stableRatioWithinTolerance() throws {
    // 10,000 singleton groups at 0.9: the obtained share is binomial, sd 0.003; tolerance 0.015 (5 sd).
    let (result, files, _) = try Self.split(Self.records(10_000), options: Self.stable)
    #expect(result.total == 10_000)
    #expect(abs(result.ratiosObtained[0] - 0.9) < 0.015)
    #expect(files["train"]?.count == result.counts[0])
    #expect(files["validation"]?.count == result.counts[1])
  }

  @Test func anEmptySplitIsAnErrorWithNothingWrittenUnlessAllowed() throws {
    for (ratios, exact, empty) in [([0.00001, 0.99999], false, "train"), ([0.99999, 0.00001], true, "validation"),
      ([0.5, 0.49999, 0.00001], true, "test")] {
      var options = Self.stable
      options.ratios = ratios
      options.exact = exact
      options.allowEmpty = false  // as `dataprep split` without --allow-empty
      let directory = try TemporaryDirectory()
      #expect(throws: SplitError.emptySplit(name: empty, records: 30)) {
        _ = try Self.split(Self.records(30), options: options, directory: directory)
      }
      for name in options.splitNames {
        #expect(!FileManager.default.fileExists(atPath: directory.path("out/\(name).jsonl")), "\(ratios): \(name) written")
      }
      options.allowEmpty = true
      let (result, files, _) = try Self.split(Self.records(30), options: options)
      #expect(result.counts.reduce(0, +) == 30)
      #expect(files[empty] == [])
    }
  }

  @Test func recordsAreWrittenUnchanged() throws {
    let lines = ["{ \"text\" : \"spaced   json\",\"id\":1 }", "{\"text\":\"b\"}"]
    let (_, files, _) = try Self.split(lines, options: Self.stable)
    #expect(Set((files["train"] ?? []) + (files["validation"] ?? [])) == Set(lines))
  }

  @Test func groupsNeverStraddle() throws {
    var options = Self.stable
    options.ratios = [0.6, 0.2, 0.2]
    for exact in [false, true] {
      options.exact = exact
      let (_, files, _) = try Self.split(Self.records(3000, groups: 250), options: options)
      var sideOfGroup: [String: String] = [:]
      for (name, lines) in files {
        for line in lines {
          let group = try #require(try JSONParser().parse(line).value(atPath: "metadata.source_id")?.stringValue)
          #expect(sideOfGroup[group, default: name] == name)
          sideOfGroup[group] = name
        }
      }
      #expect(sideOfGroup.count == 250)
    }
  }

  @Test func sameSeedSameBytesWhateverJobs() throws {
    var one = SplitOptions()
    one.jobs = 1
    var four = SplitOptions()
    four.jobs = 4
    let lines = Self.records(2000, groups: 300)
    let a = try Self.split(lines, options: one)
    let b = try Self.split(lines, options: four)
    #expect(a.files == b.files)
    var other = one
    other.seed = 99
    #expect(try Self.split(lines, options: other).files != a.files)
  }

  @Test func appendingNeverMovesRecords() throws {
    let first = Self.records(3000)
    let (_, before, _) = try Self.split(first, options: Self.stable)
    let (_, after, _) = try Self.split(first + Self.records(2000, from: 3000), options: Self.stable)
    for name in ["train", "validation"] {
      let kept = Set(after[name] ?? [])
      #expect((before[name] ?? []).allSatisfy { kept.contains($0) })
    }
  }

  @Test func exactCounts() throws {
    var options = Self.stable
    options.ratios = [0.8, 0.1, 0.1]
    options.exact = true
    let (result, files, _) = try Self.split(Self.records(1000), options: options)
    #expect(result.counts == [800, 100, 100])
    #expect(files["test"]?.count == 100)
  }

  @Test func stratificationKeepsEachLabelsShare() throws {
    var lines: [String] = []
    for i in 0..<1000 { lines.append(F.line("r\(i)", F.text(12, seed: UInt64(i) &* 31), label: i % 10 == 0 ? "rare" : "common")) }
    lines.append(F.line("lonely", "one of a kind", label: "tiny"))
    var options = Self.stable
    options.stratifyBy = "metadata.label"
    let (result, _, _) = try Self.split(lines, options: options)
    #expect(result.labelCounts["rare"] == [90, 10])
    #expect(result.labelCounts["common"] == [810, 90])
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.contains("tiny") == true)
  }

  @Test func leaksAreReportedThenMovedOrDropped() throws {
    // Pairs of records sharing a 30-word passage but with different texts (so different groups).
    var lines: [String] = []
    for i in 0..<200 {
      let passage = F.text(30, seed: 10_000 + UInt64(i))
      lines.append(F.line("a\(i)", F.text(10, seed: 20_000 + UInt64(i)) + " " + passage))
      lines.append(F.line("b\(i)", passage + " " + F.text(10, seed: 30_000 + UInt64(i))))
    }
    let reported = try Self.split(lines, options: SplitOptions())
    #expect(reported.result.leaksRemaining > 0)
    #expect(reported.result.leakage?.findings.allSatisfy { $0.kind == .sharedPassage } == true)
    for action in [SplitOptions.LeakAction.move, .drop] {
      var options = SplitOptions()
      options.leakAction = action
      let (result, files, directory) = try Self.split(lines, options: options)
      #expect(result.leaksRemaining == 0)
      #expect(result.repaired == reported.result.leakage?.leakedHeldOut.count)
      let recheck = try LeakageCheck(options: LeakageOptions()).run(
        train: directory.path("out/train.jsonl"), heldOut: [directory.path("out/validation.jsonl")])
      #expect(recheck.findings.isEmpty)
      let total = (files["train"]?.count ?? 0) + (files["validation"]?.count ?? 0)
      #expect(total == (action == .move ? 400 : 400 - result.repaired))
      #expect(result.counts == [files["train"]?.count ?? -1, files["validation"]?.count ?? -1])
    }
  }

  @Test func refusesToOverwriteWithoutForce() throws {
    let (_, _, directory) = try Self.split(Self.records(10), options: Self.stable)
    #expect(throws: SplitError.outputExists(path: directory.path("out/train.jsonl"))) {
      _ = try Self.split(Self.records(10), options: Self.stable, directory: directory)
    }
    var force = Self.stable
    force.overwrite = true
    #expect(try Self.split(Self.records(20), options: force, directory: directory).result.total == 20)
  }

  @Test func splitJSONRecordsDigestAndCounts() throws {
    let lines = Self.records(100)
    let (result, _, directory) = try Self.split(lines, options: Self.stable)
    let summary = try JSONParser().parse(try String(contentsOfFile: directory.path("out/split.json"), encoding: .utf8))
    let expected = HexBytes.encode(SHA256Digest.hash((lines.joined(separator: "\n") + "\n").utf8))
    #expect(summary["input_sha256"]?.stringValue == expected)
    #expect(summary["counts"]?["train"]?.integerValue == Int64(result.counts[0]))
    #expect(summary["mode"]?.stringValue == "stable")
    #expect(summary["ratio_asked"]?.arrayValue?.first?.doubleValue == 0.9)
  }

  @Test func badLineNamesFileAndLine() throws {
    #expect {
      _ = try Self.split(Self.records(3) + ["[1, 2]"], options: Self.stable)
    } throws: { error in
      guard case .notAnObject(let path, let line, "array") = error as? InputError else { return false }
      return path.hasSuffix("input.jsonl") && line == 4
    }
  }

  @Test func recordWithoutGroupOrTextIsAnError() throws {
    #expect(throws: SplitError.self) { _ = try Self.split(["{\"id\": 1}"], options: Self.stable) }
  }

  @Test func exactModeNeedsAFile() throws {
    var options = Self.stable
    options.exact = true
    let directory = try TemporaryDirectory()
    #expect(throws: SplitError.needsFile(.exact)) {
      _ = try Splitter(options: options).run(input: "-", directory: directory.path("out"))
    }
  }

  @Test func testSplitIsCheckedAndRepairedToo() throws {
    var lines: [String] = []
    for i in 0..<300 {
      let passage = F.text(30, seed: 40_000 + UInt64(i))
      lines.append(F.line("a\(i)", passage + " " + F.text(10, seed: 50_000 + UInt64(i))))
      lines.append(F.line("b\(i)", F.text(10, seed: 60_000 + UInt64(i)) + " " + passage))
    }
    var options = SplitOptions()
    options.ratios = [0.6, 0.2, 0.2]
    let reported = try Self.split(lines, options: options)
    let files = Set(reported.result.leakage?.findings.map { URL(fileURLWithPath: $0.heldOut.file).lastPathComponent } ?? [])
    #expect(files == ["validation.jsonl", "test.jsonl"])
    options.leakAction = .move
    let (result, moved, _) = try Self.split(lines, options: options)
    #expect(result.leaksRemaining == 0)
    #expect(moved.values.map(\.count).reduce(0, +) == 600)
  }

  @Test func ratiosAreParsedAndChecked() throws {
    #expect(try SplitOptions.parseRatios("0.9") == [0.9, 0.09999999999999998])
    #expect(try SplitOptions.parseRatios("0.8,0.1,0.1") == [0.8, 0.1, 0.1])
    for bad in ["", "1.5", "0.5,0.6", "a", "0.2,0.2,0.2,0.4", "0,1"] {
      #expect(throws: SplitError.self) { _ = try SplitOptions.parseRatios(bad) }
    }
  }
}
