import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `split` run into `-o DIR`: what one process writes there
  /// (each split's records in input order, then the leakage check and its repair on the joined
  /// files, and `split.json`), with its messages and exit status. The split's settings are the
  /// shards' own arguments, read again from their marker.
  func mergeSplit(_ merger: ShardPartsMerger) throws {
    guard output != "-" else { throw ValidationError("split parts join into a folder: -o names it (train.jsonl, validation.jsonl, split.json)") }
    guard let first = merger.reports.first, let arguments = first["arguments"]?.arrayValue?.compactMap(\.stringValue),
      arguments.first == "split"
    else { throw ShardError.badParts(reason: "a split shard's marker holds no arguments; run the shards again with --force") }
    var command = try DataPrepCommand.Split.parse(Array(arguments.dropFirst()))
    command.shard.force = first["force"]?.boolValue ?? false
    command.common.jobs = common.jobs
    command.common.quiet = common.quiet
    let options = try command.options()
    let splitter = Splitter(options: options)
    var tally = SplitShardTally(sides: options.ratios.count)
    for (index, report) in merger.reports.enumerated() {
      guard let counted = report["tally"].flatMap(SplitShardTally.init(json:)), counted.counts.count == tally.counts.count else {
        throw ShardError.badParts(reason: "split shard \(index) holds no tally; run it again with --force")
      }
      tally.add(counted)
      if let path = merger.path(of: DataPrepCommand.Split.groupsOutput, shard: index) { try tally.readGroups(path: path) }
    }
    let paths = try splitter.preparedOutputPaths(in: output)
    let result = try splitter.finish(merged: tally, input: command.input, paths: paths) {
      for (side, name) in options.splitNames.enumerated() {
        let file = try OutputFile(path: paths[side])
        try merger.merge(name, into: file)
        try file.commit()
      }
    }
    try command.tell(result, options: options, directory: output)
  }
}
