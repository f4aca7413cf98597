import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep merge`: the parts of a sharded run joined into what one process would have written.
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Join the parts of a sharded run into what one process would have written.",
      discussion: """
        PARTS are the folders the shards wrote into (or their part-IIIII-of-NNNNN.done.json \
        markers). Every shard 0..N-1 of one job must have finished. Records are copied in the \
        order a single process writes them; the shards' counts and reports are merged.

        Exit status: 0 merged; 1 the merged run failed by its stage's rules (extract: every \
        input failed, --record or --field matched nothing; nothing is written); 2 a shard is missing, the parts belong to different jobs, or a \
        part is damaged (nothing is written).
        """
    )

    @Argument(help: "The folders holding the parts (or their marker files).")
    var parts: [String]

    @Option(name: .shortAndLong, help: "Output file (`-` for stdout); a folder for stages with several outputs (split).")
    var output: String = "-"

    @OptionGroup var common: CommonOptions

    func run() throws {
      let merger = try ShardPartsMerger(paths: parts)
      // Stages whose reports need more than summed counts merge them in their own file.
      switch merger.stage {
      case "extract": try mergeExtract(merger)
      case "instruct": try mergeInstruct(merger)
      case "tokens", "stats": try mergeTokenReports(merger)
      case "validate": try mergeValidation(merger)
      case "leakage": try mergeLeakage(merger)
      case "split": try mergeSplit(merger)
      case "filter": try mergeFilter(merger)
      case "redact": try mergeRedact(merger)
      case let stage where stage.hasPrefix("dedup"): try mergeDedup(merger)
      default: try mergeRecords(merger)
      }
    }

    /// The main output's records in input order, and the shards' counts summed.
    func mergeRecords(_ merger: ShardPartsMerger) throws {
      let names = merger.outputNames
      if names == [ShardPart.mainOutput] || names.isEmpty {
        let file = try OutputFile(path: output)
        let lines = try merger.merge(into: file)
        try file.commit()
        if !common.quiet {
          FileHandle.standardError.write(Data("merged \(merger.count) shards of \(merger.stage): \(lines) records\n".utf8))
          for line in Self.summedCounts(merger.reports) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        return
      }
      guard output != "-" else {
        throw ValidationError("\(merger.stage) parts have several outputs (\(names.joined(separator: ", "))): -o names a folder")
      }
      try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
      for name in names {
        let file = try OutputFile(path: "\(output)/\(name).jsonl")
        try merger.merge(name, into: file)
        try file.commit()
      }
      if !common.quiet {
        FileHandle.standardError.write(Data("merged \(merger.count) shards of \(merger.stage) into \(output)\n".utf8))
      }
    }
  
    /// `key: total` for each integer member of the shards' report objects, in first-seen order.
    static func summedCounts(_ reports: [JSONValue]) -> [String] {
      var order: [String] = []
      var totals: [String: Int64] = [:]
      for report in reports {
        guard let object = report.objectValue else { continue }
        for member in object {
          guard case .integer(let n) = member.value else { continue }
          if totals[member.key] == nil { order.append(member.key) }
          totals[member.key, default: 0] += n
        }
      }
      return order.map { "\($0): \(totals[$0] ?? 0)" }
    }
  }
}
