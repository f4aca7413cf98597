import DataPrep

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `tokens` run (for now as records with summed counts).
  func mergeTokenReports(_ merger: ShardPartsMerger) throws {
    try mergeRecords(merger)
  }
}
