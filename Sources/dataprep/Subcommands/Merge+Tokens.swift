import DataPrep
import Foundation

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `tokens` or `stats` run into what one process writes.
  func mergeTokenReports(_ merger: ShardPartsMerger) throws {
    if merger.stage == "stats" {
      guard let report = TokenStatisticsReport.merging(merger.reports), let first = merger.reports.first?.objectValue,
        let format = first["output"]?.stringValue.flatMap(ReportFormat.init(rawValue:))
      else { throw ShardError.badParts(reason: "a stats shard's marker holds no statistics report; run the shards again with --force") }
      let maxTokens = first["max_tokens"]?.integerValue.map { Int($0) }
      try DataPrepCommand.Stats.write(report, format: format, maxTokens: maxTokens, to: output)
      return
    }
    var tally = TokenCountTally()
    for report in merger.reports {
      guard let counted = report["tally"].flatMap(TokenCountTally.init(json:)) else {
        throw ShardError.badParts(reason: "a tokens shard's marker holds no tally; run the shards again with --force")
      }
      tally.add(counted)
    }
    let file = try OutputFile(path: output)
    if merger.reports.first?["report"]?.stringValue == "total" {
      try file.write("\(tally.tokens)\n")
    } else {
      try merger.merge(into: file)
    }
    try file.commit()
    if tally.withoutText > 0 && !common.quiet {
      FileHandle.standardError.write(Data(DataPrepCommand.Tokens.withoutTextNote(tally.withoutText).utf8))
    }
  }
}
