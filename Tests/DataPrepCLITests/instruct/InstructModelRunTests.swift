import DataPrep
import DataPrepTestSupport
import Dispatch
import Foundation
import Synchronization
import Testing

/// `dataprep instruct --generator openai-compatible` through the binary and its real HTTP client,
/// against the chat test server on 127.0.0.1: what is written, that it does not depend on
/// `--concurrency` or on the order replies arrive, and that an interrupted run resumes from its
/// cache to the bytes of an uninterrupted one.
@Suite struct InstructModelRunTests {
  /// `count` documents of two sections each, every sentence long enough to be asked about.
  static func documents(_ count: Int) -> String {
    (0..<count).map { index in
      let sections: [JSONValue] = [
        ["heading": .string("Installing part \(index)"), "level": 2, "text": .string("Unpack archive number \(index) into the tools folder. Run the installer with the quiet flag set. Restart the service after the installer finishes.")],
        ["heading": .string("Checking part \(index)"), "level": 2, "text": .string("Open the status page of node \(index) in a browser. Every green row means a healthy worker. A red row names the worker that stopped.")],
      ]
      let document: JSONValue = [
        "id": .string("doc\(index)"), "source": .string("guide\(index).html"), "format": "html", "title": .string("Guide \(index)"),
        "text": "", "sections": .array(sections), "metadata": [:],
      ]
      return JSONWriter().string(of: document)
    }.joined(separator: "\n") + "\n"
  }

  /// Three documents on unrelated subjects, so no generated question repeats another.
  static let distinctDocuments: String = [
    ("lamp", "Lamp Guide", "Bulbs", "Replace the bulb with a twelve watt LED after switching the lamp off. Hold the glass shade while turning the bulb. Dispose of broken bulbs in the glass bin.", "Cleaning", "Wipe the shade with a dry cloth once a week. Never spray water into the switch housing. Dust the cable before storing the lamp away."),
    ("bread", "Baking Notes", "Dough", "Knead the dough for ten minutes until it springs back. Let the dough rise in a warm kitchen for an hour. Fold in the seeds before the second rise.", "Oven", "Preheat the oven to two hundred degrees with a steel tray inside. Bake the loaf until its crust sounds hollow. Cool the bread on a rack before slicing."),
    ("bike", "Cycling Handbook", "Tyres", "Pump road tyres to the pressure printed on their sidewall. Check for thorns after riding on gravel paths. Patch small punctures with a glueless kit.", "Chain", "Oil the chain every two hundred kilometres of riding. Wipe off surplus oil so grit does not stick. Replace a stretched chain before it wears the cassette."),
  ].map { id, title, firstHeading, firstText, secondHeading, secondText in
    let document: JSONValue = [
      "id": .string(id), "source": .string(id + ".html"), "format": "html", "title": .string(title), "text": "",
      "sections": [
        ["heading": .string(firstHeading), "level": 2, "text": .string(firstText)],
        ["heading": .string(secondHeading), "level": 2, "text": .string(secondText)],
      ],
      "metadata": [:],
    ]
    return JSONWriter().string(of: document) + "\n"
  }.joined()

