import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `validate` run: every record's events replayed in input
  /// order through the checks across records, then the leakage and dataset-wide checks, into
  /// the report one process writes (in its `--output` style) with its exit status. The run's
  /// settings are the shards' own arguments, read again from their marker.
  func mergeValidation(_ merger: ShardPartsMerger) throws {
    guard let first = merger.reports.first, let arguments = first["arguments"]?.arrayValue?.compactMap(\.stringValue),
      arguments.first == "validate"
    else { throw ShardError.badParts(reason: "a validate shard's marker holds no arguments; run the shards again with --force") }
    var command = try DataPrepCommand.Validate.parse(Array(arguments.dropFirst()))
    command.common.jobs = common.jobs
    var pieces: [ValidationRun.ShardPiece] = []
    var tallies: [JSONValue] = []
    for (index, report) in merger.reports.enumerated() {
      guard let list = report["pieces"]?.arrayValue, let groups = report["groups"] else {
        throw ShardError.badParts(reason: "validate shard \(index) holds no summary; run it again with --force")
      }
      tallies.append(groups)
      for piece in list {
        guard let input = piece["input"]?.integerValue, let start = piece["start"]?.integerValue,
          let summary = piece["summary"].flatMap(ValidationPieceSummary.init(json:))
        else { throw ShardError.badParts(reason: "validate shard \(index) holds a damaged piece summary; run it again with --force") }
        let events = merger.path(of: DataPrepCommand.Validate.eventsOutput(Int(input)), shard: index)
        pieces.append(ValidationRun.ShardPiece(input: Int(input), start: Int(start), summary: summary, events: events))
      }
    }
    guard let report = try command.validationRun().merge(pieces: pieces, groupTallies: tallies, warn: DataPrepCommand.Validate.warn)
    else { throw ShardError.badParts(reason: "the validate shards' summaries do not cover every file; run the missing shards again with --force") }
    try command.write(report, to: output)
  }
}
