import DataPrep

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `instruct` run (for now as records with summed counts).
  func mergeInstruct(_ merger: ShardPartsMerger) throws {
    try mergeRecords(merger)
  }
}
