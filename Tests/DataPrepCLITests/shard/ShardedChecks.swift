import Foundation
import Testing

import DataPrep

/// Runs a command whole and as `N` shards joined by `dataprep merge`, for the tests that the
/// two give the same bytes and exit status.
struct ShardedChecks {
  let folder: ScratchFolder

  init() throws {
    folder = try ScratchFolder()
  }

  /// Runs `arguments` as `count` shards writing into a fresh parts folder given with
  /// `partsFlag`, each expected to exit 0, then `dataprep merge` of that folder with `mergeArguments`.
  func sharded(_ arguments: [String], count: Int, partsFlag: String, mergeArguments: [String] = []) throws -> CommandRunner.Result {
    let parts = folder.path("parts-\(UUID().uuidString)")
    for index in 0..<count {
      let shard = try CommandRunner.run(arguments + ["--shard", "\(index)/\(count)", partsFlag, parts, "--quiet"])
      #expect(shard.status == 0, "shard \(index)/\(count) of \(arguments): \(shard.stderr)")
    }
    return try CommandRunner.run(["merge", parts] + mergeArguments)
  }

  /// The bytes of the file at `path` (empty when missing).
  func bytes(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
  }

  /// A small tiktoken rank file (the 256 bytes), so the commands that count tokens start fast.
  func tokenizer() throws -> String {
    let lines = (0..<256).map { "\(Data([UInt8($0)]).base64EncodedString()) \($0)" }
    return try folder.write("bytes.tiktoken", lines.joined(separator: "\n") + "\n")
  }

  /// A chat dataset with what the checks across records look at: an exact duplicate, a
  /// conflict, near duplicates, an answer line repeated over many sources, a bad JSON line, a
  /// record of another format, a blank line, a byte-order mark, groups of uneven size.
  func chatDataset(records: Int = 60, name: String = "train.jsonl") throws -> String {
    var generator = SeededGenerator(seed: 7)
    let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa", "lambda", "sigma", "omega", "rho"]
    func sentence(_ n: Int) -> String { (0..<n).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ") }
    func chat(_ question: String, _ answer: String, source: String, task: String) -> String {
      let object: JSONValue = [
        "messages": [["role": "user", "content": .string(question)], ["role": "assistant", "content": .string(answer)]],
        "metadata": ["source_id": .string(source), "task": .string(task)],
      ]
      return JSONWriter().string(of: object)
    }
    var lines: [String] = []
    let shared = sentence(40)
    for i in 0..<records {
      let task = ["faq", "faq", "faq", "summary", "title"][i % 5]
      var answer = sentence(10 + i % 30)
      if i % 6 == 2 { answer = "Home about contact page navigation\n" + answer }
      if i % 11 == 5 { answer = shared + " " + sentence(2) }
      lines.append(chat("What about \(sentence(4)) number \(i)?", answer, source: "doc\(i / 2)", task: task))
      if i == 20 { lines.append(lines[lines.count - 1]) }
      if i == 25 { lines.append(chat("What about conflict?", "one answer here", source: "c1", task: "faq")) }
      if i == 35 { lines.append(chat("What about conflict?", "another answer here", source: "c2", task: "faq")) }
      if i == 30 { lines.append("{not json") }
      if i == 40 { lines.append("") }
      if i == 45 { lines.append(#"{"prompt":"What is it?","completion":"A thing."}"#) }
    }
    return try folder.write(name, "\u{FEFF}" + lines.joined(separator: "\n") + "\n")
  }

  /// `path` without its byte-order mark and its line that is not JSON, at `name`: input every
  /// command reads without stopping.
  func cleaned(_ path: String, name: String) throws -> String {
    var text = String(decoding: bytes(path), as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return try folder.write(name, text.split(separator: "\n").filter { !$0.contains("{not json") }.joined(separator: "\n") + "\n")
  }

  /// A validation set: fresh records, one copied from `train`'s line 6 and one sharing its group.
  func validationDataset(copying train: String) throws -> String {
    let trainLines = String(decoding: bytes(train), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for i in 0..<6 {
      lines.append(#"{"messages":[{"role":"user","content":"Held out question \#(i)?"},{"role":"assistant","content":"Held out answer number \#(i) with some words."}],"metadata":{"source_id":"v\#(i)","task":"faq"}}"#)
    }
    lines.append(String(trainLines[5]))
    return try folder.write("validation.jsonl", lines.joined(separator: "\n") + "\n")
  }
}
