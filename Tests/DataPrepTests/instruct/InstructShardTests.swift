import Foundation
import Testing

@testable import DataPrep

/// The two halves of a sharded `instruct`: candidates written per byte range of the input
/// (``Instructor/writeCandidates(_:to:startsInput:)``), resolved in input order
/// (``Instructor/resolveCandidates(_:to:)``), give exactly what ``Instructor/run(_:to:)`` writes.
@Suite struct InstructShardTests {
  /// Pages with a weak-separator site suffix (learned after three), pages asking the same
  /// prompt with other answers, and StackExchange posts answered later.
  static func documents() -> [Document] {
    var documents: [Document] = []
    for index in 0..<24 {
      let title = "Page \(["one", "two", "three", "four", "five", "six"][index % 6]) - Example Site"
      documents.append(
        Document(
          id: "page-\(index)", source: "docs/v\(index % 3)/index.html", format: "html", title: title,
          text: "# \(title)\n\nThe page number \(index) explains how the example site works in detail.",
          sections: [
            .init(heading: title, level: 1, text: "The page number \(index) explains how the example site works in detail."),
            .init(heading: "Installation", level: 2, text: "Run the installer \(index % 4) times and wait for the green light."),
          ],
          metadata: InstructFixtures.object(["qa": [["question": "Is it safe?", "answer": .string("Yes, in version \(index % 5) it is safe to use.")]]])))
      if index % 6 == 1 {
        documents.append(InstructFixtures.post("\(100 + index)", type: "1", title: "Why \(index)?", body: "<p>Asking about \(index).</p>", accepted: "\(200 + index)"))
      }
      if index % 6 == 4 {
        documents.append(InstructFixtures.post("\(200 + index - 3)", type: "2", body: "<p>Because of reason \(index), clearly.</p>"))
      }
    }
    return documents
  }

  /// `run` over `documents`, and the shards' candidates resolved, for `count` shards.
  private func both(_ documents: [Document], _ options: InstructOptions, count: Int) throws -> (String, String, Instructor.Summary, Instructor.Summary) {
    let scratch = try ScratchFolder()
    let input = try scratch.write("docs.jsonl", documents.map { JSONWriter().string(of: $0.jsonValue) + "\n" }.joined())
    let instructor = Instructor(options: options)
    let oneWriter = try JSONLWriter(path: scratch.path("one.jsonl"))
    let oneSummary = try instructor.run(try JSONLReader(path: input), to: oneWriter)
    try oneWriter.finish()
    var parts: [String] = []
    for index in 0..<count {
      let range = try ShardByteRange.of(path: input, shard: try Shard(index: index, count: count))
      let path = scratch.path("part\(index).jsonl")
      let writer = try JSONLWriter(path: path)
      _ = try instructor.writeCandidates(try JSONLReader(path: input, range: range, limits: .standard), to: writer, startsInput: range.start == 0)
      try writer.finish()
      parts.append(path)
    }
    let mergedWriter = try JSONLWriter(path: scratch.path("merged.jsonl"))
    let mergedSummary = try instructor.resolveCandidates({ body in
      for part in parts {
        for line in try String(contentsOfFile: part, encoding: .utf8).split(separator: "\n") { try body(ArraySlice(Array(line.utf8))) }
      }
    }, to: mergedWriter)
    try mergedWriter.finish()
    return (
      try String(contentsOfFile: scratch.path("one.jsonl"), encoding: .utf8),
      try String(contentsOfFile: scratch.path("merged.jsonl"), encoding: .utf8), oneSummary, mergedSummary
    )
  }

  @Test(arguments: [1, 2, 4, 7])
  func candidatesResolveToOneProcess(count: Int) throws {
    let (one, merged, oneSummary, mergedSummary) = try both(Self.documents(), InstructOptions(format: .alpaca), count: count)
    #expect(!one.isEmpty)
    #expect(merged == one)
    #expect(mergedSummary == oneSummary)
    #expect(oneSummary.dropped[.conflictingPrompt, default: 0] > 0)
    #expect(one.contains("faq-accepted"))
  }

  @Test func tokenLimitsAndOtherFormatsResolveToOneProcess() throws {
    let options = InstructOptions(format: .openAIChat, maxTokens: 60, maxPendingQuestions: 1)
    let (one, merged, oneSummary, mergedSummary) = try both(Self.documents(), options, count: 3)
    #expect(merged == one)
    #expect(mergedSummary == oneSummary)
  }

  @Test func titleSuffixIsCleanedBothWaysUntilLearned() {
    var cleaner = TitleCleaner()
    #expect(TitleCleaner.weakSuffix(of: "Models - Site — Other") == "Site")
    #expect(TitleCleaner.weakSuffix(of: "Models") == nil)
    #expect(TitleCleaner.clean(title: "Models - Site", droppingWeakSuffix: true) == "Models")
    #expect(TitleCleaner.clean(title: "Models - Site", droppingWeakSuffix: false) == "Models - Site")
    #expect(!cleaner.dropsWeakSuffix(of: "Models - Site"))
    for title in ["A - Site", "B - Site", "C - Site"] { cleaner.learn(title) }
    #expect(cleaner.dropsWeakSuffix(of: "Models - Site"))
  }

  @Test func aLineNoShardWroteIsRefused() throws {
    let instructor = Instructor(options: InstructOptions(format: .alpaca))
    let scratch = try ScratchFolder()
    let writer = try JSONLWriter(path: scratch.path("out.jsonl"))
    for bad in ["{\"examples\":[]}", "not json", "{\"title\":\"t\",\"examples\":[{\"drop\":\"tired\"}]}", "{\"title\":\"t\",\"examples\":[{\"task\":\"faq\"}]}"] {
      #expect(throws: InstructError.self) {
        _ = try instructor.resolveCandidates({ body in try body(ArraySlice(Array(bad.utf8))) }, to: writer)
      }
    }
    let error = InstructError.badCandidates(where: "merged line 3", reason: "no title or examples")
    #expect(error.localizedDescription == "merged line 3: not an instruct shard's line (no title or examples); run that shard again with --force")
  }
}