  /// The reply of the documentation stand-in, held back a few milliseconds chosen by the prompt,
  /// so replies arrive out of request order under concurrency.
  static func scrambled(_ request: ChatTestRequest) -> ChatTestReply {
    var reply = ChatTestReply.documentation(for: request)
    reply.delay = Double(request.lastUserMessage.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF } % 7) * 0.005
    return reply
  }

  static func instruct(_ server: ChatTestServer, input: String, output: String, cache: String, concurrency: Int) throws -> CommandRunner.Result {
    try CommandRunner.run([
      "instruct", input, "--to", "openai-chat", "--generator", "openai-compatible", "--base-url", server.baseURL,
      "--model", "test-model", "--model-tasks", "qa,summary", "--concurrency", String(concurrency), "--cache", cache, "-o", output,
    ], timeout: 120)
  }

  @Test func aRunWritesGroundedExamplesWithTheirSourceChunkAndModel() throws {
    let folder = try ScratchFolder()
    let input = folder.path("docs.jsonl")
    try Self.distinctDocuments.write(toFile: input, atomically: true, encoding: .utf8)
    let server = try ChatTestServer(responder: ChatTestReply.documentation(for:))
    defer { server.stop() }
    let result = try Self.instruct(server, input: input, output: folder.path("out.jsonl"), cache: folder.path("cache"), concurrency: 4)
    guard result.status != -1 else { return }
    #expect(result.status == 0, "\(result.stderr)")
    let lines = try String(contentsOfFile: folder.path("out.jsonl"), encoding: .utf8).split(separator: "\n")
    // 3 documents × 2 sections: 3 pairs and a summary each.
    #expect(lines.count == 24, "\(result.stderr)")
    #expect(server.received.count == 12)
    #expect(server.received.allSatisfy { $0.problem == nil && $0.model == "test-model" })
    let first = try JSONParser().parse(String(lines[0]))
    let metadata = first["metadata"]
    #expect(metadata?["source_id"]?.stringValue == "lamp")
    #expect(metadata?["chunk_id"]?.stringValue?.hasPrefix("lamp#") == true)
    #expect(metadata?["span"]?["end"]?.integerValue != nil)
    #expect(metadata?["generator"]?["model"]?.stringValue == "test-model")
    #expect(metadata?["generator"]?["template"]?.stringValue?.count == 64)
    let answer = first["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
    #expect(answer == "Replace the bulb with a twelve watt LED after switching the lamp off.")
  }

  @Test func concurrencyOneAndSixteenWriteTheSameBytes() throws {
    let folder = try ScratchFolder()
    let input = folder.path("docs.jsonl")
    try Self.documents(12).write(toFile: input, atomically: true, encoding: .utf8)
    var outputs: [Data] = []
    for concurrency in [1, 16] {
      let server = try ChatTestServer(responder: Self.scrambled)
      defer { server.stop() }
      let output = folder.path("out-\(concurrency).jsonl")
      let result = try Self.instruct(server, input: input, output: output, cache: folder.path("cache-\(concurrency)"), concurrency: concurrency)
      guard result.status != -1 else { return }
      #expect(result.status == 0, "\(result.stderr)")
      outputs.append(try Data(contentsOf: URL(fileURLWithPath: output)))
    }
    #expect(outputs[0] == outputs[1])
    #expect(!outputs[0].isEmpty)
  }

  @Suite struct LongTests {
    /// After 10 calls the server drops every connection mid-reply: the run fails once its retries
    /// are spent (exit 2, no output); the server recovers, and the rerun calls only for what is
    /// missing and writes the uninterrupted bytes. (The server keeps its port throughout, so no
    /// other test's server can take it.)
    @Test func anInterruptedRunResumedGivesTheBytesOfAnUninterruptedOne() throws {
      let folder = try ScratchFolder()
      let input = folder.path("docs.jsonl")
      try InstructModelRunTests.documents(8).write(toFile: input, atomically: true, encoding: .utf8)

      let reference = try ChatTestServer(responder: ChatTestReply.documentation(for:))
      defer { reference.stop() }
      let whole = try InstructModelRunTests.instruct(reference, input: input, output: folder.path("whole.jsonl"), cache: folder.path("cache-whole"), concurrency: 4)
      guard whole.status != -1 else { return }
      #expect(whole.status == 0, "\(whole.stderr)")
      let calls = reference.received.count

      let dropping = DropSwitch()
      let server = try ChatTestServer(responder: { request in
        let drops = dropping.on.withLock { drops in
          if request.number == 10 { drops = true }
          return drops
        }
        return drops ? ChatTestReply.closeMidReply : ChatTestReply.documentation(for: request)
      })
      defer { server.stop() }
      let output = folder.path("resumed.jsonl")
      let cut = try InstructModelRunTests.instruct(server, input: input, output: output, cache: folder.path("cache"), concurrency: 4)
      #expect(cut.status == 2, "\(cut.stderr)")
      #expect(!FileManager.default.fileExists(atPath: output))

      dropping.on.withLock { $0 = false }
      let before = server.received.count
      let resumed = try InstructModelRunTests.instruct(server, input: input, output: output, cache: folder.path("cache"), concurrency: 4)
      #expect(resumed.status == 0, "\(resumed.stderr)")
      #expect(server.received.count - before < calls)
      #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(contentsOf: URL(fileURLWithPath: folder.path("whole.jsonl"))))
    }
  }
}

/// Whether the test server drops its connections, switched by the test and read by the responder.
private final class DropSwitch: Sendable {
  let on = Mutex(false)
}
