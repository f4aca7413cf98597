import Foundation
import Testing

/// Runs a command once as one process and as N shards joined by `dataprep merge`, and checks
/// that the merge wrote the same bytes and said the same on stderr.
enum ShardRoundTrip {
  /// The shard counts every sharded path is checked with.
  static let counts = [1, 2, 4, 7]

  /// What one process writes to `output` and says on stderr, with its exit status.
  struct Run: Equatable {
    var status: Int32
    var bytes: Data?
    var stderr: String
  }

  /// `arguments` (with `output` as `-o`) run once.
  static func single(_ arguments: [String], output: String) throws -> Run {
    let result = try CommandRunner.run(arguments + ["-o", output], timeout: 300)
    return Run(status: result.status, bytes: FileManager.default.contents(atPath: output), stderr: result.stderr)
  }

  /// `arguments` run as `count` shards into `folder`, then merged into `output`. Records an
  /// issue when a shard fails.
  static func sharded(_ arguments: [String], count: Int, folder: String, output: String) throws -> Run {
    for index in 0..<count {
      let shard = try CommandRunner.run(arguments + ["-o", folder, "--shard", "\(index)/\(count)", "--quiet"], timeout: 300)
      #expect(shard.status == 0, "shard \(index)/\(count): \(shard.stderr)")
    }
    let merged = try CommandRunner.run(["merge", folder, "-o", output], timeout: 300)
    return Run(status: merged.status, bytes: FileManager.default.contents(atPath: output), stderr: merged.stderr)
  }

  /// Checks, for every count of ``counts``, that the shards merge into what one process does.
  static func expectSame(_ arguments: [String], in scratch: ScratchFolder, name: String) throws {
    let one = try single(arguments, output: scratch.path("\(name)-one.jsonl"))
    #expect(one.status == 0, "\(one.stderr)")
    for count in counts {
      let merged = try sharded(
        arguments, count: count, folder: scratch.path("\(name)-parts-\(count)"), output: scratch.path("\(name)-merged-\(count).jsonl"))
      #expect(merged.status == one.status, "\(count) shards: \(merged.stderr)")
      #expect(merged.bytes == one.bytes, "\(count) shards: other bytes than one process")
      #expect(merged.stderr == one.stderr, "\(count) shards: the merge says \(merged.stderr), one process \(one.stderr)")
    }
  }
}
