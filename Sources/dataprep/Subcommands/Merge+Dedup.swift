import DataPrep

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `dedup` run (for now as records with summed counts).
  func mergeDedup(_ merger: ShardPartsMerger) throws {
    try mergeRecords(merger)
  }
}
