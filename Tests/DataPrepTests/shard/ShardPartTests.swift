import Foundation
import Testing

@testable import DataPrep
import DataPrepTestSupport

/// A shard's parts and marker: written atomically, skipped when done, refused when stale, and
/// merged back in input order.
@Suite struct ShardPartTests {
  /// Runs shard `index` of `count` of a job copying each input line through, in `folder`.
  @discardableResult
  private func runShard(
    _ index: Int, of count: Int, inputs: [String], folder: String, settings: [String] = [], force: Bool = false
  ) throws -> ShardJob.Outcome {
    let job = ShardJob(
      stage: "copy", shard: try Shard(index: index, count: count), folder: folder, inputs: inputs, settings: settings,
      force: force)
    return try job.run({ piece, part in
      let writer = try part.writer()
      let before = writer.count
      try ShardInputs.reader(for: piece, limits: .standard).forEachRecordWithRawLine { _, line in
        try writer.writeRawLine(line)
        return true
      }
      return [ShardPart.mainOutput: writer.count - before]
    }, report: { ["records": 1] })
  }

  private func merged(_ folder: String, in directory: TemporaryDirectory) throws -> String {
    let out = directory.path("merged-\(UUID().uuidString).jsonl")
    let file = try OutputFile(path: out)
    try ShardPartsMerger(paths: [folder]).merge(into: file)
    try file.commit()
    return try String(contentsOfFile: out, encoding: .utf8)
  }

  private func records(_ count: Int, tag: String = "r") -> String {
    (0..<count).map { #"{"id":"\#(tag)\#($0)"}"# + "\n" }.joined()
  }

  @Test(arguments: [1, 2, 4, 7])
  func oneFileMergesBackToItsBytes(count: Int) throws {
    let directory = try TemporaryDirectory()
    let text = records(50)
    let input = try directory.write("in.jsonl", text)
    let folder = directory.path("parts")
    for index in (0..<count).reversed() { try runShard(index, of: count, inputs: [input], folder: folder) }
    #expect(try merged(folder, in: directory) == text)
  }

  @Test(arguments: [2, 3, 7])
  func severalFilesAreTakenStridedAndMergedInListOrder(count: Int) throws {
    let directory = try TemporaryDirectory()
    let texts = (0..<5).map { records($0 + 1, tag: "f\($0)-") }
    let inputs = try texts.enumerated().map { try directory.write("in\($0.offset).jsonl", $0.element) }
    let folder = directory.path("parts")
    for index in 0..<count { try runShard(index, of: count, inputs: inputs, folder: folder) }
    #expect(try merged(folder, in: directory) == texts.joined())
    let marker = try ShardMarker.read(path: folder + "/part-00001-of-0000\(count).done.json")
    #expect(marker.pieces.map(\.input) == Array(stride(from: 1, to: 5, by: count)))
  }

  @Test func aFinishedShardIsSkippedAndRunsAgainWithForce() throws {
    let directory = try TemporaryDirectory()
    let input = try directory.write("in.jsonl", records(10))
    let folder = directory.path("parts")
    guard case .finished = try runShard(0, of: 2, inputs: [input], folder: folder) else { Issue.record("did not run"); return }
    guard case .skipped = try runShard(0, of: 2, inputs: [input], folder: folder) else { Issue.record("ran twice"); return }
    guard case .finished = try runShard(0, of: 2, inputs: [input], folder: folder, force: true) else {
      Issue.record("--force did not run it")
      return
    }
  }

  @Test func partsOfAnotherCountOrOtherInputsAreRefused() throws {
    let directory = try TemporaryDirectory()
    let input = try directory.write("in.jsonl", records(10))
    let folder = directory.path("parts")
    try runShard(0, of: 4, inputs: [input], folder: folder)
    #expect { try runShard(0, of: 7, inputs: [input], folder: folder) } throws: { error in
      guard case ShardError.staleOutputs(_, let reason) = error else { return false }
      return reason.contains("4-shard") && reason.contains("7 shards")
    }
    try runShard(1, of: 4, inputs: [input], folder: folder, settings: ["--other"])
      |> { _ in Issue.record("other settings were accepted") }
  }

  @Test func changedInputsRefuseUnlessForcedAndForceClearsAnotherCount() throws {
    let directory = try TemporaryDirectory()
    let input = try directory.write("in.jsonl", records(10))
    let folder = directory.path("parts")
    try runShard(0, of: 2, inputs: [input], folder: folder)
    try directory.write("in.jsonl", records(12))
    #expect(throws: ShardError.self) { try runShard(1, of: 2, inputs: [input], folder: folder) }
    try runShard(0, of: 3, inputs: [input], folder: folder, force: true)
    #expect(!FileManager.default.fileExists(atPath: folder + "/part-00000-of-00002.jsonl"))
    #expect(FileManager.default.fileExists(atPath: folder + "/part-00000-of-00003.done.json"))
  }

  @Test func mergeRefusesMissingShardsDamagedPartsAndMixedJobs() throws {
    let directory = try TemporaryDirectory()
    let input = try directory.write("in.jsonl", records(20))
    let folder = directory.path("parts")
    try runShard(0, of: 3, inputs: [input], folder: folder)
    try runShard(2, of: 3, inputs: [input], folder: folder)
    #expect { try ShardPartsMerger(paths: [folder]) } throws: { error in
      guard case ShardError.badParts(let reason) = error else { return false }
      return reason.contains("1 of 3 shards") && reason.contains("shard 1")
    }
    try runShard(1, of: 3, inputs: [input], folder: folder)
    let part = folder + "/part-00001-of-00003.jsonl"
    let bytes = try Data(contentsOf: URL(fileURLWithPath: part))
    try bytes.dropLast(10).write(to: URL(fileURLWithPath: part))
    #expect(throws: ShardError.self) { try merged(folder, in: directory) }
    #expect(throws: ShardError.self) { try ShardPartsMerger(paths: [directory.path("nothing-here")]) }
  }

  @Test func aKilledShardsTemporaryFilesAreClearedByItsRerun() throws {
    let directory = try TemporaryDirectory()
    let input = try directory.write("in.jsonl", records(10))
    let folder = directory.path("parts")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try directory.write("parts/.part-00000-of-00002.jsonl.tmp-AbC123", "{\"half")
    try runShard(0, of: 2, inputs: [input], folder: folder)
    #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder)).contains { $0.contains(".tmp-") })
  }
}

infix operator |>: AdditionPrecedence
/// Runs `body` only when `value` did not throw (used to say "this should have thrown").
private func |> <T>(_ value: @autoclosure () throws -> T, _ body: (T) -> Void) rethrows {
  _ = try? { () throws -> Void in body(try value()) }()
}
