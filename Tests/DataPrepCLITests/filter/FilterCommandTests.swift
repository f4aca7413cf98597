import Foundation
import Testing
import DataPrepTestSupport

/// `dataprep filter` through the built binary: drop with a report and summary, annotate,
/// thresholds from flags and config, bad input naming file and line, a 10 MB line.
@Suite struct FilterCommandTests {
  static let prose = """
    The river runs past the old mill and under the stone bridge near the town.
    Children walk to school along its bank with their dogs in the early morning.
    In spring the water rises quickly and covers the low fields beside the road.
    Farmers have learned to move their animals to higher ground before the flood.
    A small museum explains how the mill worked for more than two hundred years.
    Visitors can see the wheel turn on summer weekends when volunteers run it.
    """

  static var goodLine: String {
    let escaped = prose.replacingOccurrences(of: "\n", with: "\\n")
    return "{\"id\":\"a\",  \"text\":\"\(escaped)\"}"
  }
  static let badLine = "{\"id\":\"b\",\"text\":\"Home | About | Contact\"}"

  @Test func dropsFailingRecordsKeepsOthersByteForByteAndReports() throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write("docs.jsonl", [Self.goodLine, Self.badLine, Self.goodLine].joined(separator: "\n") + "\n")
    let result = try CommandRunner.run(
      ["filter", input, "--rules", "gopher-quality,fineweb", "-o", folder.path("out.jsonl"), "--report", folder.path("report.json")])
    if result.stderr == CommandRunner.skipMessage { return }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try String(contentsOfFile: folder.path("out.jsonl"), encoding: .utf8) == Self.goodLine + "\n" + Self.goodLine + "\n")
    #expect(result.stderr.contains("3 records: 2 passed, 1 failed (dropped)"))
    #expect(result.stderr.contains("gopher-quality: 1 failed (gopher_short_doc 1)"))
    let report = try String(contentsOfFile: folder.path("report.json"), encoding: .utf8)
    #expect(report.contains("\"records\":3,\"passed\":2,\"failed\":1,\"written\":2"))
    #expect(report.contains("\"fineweb\":{\"failed\":1,\"reasons\":{\"line_punct_ratio\":1}}"))
    #expect(report.contains("\"file\":\"\(input)\",\"line\":2"))
  }

  @Test func annotateWritesEveryRecordWithItsVerdicts() throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write("docs.jsonl", Self.badLine + "\n")
    let result = try CommandRunner.run(["filter", input, "--rules", "c4", "--annotate", "--quiet"])
    if result.stderr == CommandRunner.skipMessage { return }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("\"metadata\":{\"quality\":{\"c4\":{\"pass\":false,\"reason\":\"too_few_sentences\""))
  }

  @Test func thresholdsComeFromSetFlagsAndTheConfig() throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write("docs.jsonl", Self.badLine + "\n")
    let config = try folder.write("dataprep.yaml", "filter:\n  rules: [gopher-quality]\n  gopher_quality:\n    min_words: 3\n")
    let viaConfig = try CommandRunner.run(["filter", input, "--config", config, "--quiet", "--set", "gopher-quality.min_stop_words=off", "--set", "gopher-quality.min_alpha_words_ratio=off"])
    if viaConfig.stderr == CommandRunner.skipMessage { return }
    #expect(viaConfig.status == 0, "\(viaConfig.stderr)")
    #expect(viaConfig.stdout == Self.badLine + "\n")
    let bad = try CommandRunner.run(["filter", input, "--rules", "gopher-quality", "--set", "gopher-quality.min_wordz=3"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("unknown filter setting 'gopher-quality.min_wordz'"))
    let noRules = try CommandRunner.run(["filter", input])
    #expect(noRules.status == 2)
    #expect(noRules.stderr.contains("--rules"))
  }

  @Test func badInputNamesTheFileAndLine() throws {
    let folder = try TemporaryDirectory()
    let notJSON = try folder.write("a.jsonl", Self.goodLine + "\nnot json\n")
    let result = try CommandRunner.run(["filter", notJSON, "--rules", "fineweb", "-o", folder.path("out.jsonl")])
    if result.stderr == CommandRunner.skipMessage { return }
    #expect(result.status == 2)
    #expect(result.stderr.contains("a.jsonl:2"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("out.jsonl")))
    let noText = try folder.write("b.jsonl", "{\"id\":1}\n")
    let missing = try CommandRunner.run(["filter", noText, "--rules", "fineweb"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("b.jsonl:1: the record has no text"))
  }
}

/// The cases of ``FilterCommandTests`` that take over about 5 seconds (docs/testing.md).
extension FilterCommandTests {
  @Suite(.tags(.long)) struct LongTests {
    @Test func aTenMegabyteLineIsJudgedAndKeptWhole() throws {
      let folder = try TemporaryDirectory()
      // 10 MB of one repeated sentence: fails repetition, passes nothing else it should not.
      let text = String(repeating: "The mill turns slowly by the river. ", count: 290_000)
      let line = "{\"text\":\"\(text)\"}"
      let input = try folder.write("big.jsonl", line + "\n" + FilterCommandTests.goodLine + "\n")
      let result = try CommandRunner.run(
        ["filter", input, "--rules", "gopher-repetition", "--jobs", "2", "--report", folder.path("r.json")], timeout: 300)
      if result.stderr == CommandRunner.skipMessage { return }
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout == FilterCommandTests.goodLine + "\n")
      #expect(try String(contentsOfFile: folder.path("r.json"), encoding: .utf8).contains("\"dup_para_frac\":1") == false)
      #expect(try String(contentsOfFile: folder.path("r.json"), encoding: .utf8).contains("\"top_2_gram\":1"))
    }
  }
}
