import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `instruct` run: the shards wrote each document's candidate
  /// examples; the resolve pass applies, in input order, what depends on earlier documents and
  /// writes the examples and the summary one process writes. The options are rebuilt from the
  /// arguments the shards recorded (run merge where relative `--tokenizer`/`--template` paths
  /// still resolve).
  func mergeInstruct(_ merger: ShardPartsMerger) throws {
    guard let arguments = merger.reports.first?["arguments"]?.arrayValue?.compactMap(\.stringValue), arguments.first == "instruct"
    else { throw ShardError.badParts(reason: "the instruct shards' markers do not record their arguments; run them again with --force") }
    let command = try DataPrepCommand.Instruct.parse(Array(arguments.dropFirst()))
    let instructor = Instructor(options: try command.instructOptions())
    let writer = try JSONLWriter(path: output)
    let summary = try instructor.resolveCandidates({ body in try merger.forEachLine(ShardPart.mainOutput, body) }, to: writer)
    try writer.finish()
    if !common.quiet {
      FileHandle.standardError.write(Data((summary.report + "\n").utf8))
    }
  }
}
