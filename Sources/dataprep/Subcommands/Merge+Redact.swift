import DataPrep
import Foundation

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `redact` run into what one process writes: the records in
  /// input order; the report (every replacement's file:line, field and kind in input order,
  /// then the summed counts) where the shards' `--report` named; the summary line on stderr.
  func mergeRedact(_ merger: ShardPartsMerger) throws {
    var summary = RedactionSummary()
    for report in merger.reports {
      guard let part = report["summary"].flatMap(RedactionSummary.init(json:)) else {
        throw ShardError.badParts(reason: "a redact shard's marker holds no summary; run the shards again with --force")
      }
      summary.add(part)
    }
    let file = try OutputFile(path: output)
    try merger.merge(into: file)
    try file.commit()
    if let path = merger.reports.first?["report"]?.stringValue {
      let report = try RedactionReportWriter(try OutputFile(path: path))
      let name = DataPrepCommand.Redact.replacementsOutput
      try merger.forEachLine(name) { line in
        guard let object = (try? JSONParser().parse(Array(line)))?.objectValue, let entry = RedactionReportEntry(json: object) else {
          throw ShardError.badParts(reason: "a redact shard's \(name) part holds a line that is not a report entry; run the shards again with --force")
        }
        try report.add(entry)
      }
      try report.finish(summary)
    }
    DataPrepCommand.Redact.say(summary, quiet: common.quiet)
  }
}
