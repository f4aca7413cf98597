import Foundation
import Testing

/// `dataprep instruct --shard I/N` then `dataprep merge`: the examples and summary one process
/// writes, although one process carries state across documents (site suffixes learned from
/// titles, StackExchange questions joined to later answers, prompts already written).
@Suite struct InstructShardCommandTests {
  /// `count` documents: pages whose titles end in a site suffix after ` - ` (learned after three
  /// of them), pages that ask the same prompts with other answers (same title, heading and file
  /// name), and StackExchange questions whose accepted answers come up to 40 documents later.
  static func documents(count: Int) -> String {
    var generator = SeededGenerator(seed: 16)
    let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"]
    func sentence(_ length: Int) -> String {
      let text = (0..<length).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
      return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
    func line(_ object: [String: Any]) -> String {
      let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
      return String(decoding: data, as: UTF8.self) + "\n"
    }
    var text = ""
    for index in 0..<count {
      switch index % 10 {
      case 7:
        let fields = [
          "Id": "\(index)", "PostTypeId": "1", "Title": "How do I \(words[index % words.count]) the valve?",
          "Body": "<p>\(sentence(12))</p>", "AcceptedAnswerId": "\(index + 1 + 10 * ((index / 10) % 5))",
        ]
        text += line(["id": "post-\(index)", "source": "Posts.xml#\(index)", "format": "record", "title": "", "text": "", "sections": [], "metadata": ["fields": fields]])
      case 8, 9:
        let fields = ["Id": "\(index)", "PostTypeId": "2", "Body": "<p>\(sentence(15))</p>"]
        text += line(["id": "post-\(index)", "source": "Posts.xml#\(index)", "format": "record", "title": "", "text": "", "sections": [], "metadata": ["fields": fields]])
      case _ where index % 13 == 0:
        let sections = [["heading": "Overview", "level": 1, "text": sentence(14)], ["heading": "Installation", "level": 2, "text": sentence(12)]]
        text += line([
          "id": "doc-\(index)", "source": "v\(index)/index.html", "format": "html", "title": "Overview",
          "text": sections.map { $0["text"] as? String ?? "" }.joined(separator: "\n\n"), "sections": sections, "metadata": [:] as [String: Any],
        ])
      default:
        let site = ["Widget Guide", "Gadget Docs", "Tool Manual"][index % 3]
        let title = "\(["Install", "Reset", "Configure", "Clean"][index % 4]) the \(words[index % 5]) - \(site)"
        let sections: [[String: Any]] = [
          ["heading": title, "level": 1, "text": sentence(20) + "\n\n" + sentence(25)],
          ["heading": "Installation", "level": 2, "text": sentence(10 + index % 2)],
          ["heading": "How do I reset it?", "level": 2, "text": sentence(8)],
        ]
        var metadata: [String: Any] = ["description": sentence(20)]
        if index % 4 == 0 {
          metadata["qa"] = [["question": "Is it waterproof?", "answer": sentence(6)], ["question": words[index % 7], "answer": sentence(7)]]
        }
        let body = sections.map { "## \($0["heading"] as? String ?? "")\n\n\($0["text"] as? String ?? "")" }.joined(separator: "\n\n")
        text += line([
          "id": "doc-\(index)", "source": "site/page\(index).html", "format": "html", "title": title, "text": body,
          "sections": sections, "metadata": metadata,
        ])
      }
    }
    return text
  }

  @Test func mergeRefusesDamagedCandidates() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try ScratchFolder()
    let input = try scratch.write("docs.jsonl", Self.documents(count: 20))
    let parts = scratch.path("parts")
    #expect(try CommandRunner.run(["instruct", input, "--to", "alpaca", "-o", parts, "--shard", "0/1"]).status == 0)
    let part = scratch.path("parts/part-00000-of-00001.jsonl")
    let original = try String(contentsOfFile: part, encoding: .utf8)
    try original.replacingOccurrences(of: "\"title\"", with: "\"name\"").write(toFile: part, atomically: true, encoding: .utf8)
    let merged = try CommandRunner.run(["merge", parts, "-o", scratch.path("out.jsonl")])
    #expect(merged.status != 0)
    #expect(merged.stderr.contains("not an instruct shard's line"))
    #expect(!FileManager.default.fileExists(atPath: scratch.path("out.jsonl")))
  }

