import DataPrep
import Foundation

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `leakage` run: every shard's leaks in input order (the
  /// training file's ranges, then shard 0's held-out scan), into the report one process writes,
  /// with its exit status (1 above `--max-leaks`).
  func mergeLeakage(_ merger: ShardPartsMerger) throws {
    guard let first = merger.reports.first, let format = first["output"]?.stringValue.flatMap(ReportFormat.init(rawValue:)),
      let limit = first["limit"]?.integerValue, let maxLeaks = first["max_leaks"]?.integerValue
    else { throw ShardError.badParts(reason: "a leakage shard's marker holds no report settings; run the shards again with --force") }
    var findings: [LeakFinding] = []
    for name in [ShardPart.mainOutput, DataPrepCommand.Leakage.heldOutOutput] {
      for shard in Self.shardsInInputOrder(merger) {
        guard let path = merger.path(of: name, shard: shard) else { continue }
        try JSONLReader(path: path).forEachRecord { record in
          guard let finding = LeakFinding(json: .object(record.object)) else {
            throw ShardError.badParts(reason: "\(path):\(record.line): not a leak finding; run the shard again with --force")
          }
          findings.append(finding)
          return true
        }
      }
    }
    guard let result = LeakageReport(shardJSON: first, findings: findings) else {
      throw ShardError.badParts(reason: "a leakage shard's marker holds no index sizes; run the shards again with --force")
    }
    try DataPrepCommand.Leakage.write(result, format: format, limit: Int(limit), maxLeaks: Int(maxLeaks), to: output)
  }

  /// The shard indexes in the order of the inputs they read (by their first piece).
  static func shardsInInputOrder(_ merger: ShardPartsMerger) -> [Int] {
    merger.parts.indices.sorted { a, b in
      let x = merger.parts[a].marker.pieces.first.map { ($0.input, $0.start) } ?? (Int.max, Int.max)
      let y = merger.parts[b].marker.pieces.first.map { ($0.input, $0.start) } ?? (Int.max, Int.max)
      return x != y ? x < y : a < b
    }
  }
}
