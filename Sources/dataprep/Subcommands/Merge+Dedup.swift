import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand.Merge {
  /// Merges the parts of `dedup --stage filter`: the kept records in input order, and the
  /// summary a single process prints. The other stages' parts are read by the next stage.
  func mergeDedup(_ merger: ShardPartsMerger) throws {
    guard merger.stage == "dedup-filter" else {
      throw ValidationError(
        "\(merger.stage) parts are read by the next dedup stage, not merged; merge the parts of --stage filter (docs/dedup.md)")
    }
    let file = try OutputFile(path: output)
    try merger.merge(into: file)
    try file.commit()
    if !common.quiet {
      let summary = DedupSummary(report: merger.reports.first ?? .null)
      FileHandle.standardError.write(Data((summary.description + "\n").utf8))
    }
  }
}