  /// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
  @Suite(.tags(.long)) struct LongTests {
    @Test func fixtureNeedsTheResolvePass() throws {
      guard CommandRunner.isAvailable() else { return }
      let scratch = try ScratchFolder()
      let lines = InstructShardCommandTests.documents(count: 120).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      let input = try scratch.write("docs.jsonl", lines.joined(separator: "\n") + "\n")
      let one = try CommandRunner.run(["instruct", input, "--to", "alpaca", "-o", scratch.path("one.jsonl")])
      #expect(one.status == 0)
      #expect(one.stderr.contains("dropped (prompt already asked with another answer)"))
      // Independent halves (no resolve pass) write other examples: the state matters.
      var naive = Data()
      for (number, half) in [lines.prefix(60), lines.dropFirst(60)].enumerated() {
        let path = try scratch.write("half\(number).jsonl", half.joined(separator: "\n") + "\n")
        #expect(try CommandRunner.run(["instruct", path, "--to", "alpaca", "-o", scratch.path("half\(number).out")]).status == 0)
        naive += FileManager.default.contents(atPath: scratch.path("half\(number).out")) ?? Data()
      }
      #expect(naive != FileManager.default.contents(atPath: scratch.path("one.jsonl")))
      let text = try String(contentsOfFile: scratch.path("one.jsonl"), encoding: .utf8)
      #expect(text.contains("faq-accepted"))
    }

    @Test func shardsMergeToOneProcess() throws {
      guard CommandRunner.isAvailable() else { return }
      let scratch = try ScratchFolder()
      let input = try scratch.write("docs.jsonl", InstructShardCommandTests.documents(count: 150))
      try ShardRoundTrip.expectSame(["instruct", input, "--to", "alpaca"], in: scratch, name: "alpaca")
    }

    @Test func rerunSkipsRefusesOtherCountsAndForceReruns() throws {
      guard CommandRunner.isAvailable() else { return }
      let scratch = try ScratchFolder()
      let input = try scratch.write("docs.jsonl", InstructShardCommandTests.documents(count: 30))
      let parts = scratch.path("parts")
      let arguments = ["instruct", input, "--to", "alpaca", "-o", parts]
      #expect(try CommandRunner.run(arguments + ["--shard", "1/3"]).stderr.contains("shard 1/3 done"))
      #expect(try CommandRunner.run(arguments + ["--shard", "1/3"]).stderr.contains("shard 1/3 already done"))
      let other = try CommandRunner.run(arguments + ["--shard", "0/2"])
      #expect(other.status == 2)
      #expect(other.stderr.contains("3-shard run"))
      let flags = try CommandRunner.run(arguments + ["--shard", "0/3", "--min-chars", "5"])
      #expect(flags.status == 2)
      #expect(flags.stderr.contains("other inputs or settings"))
      #expect(try CommandRunner.run(arguments + ["--shard", "1/3", "--force"]).stderr.contains("shard 1/3 done"))
    }


    @Test func everyFormatAndLimitMergesToOneProcess() throws {
      guard CommandRunner.isAvailable() else { return }
      let scratch = try ScratchFolder()
      let input = try scratch.write("docs.jsonl", InstructShardCommandTests.documents(count: 400))
      try ShardRoundTrip.expectSame(["instruct", input, "--to", "openai-chat", "--max-tokens", "120", "--min-chars", "60"], in: scratch, name: "chat")
      try ShardRoundTrip.expectSame(["instruct", input, "--to", "prompt-completion", "--tasks", "section-qa,completion"], in: scratch, name: "pc")
      try ShardRoundTrip.expectSame(["instruct", input, "--to", "sharegpt", "--max-pending-questions", "2"], in: scratch, name: "pending")
    }
  }
}
