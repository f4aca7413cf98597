import Foundation
import Testing
import DataPrepTestSupport
@testable import DataPrep

/// The filter stage over JSONL: drop or annotate, the report, bad records, jobs, settings.
@Suite struct QualityFilterTests {
  private static let good = JSONValue.string(FilterTestTexts.prose)

  private func run(_ lines: [String], _ configure: (inout QualityFilterOptions) -> Void) throws -> (output: String, report: FilterReport) {
    let folder = try TemporaryDirectory()
    let input = try folder.write("in.jsonl", lines.joined(separator: "\n") + "\n")
    var options = QualityFilterOptions()
    options.rules = [.gopherQuality, .gopherRepetition, .c4, .fineweb]
    configure(&options)
    let writer = try JSONLWriter(path: folder.path("out.jsonl"))
    let report = try QualityFilter(options: options).run(inputs: [input], to: writer)
    try writer.finish()
    return (try String(contentsOfFile: folder.path("out.jsonl"), encoding: .utf8), report)
  }

  private var goodLine: String { "{\"id\": 1,  \"text\": \(JSONWriter().string(of: Self.good))}" }
  private var badLine: String { "{\"id\":2,\"text\":\"menu home about\"}" }

  @Test func keptRecordsAreWrittenAsTheirRawLinesAndFailingOnesDropped() throws {
    let (output, report) = try run([goodLine, badLine, goodLine]) { _ in }
    #expect(output == goodLine + "\n" + goodLine + "\n")
    #expect(report.records == 3)
    #expect(report.passed == 2)
    #expect(report.written == 2)
  }

  @Test func theReportCountsEachRuleSetAndReasonWithSamples() throws {
    let (_, report) = try run([goodLine, badLine, badLine]) { $0.samplesPerReason = 1 }
    #expect(report.failuresByRuleSet[.gopherQuality] == 2)
    #expect(report.failuresByReason["gopher-quality/gopher_short_doc"] == 2)
    #expect(report.failuresByReason["c4/too_few_sentences"] == 2)
    #expect(report.failuresByReason["fineweb/line_punct_ratio"] == 2)
    let samples = report.samples.filter { $0.reason == "gopher_short_doc" }
    #expect(samples.map(\.line) == [2])
    #expect(samples.first?.path.hasSuffix("in.jsonl") == true)
    let json = JSONWriter().string(of: report.json(rules: [.gopherQuality], annotated: false))
    #expect(json.contains("\"rules\":{\"gopher-quality\":{\"failed\":2,\"reasons\":{\"gopher_short_doc\":2}}}"))
  }

  @Test func annotateKeepsEveryRecordWithValuesAndVerdicts() throws {
    let (output, report) = try run([goodLine, "{\"text\":\"menu home about\",\"metadata\":{\"url\":\"u\"}}"]) {
      $0.annotate = true
      $0.rules = [.gopherQuality, .fineweb]
    }
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(report.written == 2)
    let second = try #require(try JSONParser().parse(Array(lines[1].utf8)).objectValue)
    let quality = try #require(second["metadata"]?.objectValue?["quality"]?.objectValue)
    #expect(second["metadata"]?.objectValue?["url"] == .string("u"))
    #expect(quality["gopher-quality"]?.objectValue?["pass"] == .bool(false))
    #expect(quality["gopher-quality"]?.objectValue?["reason"] == .string("gopher_short_doc"))
    #expect(quality["gopher-quality"]?.objectValue?["values"]?.objectValue?["words"] == .integer(3))
    #expect(quality["fineweb"]?.objectValue?["reason"] == .string("line_punct_ratio"))
    let first = try #require(try JSONParser().parse(Array(lines[0].utf8)).objectValue)
    #expect(first["metadata"]?.objectValue?["quality"]?.objectValue?["gopher-quality"]?.objectValue?["pass"] == .bool(true))
  }

  @Test func annotateRefusesAMetadataThatIsNotAnObject() throws {
    do {
      _ = try run([goodLine, "{\"text\":\"x\",\"metadata\":3}"]) { $0.annotate = true }
      Issue.record("expected an error")
    } catch let error as FilterError {
      guard case .metadataNotObject(let path, let line) = error else { Issue.record("\(error)"); return }
      #expect(path.hasSuffix("in.jsonl") && line == 2)
    }
  }

  @Test func examplesAreJudgedOnTheirMessages() throws {
    let example = "{\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about the mill.\"},{\"role\":\"assistant\",\"content\":\(JSONWriter().string(of: Self.good))}]}"
    let (output, _) = try run([example]) { $0.rules = [.gopherQuality] }
    #expect(output == example + "\n")
  }

  @Test func aRecordWithoutTextIsAnErrorNamingItsLine() throws {
    do {
      _ = try run([goodLine, "{\"id\": 3}"]) { _ in }
      Issue.record("expected an error")
    } catch let error as FilterError {
      #expect(error.localizedDescription.contains("in.jsonl:2: the record has no text"))
    }
  }

  @Test func aLineThatIsNotJSONIsAnErrorNamingItsLine() throws {
    do {
      _ = try run([goodLine, goodLine, "not json"]) { _ in }
      Issue.record("expected an error")
    } catch let error as InputError {
      #expect(error.localizedDescription.contains("in.jsonl:3"))
    }
  }

  @Test func outputIsTheSameWhateverTheJobs() throws {
    var lines: [String] = []
    for i in 0..<300 { lines.append(i % 3 == 0 ? badLine : goodLine) }
    let one = try run(lines) { $0.jobs = 1 }
    let four = try run(lines) { $0.jobs = 4 }
    #expect(one.output == four.output)
    #expect(one.report.failuresByReason == four.report.failuresByReason)
    #expect(one.report.samples.map(\.line) == four.report.samples.map(\.line))
    #expect(one.report.passed == 200 && four.report.passed == 200)
    let annotated1 = try run(lines) { $0.jobs = 1; $0.annotate = true }
    let annotated4 = try run(lines) { $0.jobs = 4; $0.annotate = true }
    #expect(annotated1.output == annotated4.output)
  }

  @Test func aFieldPathPicksTheText() throws {
    let line = "{\"text\":\"menu\",\"body\":\(JSONWriter().string(of: Self.good))}"
    let (output, _) = try run([line]) { $0.field = "body" }
    #expect(output == line + "\n")
  }
}
