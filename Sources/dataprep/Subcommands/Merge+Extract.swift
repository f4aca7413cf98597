import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `extract` run into what one process writes and says: the
  /// documents in listing order (furniture of the whole set removed when the shards counted
  /// it), the failures in listing order, the summary line. Exit 1, nothing written, when the
  /// whole run failed by extract's rules (every input failed, --record or --field matched nothing).
  func mergeExtract(_ merger: ShardPartsMerger) throws {
    let merge = try ExtractionPartsMerge(merger)
    func say(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    if !common.quiet { merge.notices.forEach(say) }
    merge.failures.forEach(say)
    if let problem = merge.problem {
      if !common.quiet { say(merge.summary.line) }
      say("extract: " + (problem.errorDescription ?? "failed"))
      throw ExitCode(1)
    }
    let writer = try JSONLWriter(path: output)
    let furniture = try merge.write(to: writer)
    try writer.finish()
    if !common.quiet {
      for warning in merge.warnings { say("extract: " + warning) }
      say(merge.summary.line)
      if let furniture { say(furniture.line) }
    }
  }
}
