import DataPrep
import Foundation

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `filter` run into what one process writes: the kept (or
  /// annotated) records in input order; the reasons report, joined from every piece's report in
  /// input order (so the samples are the first of each reason), written where the shards'
  /// `--report` named; the summary on stderr.
  func mergeFilter(_ merger: ShardPartsMerger) throws {
    func damaged(_ what: String) -> ShardError {
      .badParts(reason: "a filter shard's marker holds no \(what); run the shards again with --force")
    }
    guard let first = merger.reports.first, let names = first["rules"]?.arrayValue, let annotate = first["annotate"]?.boolValue,
      let samples = first["samples_per_reason"]?.integerValue
    else { throw damaged("settings") }
    var options = QualityFilterOptions()
    options.rules = try names.map { name in
      guard let set = name.stringValue.flatMap(QualityRuleSet.init(rawValue:)) else { throw damaged("rule sets") }
      return set
    }
    options.annotate = annotate
    var pieces: [(input: Int, start: Int, shard: Int, report: FilterReport)] = []
    for (shard, report) in merger.reports.enumerated() {
      guard let list = report["pieces"]?.arrayValue else { throw damaged("piece reports") }
      for piece in list {
        guard let input = piece["input"]?.integerValue, let start = piece["start"]?.integerValue,
          let result = piece["report"].flatMap(FilterReport.init(json:))
        else { throw damaged("piece reports") }
        pieces.append((Int(input), Int(start), shard, result))
      }
    }
    pieces.sort { ($0.input, $0.start, $0.shard) < ($1.input, $1.start, $1.shard) }
    var result = FilterReport()
    for piece in pieces { result.append(piece.report, samplesPerReason: Int(samples)) }
    let file = try OutputFile(path: output)
    try merger.merge(into: file)
    try file.commit()
    try DataPrepCommand.Filter.finish(result, options: options, report: first["report"]?.stringValue, quiet: common.quiet)
  }
}
